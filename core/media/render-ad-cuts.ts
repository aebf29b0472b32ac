import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkCutLengths, type CutSource, type PlannedCut, type RenderedCut } from './planned-cut';
import { decodedSpan, renderArgs } from './cut-command';
import { measuredDurationS, POSTER_AT_S, POSTER_AT_SHARE, writePoster } from './cut-poster';
import { MediaProcessError, runMediaProcess } from './ffmpeg-process';
import { progressReader } from './ffmpeg-progress';
import type { MediaTools } from './media-tools';

export interface RenderAdCutsOptions {
  /** The share (0..1) of the decoded span done so far: never decreasing, at most every half second. */
  onProgress?: (fraction: number) => void;
  /** The render is killed past this; the default allows a slow machine a full 16-cut request. */
  timeoutMs?: number;
  /** Aborting kills ffmpeg at once and rejects with an `AbortError`. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 20 * 60_000;
/** ffmpeg's last words are enough to say why it failed. */
const STDERR_TAIL_CHARS = 2000;

/**
 * Renders every cut of a request into `outDir` from ONE ffmpeg process: the source is decoded
 * once over the span the cuts cover, and split into one branch per cut (trimmed, fitted to its
 * frame, labelled, with its own audio), each encoded to its own H.264/AAC faststart MP4. Then a
 * WebP poster per cut, taken from the finished file, and its duration as ffprobe measures it.
 */
export async function renderAdCuts(
  file: string,
  source: CutSource,
  cuts: PlannedCut[],
  tools: MediaTools,
  outDir: string,
  options: RenderAdCutsOptions = {},
): Promise<RenderedCut[]> {
  if (!cuts.length) return [];
  // A cut past the end would come out with sound and no picture: refuse it (422 `cut_too_long`) before any work.
  checkCutLengths(cuts, source);
  const outputs = cuts.map((_, i) => path.join(outDir, `cut-${i}.mp4`));
  const labelFiles = await writeLabels(cuts, outDir);
  try {
    const span = decodedSpan(cuts);
    const args = renderArgs(file, source, cuts, span, outputs, labelFiles);
    await runFfmpeg(tools, args, span.durationS, cuts.length, options);
  } finally {
    await Promise.all(labelFiles.map((label) => (label ? rm(label, { force: true }) : undefined)));
  }
  const rendered: RenderedCut[] = [];
  for (const [i, cut] of cuts.entries()) {
    const output = outputs[i]!;
    const durationS = await measuredDurationS(output, tools, options.signal);
    const poster = path.join(outDir, `cut-${i}.webp`);
    await writePoster(output, Math.min(POSTER_AT_S, cut.durationS * POSTER_AT_SHARE), poster, tools, options.signal);
    rendered.push({ cut, file: output, poster, durationS });
  }
  return rendered;
}

/**
 * Each label goes to drawtext as a file (`textfile=`), so a client's text reaches the frame as
 * written: nothing in it can break out of the filter graph's quoting.
 */
async function writeLabels(cuts: readonly PlannedCut[], outDir: string): Promise<Array<string | null>> {
  return Promise.all(
    cuts.map(async (cut, i) => {
      if (!cut.disclosure) return null;
      const file = path.join(outDir, `cut-${i}.label.txt`);
      await writeFile(file, cut.disclosure, 'utf8');
      return file;
    }),
  );
}

/**
 * Runs the render through runMediaProcess, which gives what a render needs (its own process
 * group that dies with the worker, lowered priority, killed on timeout or abort) and its
 * `-progress` key=value lines as they come.
 */
async function runFfmpeg(tools: MediaTools, args: string[], spanS: number, cutCount: number, options: RenderAdCutsOptions): Promise<void> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const progress = progressReader(spanS, options.onProgress);
  try {
    await runMediaProcess(tools.ffmpegPath, args, { timeoutMs, signal, onStdout: (chunk) => progress.read(chunk.toString('utf8')) });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw abortError(signal!);
    if (err instanceof MediaProcessError && err.timedOut)
      throw new Error(`ffmpeg took longer than ${timeoutMs / 1000} s to render ${adCuts(cutCount)} and was stopped`, { cause: err });
    if (err instanceof MediaProcessError)
      throw new Error(`ffmpeg failed to render ${adCuts(cutCount)} (exit code ${err.exitCode}): ${ffmpegReason(err.stderr.slice(-STDERR_TAIL_CHARS))}`, {
        cause: err,
      });
    throw err;
  }
  progress.finish();
}

/** ffmpeg's error lines on one line, without the `[demuxer @ 0x…]` prefixes that mean nothing to a reader. */
function ffmpegReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter(Boolean);
  return lines.join('; ') || 'no message';
}

const adCuts = (count: number): string => (count === 1 ? '1 ad cut' : `${count} ad cuts`);

function abortError(signal: AbortSignal): Error {
  const err = new Error('Rendering the ad cuts was aborted; ffmpeg was stopped', { cause: signal.reason });
  err.name = 'AbortError';
  return err;
}
