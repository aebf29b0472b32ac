import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { checkCutLengths, type CutSource, type PlannedCut, type RenderedCut } from '../ads/ad-cut-plan';
import { MediaProcessError, runMediaProcess } from './ffmpeg-process';
import type { MediaTools } from './media-tools';

export interface RenderAdCutsOptions {
  /** The share (0..1) of the decoded span done so far: never decreasing, at most every half second. */
  onProgress?: (fraction: number) => void;
  /** The render is killed past this; the default allows a slow machine a full 16-cut request. */
  timeoutMs?: number;
  /** Aborting kills ffmpeg at once and rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** Ad platforms seek and cut on keyframes: one every 2 s exactly, never an extra one at a scene change. */
export const KEYFRAME_INTERVAL_S = 2;
const MAX_FRAME_RATE = 60;
/** For a source whose rate the probe could not tell (variable or missing). */
const DEFAULT_FRAME_RATE = 30;
/** Short fades, so a cut that starts or ends mid-sound does not click. */
const FADE_IN_S = 0.15;
const FADE_OUT_S = 0.3;
/**
 * x264: `superfast` took about 30 % less CPU than `veryfast` on the 12-cut bench set, which is
 * what a 12-cut request needs to stay near 90 s on two cores. Its files are larger for the same
 * CRF (on the bench's noisy source, 463 MB at CRF 21 against 275 MB for veryfast at CRF 22), so
 * CRF 23 holds the size back; ad platforms re-encode on upload anyway.
 */
const VIDEO_CODEC_ARGS = ['-c:v', 'libx264', '-preset', 'superfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p'];
const AUDIO_CODEC_ARGS = ['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'];
/** The blurred fill is made at 1/8 of the frame and scaled up: the same look for a sliver of the work. */
const BLUR_DOWNSCALE = 8;
const BLUR_RADIUS = 6;
/** The label's height and its distance from the frame's edges, as shares of the frame's short side. */
const LABEL_SIZE = 0.045;
const LABEL_MARGIN = 0.06;
/** DejaVu Sans Bold glyphs average under this many ems: the label shrinks so a long one still fits. */
const LABEL_EM_PER_CHAR = 0.75;
const LABEL_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
/** The poster is the frame 1 s in, or 10 % in for shorter cuts: past the first frames of a fade or a cut. */
const POSTER_AT_S = 1;
const POSTER_AT_SHARE = 0.1;
const DEFAULT_TIMEOUT_MS = 20 * 60_000;
const PROBE_TIMEOUT_MS = 60_000;
const PROGRESS_INTERVAL_MS = 500;
/** ffmpeg's last words are enough to say why it failed. */
const STDERR_TAIL_CHARS = 2000;

/** The part of the source every cut lies in: decoded once, from the earliest start to the latest end. */
interface Span {
  startS: number;
  durationS: number;
}

/**
 * Renders every cut of a request into `outDir` from ONE ffmpeg process: the source is decoded
 * once over the span the cuts cover, and split into one branch per cut (trimmed, fitted to its
 * frame, labelled, with its own audio), each encoded to its own H.264/AAC faststart MP4. Then a
 * WebP poster per cut, taken from the finished file, and its duration as ffprobe measures it.
 */
export async function renderAdCuts(file: string, source: CutSource, cuts: PlannedCut[], tools: MediaTools, outDir: string, options: RenderAdCutsOptions = {}): Promise<RenderedCut[]> {
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

/** The output's frame rate: the source's, rounded to whole frames and capped; 30 when unknown. */
export function outputFrameRate(sourceRate: number | null): number {
  if (sourceRate === null || !Number.isFinite(sourceRate) || sourceRate < 1) return DEFAULT_FRAME_RATE;
  return Math.min(MAX_FRAME_RATE, Math.round(sourceRate));
}

function decodedSpan(cuts: readonly PlannedCut[]): Span {
  const startS = Math.min(...cuts.map((cut) => cut.startS));
  const endS = Math.max(...cuts.map((cut) => cut.startS + cut.durationS));
  return { startS, durationS: endS - startS };
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
 * The whole command. Input seek to the span's start (ffmpeg decodes from the keyframe before it
 * and drops frames up to it, so the span starts exactly there); `-t` stops reading at its end.
 * A last null output carries every frame of the span, so ffmpeg's progress clock (the furthest
 * output time) runs over the whole span rather than over the longest cut.
 */
function renderArgs(file: string, source: CutSource, cuts: readonly PlannedCut[], span: Span, outputs: readonly string[], labelFiles: ReadonlyArray<string | null>): string[] {
  const fps = outputFrameRate(source.frameRate);
  const graph = filterGraph(source, cuts, span, fps, labelFiles);
  const keyframes = String(KEYFRAME_INTERVAL_S * fps);
  const outputArgs = cuts.flatMap((_, i) => [
    ...['-map', `[v${i}out]`, '-map', `[a${i}out]`],
    ...VIDEO_CODEC_ARGS,
    ...['-g', keyframes, '-keyint_min', keyframes, '-sc_threshold', '0'],
    ...AUDIO_CODEC_ARGS,
    ...['-map_metadata', '-1', '-map_chapters', '-1', '-movflags', '+faststart'],
    outputs[i]!,
  ]);
  return [
    ...['-v', 'error', '-nostdin', '-y', '-nostats', '-progress', 'pipe:1'],
    // The graph's fps filter already made the rate constant; ffmpeg's own frame-rate sync would
    // pad a cut of a variable-rate source with a duplicate last frame.
    ...['-vsync', 'passthrough'],
    ...(span.startS > 0 ? ['-ss', span.startS.toFixed(3)] : []),
    ...['-t', span.durationS.toFixed(3), '-i', file],
    ...['-filter_complex', graph],
    ...outputArgs,
    ...['-map', '[tick]', '-f', 'null', '-'],
  ];
}

/**
 * One graph for all cuts: the span's frames at a constant rate (the rotation ffmpeg applies from
 * the source's display matrix comes before it), split into one branch per frame and fit (a
 * 6, 15 and 30 s cut of the same aspect share one scaled stream: scaling is the costliest step
 * after encoding) and one for the progress clock; each fitted stream is split again into its
 * cuts, trimmed and labelled. The audio is split per cut likewise, or silent when there is none.
 */
function filterGraph(source: CutSource, cuts: readonly PlannedCut[], span: Span, fps: number, labelFiles: ReadonlyArray<string | null>): string {
  const groups = fitGroups(cuts);
  const chains = [`[0:v:0]fps=${fps},split=${groups.length + 1}${groups.map((_, g) => `[g${g}]`).join('')}[tick]`];
  if (source.hasAudio) chains.push(`[0:a:0]asplit=${cuts.length}${cuts.map((_, i) => `[a${i}]`).join('')}`);
  groups.forEach((members, g) => {
    const group = decodedSpan(members.map((i) => cuts[i]!));
    const trimmed = `[g${g}]${trimFilter(group.startS - span.startS, group.durationS)}`;
    const fitted = members.map((i) => `[g${g}c${i}]`).join('');
    chains.push(...fittedVideo(cuts[members[0]!]!, trimmed, `setsar=1,format=yuv420p,split=${members.length}${fitted}`, `g${g}`));
    for (const i of members) {
      const cut = cuts[i]!;
      const label = labelFiles[i] ? `,${labelFilter(cut, labelFiles[i]!)}` : '';
      chains.push(`[g${g}c${i}]${trimFilter(cut.startS - group.startS, cut.durationS)}${label}[v${i}out]`);
    }
  });
  cuts.forEach((cut, i) => {
    const startS = (cut.startS - span.startS).toFixed(3);
    chains.push(source.hasAudio ? `[a${i}]${cutAudio(cut, startS)}[a${i}out]` : `${silence(cut)}[a${i}out]`);
  });
  return chains.join(';');
}

/** Indices of the cuts that share a frame and fit, in the order each pair first appears. */
function fitGroups(cuts: readonly PlannedCut[]): number[][] {
  const groups = new Map<string, number[]>();
  cuts.forEach((cut, i) => {
    const key = `${cut.width}x${cut.height}:${cut.fit}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

const trimFilter = (startS: number, durationS: number): string => `trim=start=${startS.toFixed(3)}:duration=${durationS.toFixed(3)},setpts=PTS-STARTPTS`;

/**
 * `crop`: the largest centred region of the frame's aspect, scaled to the frame. Cropping before
 * scaling means a 1080p landscape source becomes a 9:16 frame by scaling 608×1080 pixels up,
 * not 1920×1080 up to 3413×1920 and then throwing most of them away. `blur`: the whole picture
 * scaled to fit, centred over a blurred, cropped copy of itself that fills the frame.
 */
function fittedVideo(cut: PlannedCut, trimmed: string, finish: string, id: string): string[] {
  const { width: w, height: h } = cut;
  const cover = (cw: number, ch: number) => `crop=w='min(iw,ih*${cw}/${ch})':h='min(ih,iw*${ch}/${cw})',scale=${cw}:${ch}`;
  if (cut.fit === 'crop') return [`${trimmed},${cover(w, h)},${finish}`];
  const [bw, bh] = [even(w / BLUR_DOWNSCALE), even(h / BLUR_DOWNSCALE)];
  return [
    `${trimmed},split[${id}bg][${id}fg]`,
    `[${id}bg]${cover(bw, bh)},boxblur=${BLUR_RADIUS}:2,scale=${w}:${h},setsar=1[${id}fill]`,
    `[${id}fg]scale=${w}:${h}:force_original_aspect_ratio=decrease,setsar=1[${id}fit]`,
    `[${id}fill][${id}fit]overlay=x=(W-w)/2:y=(H-h)/2:shortest=1,${finish}`,
  ];
}

/**
 * The label in white on a semi-opaque black box, in the top-left corner inside a safe margin
 * (platform buttons sit along the right and bottom edges). Sized on the short side, which is
 * 1080 in every format, so a label reads the same in each; a long label shrinks to fit.
 */
function labelFilter(cut: PlannedCut, labelFile: string): string {
  const shortSide = Math.min(cut.width, cut.height);
  const margin = Math.round(shortSide * LABEL_MARGIN);
  const padding = Math.round(shortSide * LABEL_SIZE * 0.35);
  const room = cut.width - 2 * (margin + padding);
  const chars = [...(cut.disclosure ?? '')].length;
  const fontSize = Math.max(12, Math.min(Math.round(shortSide * LABEL_SIZE), Math.floor(room / (chars * LABEL_EM_PER_CHAR))));
  const options = [
    `fontfile=${filterValue(LABEL_FONT)}`,
    `textfile=${filterValue(labelFile)}`,
    'expansion=none',
    `fontsize=${fontSize}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.6',
    `boxborderw=${padding}`,
    `x=${margin + padding}`,
    `y=${margin + padding}`,
  ];
  return `drawtext=${options.join(':')}`;
}

/** The cut's audio at 48 kHz stereo, padded with silence if the source's ends early, faded in and out. */
function cutAudio(cut: PlannedCut, startS: string): string {
  const d = cut.durationS.toFixed(3);
  return [
    `atrim=start=${startS}:duration=${d}`,
    'asetpts=PTS-STARTPTS',
    'aresample=48000',
    'aformat=sample_fmts=fltp:channel_layouts=stereo',
    'apad',
    `atrim=duration=${d}`,
    `afade=t=in:d=${FADE_IN_S}`,
    `afade=t=out:st=${Math.max(0, cut.durationS - FADE_OUT_S).toFixed(3)}:d=${FADE_OUT_S}`,
  ].join(',');
}

/** Ad platforms reject or mishandle files without sound: a source with none gets a silent stereo track. */
function silence(cut: PlannedCut): string {
  return `anullsrc=r=48000:cl=stereo,atrim=duration=${cut.durationS.toFixed(3)}`;
}

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/**
 * A value inside a filter graph passes two parsers: the filter's options (`\`, `'`, `:` special)
 * and the graph's (`\`, `'`, `[`, `]`, `,`, `;` special). Escaped for both, any path is safe.
 */
function filterValue(value: string): string {
  const inOptions = value.replace(/[\\':]/g, '\\$&');
  return inOptions.replace(/[\\'[\],;]/g, '\\$&');
}

/**
 * Runs the render directly rather than through fluent-ffmpeg: the command is a hand-built
 * multi-output graph either way, and runMediaProcess gives what a render needs (its own process
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
    if (err instanceof MediaProcessError && err.timedOut) throw new Error(`ffmpeg took longer than ${timeoutMs / 1000} s to render ${adCuts(cutCount)} and was stopped`);
    if (err instanceof MediaProcessError) throw new Error(`ffmpeg failed to render ${adCuts(cutCount)} (exit code ${err.exitCode}): ${ffmpegReason(err.stderr.slice(-STDERR_TAIL_CHARS))}`);
    throw err;
  }
  progress.finish();
}

/**
 * Turns ffmpeg's `-progress` lines into fractions of the span. `out_time_us` (ffmpeg 4.2+) and
 * the older, misnamed `out_time_ms` both count microseconds; the bundled 2018 build writes only
 * the latter. Reports only forward moves, at most every PROGRESS_INTERVAL_MS.
 */
function progressReader(spanS: number, onProgress: ((fraction: number) => void) | undefined) {
  let pending = '';
  let reported = 0;
  let reportedAt = 0;
  const report = (fraction: number, now: number) => {
    reported = fraction;
    reportedAt = now;
    onProgress?.(fraction);
  };
  return {
    read(chunk: string): void {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:us|ms)=(\d+)$/.exec(line.trim());
        if (!match) continue;
        const fraction = Math.min(1, Number(match[1]) / 1e6 / spanS);
        const now = Date.now();
        if (fraction > reported && now - reportedAt >= PROGRESS_INTERVAL_MS) report(fraction, now);
      }
    },
    /** The last report before ffmpeg exits may be throttled away or fall short of the end: a clean exit is all of it. */
    finish(): void {
      if (reported < 1) report(1, Date.now());
    },
  };
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

/** The file's duration as a player reads it from the container. */
async function measuredDurationS(file: string, tools: MediaTools, signal: AbortSignal | undefined): Promise<number> {
  const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file];
  const { stdout } = await runMediaProcess(tools.ffprobePath, args, { timeoutMs: PROBE_TIMEOUT_MS, signal });
  const durationS = Number(stdout.toString('utf8').trim());
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error(`ffprobe read no duration from the rendered cut ${path.basename(file)}`);
  return durationS;
}

/** The frame at `atS` of the finished cut as a WebP of the cut's size: PNG from ffmpeg, then sharp (the bundled ffmpeg has no WebP encoder). */
async function writePoster(file: string, atS: number, poster: string, tools: MediaTools, signal: AbortSignal | undefined): Promise<void> {
  const args = ['-v', 'error', '-nostdin', '-ss', atS.toFixed(3), '-i', file, '-map', '0:v:0', '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'];
  const { stdout: png } = await runMediaProcess(tools.ffmpegPath, args, { timeoutMs: PROBE_TIMEOUT_MS, signal });
  if (!png.length) throw new Error(`ffmpeg gave no frame at ${atS.toFixed(3)} s of the rendered cut ${path.basename(file)}`);
  await sharp(png).webp({ quality: 80 }).toFile(poster);
}
