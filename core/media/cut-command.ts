import type { CutSource, PlannedCut } from './planned-cut';
import { AD_CUT_AUDIO_ARGS, AD_CUT_VIDEO_ARGS } from './encoder-presets';

// The ffmpeg command that renders a request's cuts in one process. Pure (no I/O, no clock), so
// the graph can be read and tested apart from running it; render-ad-cuts.ts runs it.

/** Ad platforms seek and cut on keyframes: one every 2 s exactly, never an extra one at a scene change. */
export const KEYFRAME_INTERVAL_S = 2;
const MAX_FRAME_RATE = 60;
/** For a source whose rate the probe could not tell (variable or missing). */
const DEFAULT_FRAME_RATE = 30;
/** Short fades, so a cut that starts or ends mid-sound does not click. */
const FADE_IN_S = 0.15;
const FADE_OUT_S = 0.3;
/** The blurred fill is made at 1/8 of the frame and scaled up: the same look for a sliver of the work. */
const BLUR_DOWNSCALE = 8;
const BLUR_RADIUS = 6;
/** The label's height and its distance from the frame's edges, as shares of the frame's short side. */
const LABEL_SIZE = 0.045;
const LABEL_MARGIN = 0.06;
/** DejaVu Sans Bold glyphs average under this many ems: the label shrinks so a long one still fits. */
const LABEL_EM_PER_CHAR = 0.75;
const LABEL_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The part of the source every cut lies in: decoded once, from the earliest start to the latest end. */
export interface Span {
  startS: number;
  durationS: number;
}

/** The output's frame rate: the source's, rounded to whole frames and capped; 30 when unknown. */
export function outputFrameRate(sourceRate: number | null): number {
  if (sourceRate === null || !Number.isFinite(sourceRate) || sourceRate < 1) return DEFAULT_FRAME_RATE;
  return Math.min(MAX_FRAME_RATE, Math.round(sourceRate));
}

export function decodedSpan(cuts: readonly PlannedCut[]): Span {
  const startS = Math.min(...cuts.map((cut) => cut.startS));
  const endS = Math.max(...cuts.map((cut) => cut.startS + cut.durationS));
  return { startS, durationS: endS - startS };
}

/**
 * The whole command. Input seek to the span's start (ffmpeg decodes from the keyframe before it
 * and drops frames up to it, so the span starts exactly there); `-t` stops reading at its end.
 * A last null output carries every frame of the span, so ffmpeg's progress clock (the furthest
 * output time) runs over the whole span rather than over the longest cut.
 */
export function renderArgs(
  file: string,
  source: CutSource,
  cuts: readonly PlannedCut[],
  span: Span,
  outputs: readonly string[],
  labelFiles: ReadonlyArray<string | null>,
): string[] {
  const fps = outputFrameRate(source.frameRate);
  const graph = filterGraph(source, cuts, span, fps, labelFiles);
  const keyframes = String(KEYFRAME_INTERVAL_S * fps);
  const outputArgs = cuts.flatMap((_, i) => [
    ...['-map', `[v${i}out]`, '-map', `[a${i}out]`],
    ...AD_CUT_VIDEO_ARGS,
    ...['-g', keyframes, '-keyint_min', keyframes, '-sc_threshold', '0'],
    ...AD_CUT_AUDIO_ARGS,
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
