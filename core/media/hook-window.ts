import type { CutSource } from './planned-cut';
import { runMediaProcess } from './ffmpeg-process';
import type { MediaTools } from './media-tools';

/** One analysed frame: when it is shown and how much it differs from the one before (0..1). */
export interface ScoredSample {
  atS: number;
  score: number;
}

/**
 * Frames are compared at 5 a second, 64×64: enough to see cuts and motion, and the analysis
 * costs little more than decoding the source (an hour of video is 72 MB of samples).
 */
const SAMPLES_PER_S = 5;
const SAMPLE_SIDE = 64;
const MAX_ANALYSIS_BYTES = 256 * 1024 * 1024;
const ANALYSIS_TIMEOUT_MS = 5 * 60_000;
/** Sample times and sums are floating point: compare them with this slack. */
const EPSILON_S = 1e-6;

/**
 * The most eventful start for each cut duration asked for (the "hook" an ad should open on),
 * from ONE analysis pass over the source shared by every duration. A duration covering the
 * whole source starts at 0 and needs no analysis.
 */
export async function findHookStarts(file: string, source: CutSource, durationsS: number[], tools: MediaTools): Promise<Map<number, number>> {
  const durations = [...new Set(durationsS)];
  const needsAnalysis = durations.some((durationS) => durationS < source.durationS);
  const samples = needsAnalysis ? await frameChanges(file, tools) : [];
  return new Map(durations.map((durationS) => [durationS, bestWindowStart(samples, durationS, source.durationS)]));
}

/**
 * The start of the window of `durationS` whose samples add up to the most change, in
 * milliseconds; ties go to the earliest. Candidate starts are 0, every sample and the last start
 * that still fits, so a window never runs past the end of the source.
 */
export function bestWindowStart(samples: readonly ScoredSample[], durationS: number, sourceDurationS: number): number {
  const latestStart = sourceDurationS - durationS;
  if (latestStart <= EPSILON_S) return 0;
  const sorted = [...samples].sort((a, b) => a.atS - b.atS);
  const times = sorted.map((s) => s.atS);
  const sums = prefixSums(sorted.map((s) => s.score));
  const windowScore = (startS: number) => sums[firstAtOrAfter(times, startS + durationS)]! - sums[firstAtOrAfter(times, startS)]!;
  const candidates = [0, ...times.filter((t) => t > 0 && t < latestStart), latestStart];
  let best = { startS: 0, score: windowScore(0) };
  for (const startS of candidates) {
    const score = windowScore(startS);
    if (score > best.score + EPSILON_S) best = { startS, score };
  }
  return Math.floor(best.startS * 1000 + EPSILON_S) / 1000;
}

/** sums[i] is the total of the first i values. */
function prefixSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) sums.push(sums[sums.length - 1]! + value);
  return sums;
}

/** The index of the first time at or after `atS` (binary search over sorted times). */
function firstAtOrAfter(times: readonly number[], atS: number): number {
  let [low, high] = [0, times.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid]! < atS - EPSILON_S) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How much each sample differs from the one before: the first video stream at 5 frames a second,
 * shrunk to 64×64 grey (area-averaged, so sensor noise cancels out) and read raw from stdout.
 * Measured here rather than with ffmpeg's `scene` score, which rates a change in the amount of
 * motion and gives steady motion (a dance, a pan) almost nothing.
 */
async function frameChanges(file: string, tools: MediaTools): Promise<ScoredSample[]> {
  const filter = `fps=${SAMPLES_PER_S},scale=${SAMPLE_SIDE}:${SAMPLE_SIDE}:flags=area,format=gray`;
  const args = ['-v', 'error', '-nostdin', '-i', file, '-map', '0:v:0', '-vf', filter, '-f', 'rawvideo', '-'];
  const { stdout } = await runMediaProcess(tools.ffmpegPath, args, { timeoutMs: ANALYSIS_TIMEOUT_MS, maxStdoutBytes: MAX_ANALYSIS_BYTES });
  return scoreFrames(stdout, SAMPLE_SIDE * SAMPLE_SIDE, SAMPLES_PER_S);
}

/**
 * Scores consecutive 8-bit grey frames by their mean absolute difference (0 = the same picture,
 * 1 = black to white), each at its own time; the first has nothing to differ from and scores 0.
 */
export function scoreFrames(raw: Buffer, frameBytes: number, samplesPerS: number): ScoredSample[] {
  const count = Math.floor(raw.length / frameBytes);
  const samples: ScoredSample[] = [];
  for (let i = 0; i < count; i++) {
    let total = 0;
    if (i > 0) for (let at = i * frameBytes, end = at + frameBytes; at < end; at++) total += Math.abs(raw[at]! - raw[at - frameBytes]!);
    samples.push({ atS: i / samplesPerS, score: total / frameBytes / 255 });
  }
  return samples;
}
