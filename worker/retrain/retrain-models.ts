import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { comments } from '../../core/db';
import { MediaProcessError, runMediaProcess } from '../../core/media/ffmpeg-process';
import { DEFAULT_SEEDS_DIR } from '../../core/nlp/training/seed-examples';
import type { TrainCommentModelsOptions } from '../../core/nlp/training/train-comment-models';
import type { Services } from '../../core/runtime/services';
import { activeClassifier, retrainedModelsRoot, switchToVersion } from '../../core/comments/active-classifier';
import { queueClassification } from '../../core/comments/classification-jobs';
import { asTrainingExample, correctionExamples } from '../../core/comments/comment-corrections';
import { PROJECT_ROOT, RUNNING_COMPILED } from '../../core/config/project-root';

export interface RetrainOptions {
  /** Classify every comment again with the new models once they are in use. */
  reclassify: boolean;
  /** Train on a seeded sample of this many rows per corpus: seconds instead of minutes. */
  rowsPerCorpus?: number;
  onProgress?: (percent: number) => unknown;
}

export interface RetrainResult {
  /** The folder under DATA_DIR/models/nlp now in use, and the models' own version string. */
  version: string;
  modelVersion: string;
  /** Corrected comments folded in as examples. */
  corrections: number;
  /** The flow re-classifying every comment, when asked for. */
  reclassifyJobId: string | null;
  trainSeconds: number;
}

/** The same seed as the shipped models: a retrain differs from them by the corrections only. */
const TRAINING_SEED = 1;
/** The child's entry beside this file: compiled JavaScript runs under plain node, the sources under tsx. */
const TRAIN_COMMAND = RUNNING_COMPILED
  ? [path.join(__dirname, 'train-models-process.js')]
  : ['--import', 'tsx', path.join(__dirname, 'train-models-process.ts')];

/**
 * Trains new models from the training corpora and seeds plus every corrected comment (the
 * latest correction of each label: a person's word outweighs corpus rows), into a new
 * versioned folder under DATA_DIR (the shipped models are never overwritten), then switches
 * every process sharing DATA_DIR to them (see active-classifier.ts). Optionally re-classifies
 * all comments with them.
 *
 * Training is minutes of synchronous arithmetic, so it runs in a child process: in this one it
 * would freeze the API of `npm start` and stop BullMQ from renewing the job's lock.
 */
export async function retrainModels(services: Services, options: RetrainOptions): Promise<RetrainResult> {
  const { config, database } = services;
  const examples = await correctionExamples(database.db);
  await options.onProgress?.(5);
  const version = `retrained-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomUUID().slice(0, 8)}`;
  const outDir = path.join(retrainedModelsRoot(config), version);
  const trained = await trainInChildProcess({
    dataDir: config.nlpCorporaDir,
    seedsDir: DEFAULT_SEEDS_DIR,
    seed: TRAINING_SEED,
    extraExamples: examples.map(asTrainingExample),
    outDir,
    ...(options.rowsPerCorpus === undefined ? {} : { rowsPerCorpus: options.rowsPerCorpus }),
  });
  await options.onProgress?.(90);
  await switchToVersion(config, version);
  const classifier = await activeClassifier(config);
  const reclassifyJobId = options.reclassify ? await queueClassification(services, await allCommentIds(services)) : null;
  return { version, modelVersion: classifier.modelVersion, corrections: examples.length, reclassifyJobId, trainSeconds: trained.trainSeconds };
}

async function trainInChildProcess(options: Omit<TrainCommentModelsOptions, 'log'>): Promise<{ modelVersion: string; trainSeconds: number }> {
  await mkdir(options.outDir, { recursive: true });
  const optionsFile = path.join(options.outDir, 'training-options.json');
  await writeFile(optionsFile, JSON.stringify(options));
  try {
    const output = await run(process.execPath, [...TRAIN_COMMAND, optionsFile]);
    return JSON.parse(output.trim().split('\n').at(-1)!) as { modelVersion: string; trainSeconds: number };
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
 * worker. Resolves with its stdout, rejects with the end of its stderr.
 */
async function run(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await runMediaProcess(command, args, { cwd: PROJECT_ROOT, timeoutMs: TRAINING_TIMEOUT_MS });
    return stdout.toString();
  } catch (err) {
    if (!(err instanceof MediaProcessError)) throw err;
    throw new Error(`Training failed (${err.message}): ${err.stderr.trim().split('\n').slice(-3).join(' ')}`, { cause: err });
  }
}

/** Full training takes about 4 minutes on one core; far past that it is stuck. */
const TRAINING_TIMEOUT_MS = 60 * 60 * 1000;

async function allCommentIds(services: Services): Promise<string[]> {
  const rows = await services.database.db.select({ id: comments.id }).from(comments).orderBy(asc(comments.id));
  return rows.map((r) => r.id);
}
