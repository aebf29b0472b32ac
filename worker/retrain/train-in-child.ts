import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaProcessError, runMediaProcess } from '../../core/media/ffmpeg-process';
import type { TrainCommentModelsOptions } from '../../core/nlp/training/train-comment-models';
import type { TrainingStage } from '../../core/nlp/training/training-progress';
import { PROJECT_ROOT, RUNNING_COMPILED } from '../../core/config/project-root';

export interface TrainedInChild {
  modelVersion: string;
  trainSeconds: number;
}

/** The child's entry beside this file: compiled JavaScript runs under plain node, the sources under tsx. */
const TRAIN_COMMAND = RUNNING_COMPILED
  ? [path.join(__dirname, 'train-models-process.js')]
  : ['--import', 'tsx', path.join(__dirname, 'train-models-process.ts')];

/** Full training takes about 4 minutes on one core; far past that it is stuck. */
const TRAINING_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Trains in a child process (train-models-process.ts) into `options.outDir`, telling `onStage`
 * each stage the child reports on stdout as it happens. A failed run leaves no half-written folder.
 *
 * Training is minutes of synchronous arithmetic: in the worker's process it would freeze the API
 * of `npm start` and stop BullMQ from renewing the job's lock.
 */
export async function trainInChildProcess(
  options: Omit<TrainCommentModelsOptions, 'log' | 'onStage'>,
  onStage: (stage: TrainingStage) => unknown,
  signal?: AbortSignal,
): Promise<TrainedInChild> {
  await mkdir(options.outDir, { recursive: true });
  const optionsFile = path.join(options.outDir, 'training-options.json');
  await writeFile(optionsFile, JSON.stringify(options));
  try {
    let result: TrainedInChild | undefined;
    // Progress writes one after another, so a slow one is never overtaken by the next stage's.
    let written: Promise<unknown> = Promise.resolve();
    await run([...TRAIN_COMMAND, optionsFile], signal, (line) => {
      const message = childMessage(line);
      // A progress write that fails (Redis blinking) must not fail the training: the next one will do.
      const stage = message.stage;
      if (stage) written = written.then(() => onStage(stage)).catch(() => undefined);
      if (message.result) result = message.result;
    });
    await written;
    if (!result) throw new Error('Training ended without reporting its models');
    return result;
  } catch (err) {
    await rm(options.outDir, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(optionsFile, { force: true });
  }
}

/**
 * Runs the training child through the workers' one child-process runner: its own process group
 * (a Ctrl-C drains the worker instead of killing the training under it) that dies with the
 * worker. Hands each stdout line to `onLine` as it arrives; rejects with the end of its stderr.
 */
async function run(args: string[], signal: AbortSignal | undefined, onLine: (line: string) => void): Promise<void> {
  let pending = '';
  const onStdout = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.trim()) onLine(line);
  };
  try {
    await runMediaProcess(process.execPath, args, { cwd: PROJECT_ROOT, timeoutMs: TRAINING_TIMEOUT_MS, onStdout, ...(signal ? { signal } : {}) });
    if (pending.trim()) onLine(pending);
  } catch (err) {
    if (!(err instanceof MediaProcessError)) throw err;
    throw new Error(`Training failed (${err.message}): ${err.stderr.trim().split('\n').slice(-3).join(' ')}`, { cause: err });
  }
}

/** One stdout line of the child as its message; a line that is not JSON (a library's stray print) is not ours. */
function childMessage(line: string): { stage?: TrainingStage; result?: TrainedInChild } {
  try {
    return JSON.parse(line) as { stage?: TrainingStage; result?: TrainedInChild };
  } catch {
    return {};
  }
}
