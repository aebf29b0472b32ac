import path from 'node:path';
import sharp from 'sharp';
import { PREVIEW_VIDEO_ARGS } from './encoder-presets';
import { runMediaProcess } from './ffmpeg-process';
import type { MediaTools } from './media-tools';
import { renditionKey } from '../storage/object-keys';

/** The preview fits this box (long side × short side), turned to match the source's orientation. */
export const PREVIEW_BOX = { long: 1280, short: 720 } as const;
export const MAX_PREVIEW_S = 10;
/** The poster is the frame at this fraction of the source's duration: past any fade-in or title card. */
export const POSTER_AT = 0.1;

/** What one output is; stored as the rendition's `spec` (kind aside), so its hash is stable across runs. */
export type VideoRenditionSpec =
  { kind: 'poster'; width: number; format: 'webp' } | { kind: 'preview'; width: number; height: number; durationS: number; format: 'mp4' };

export interface VideoSource {
  /** As displayed (rotation applied), as the probe reports it. */
  width: number;
  height: number;
  durationS: number;
}

export interface RenderedVideoRendition {
  spec: VideoRenditionSpec;
  width: number;
  height: number;
  durationS: number | null;
  /** The output, in the directory the caller gave (and removes). */
  file: string;
  contentType: string;
}

const RENDER_TIMEOUT_MS = 5 * 60_000;

/**
 * The preview's size: the source's displayed size shrunk (never enlarged) to fit 1280×720, or
 * 720×1280 for a portrait source, with even sides as H.264 in yuv420p requires.
 */
export function previewSize(width: number, height: number): { width: number; height: number } {
  const [boxW, boxH] = width >= height ? [PREVIEW_BOX.long, PREVIEW_BOX.short] : [PREVIEW_BOX.short, PREVIEW_BOX.long];
  const scale = Math.min(1, boxW / width, boxH / height);
  const even = (n: number): number => Math.max(2, 2 * Math.floor(Math.round(n * scale) / 2));
  return { width: even(width), height: even(height) };
}

/** The poster and preview planned for a source; the same source always gives the same specs. */
export function planVideoRenditions(source: VideoSource): [Extract<VideoRenditionSpec, { kind: 'poster' }>, Extract<VideoRenditionSpec, { kind: 'preview' }>] {
  const { width, height } = previewSize(source.width, source.height);
  const durationS = Math.round(Math.min(MAX_PREVIEW_S, source.durationS) * 1000) / 1000;
  return [
    { kind: 'poster', width, format: 'webp' },
    { kind: 'preview', width, height, durationS, format: 'mp4' },
  ];
}

/**
 * Renders the poster (WebP) and the muted preview MP4 of a probed video into `outDir`. Two
 * ffmpeg runs rather than one: the poster's fast input seek reads a few frames wherever it lies,
 * while one process would have to decode up to it even when it is past the preview's end.
 */
export async function renderVideoRenditions(file: string, source: VideoSource, tools: MediaTools, outDir: string): Promise<RenderedVideoRendition[]> {
  const [posterSpec, previewSpec] = planVideoRenditions(source);
  const { width, height } = previewSpec;
  const preview = path.join(outDir, 'preview.mp4');
  await ffmpeg(tools, [...['-t', String(previewSpec.durationS), '-i', file], ...previewArgs(width, height), preview]);
  const poster = path.join(outDir, 'poster.webp');
  await sharp(await posterFrame(file, source.durationS * POSTER_AT, width, height, tools))
    .webp({ quality: 80 })
    .toFile(poster);
  return [
    { spec: posterSpec, width, height, durationS: null, file: poster, contentType: 'image/webp' },
    { spec: previewSpec, width, height, durationS: previewSpec.durationS, file: preview, contentType: 'video/mp4' },
  ];
}

/** First video stream only, no audio/subtitles/metadata; H.264 Main yuv420p; index at the front so playback starts at once. */
function previewArgs(width: number, height: number): string[] {
  return [
    ...['-map', '0:v:0', '-an', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-vf', `scale=${width}:${height},setsar=1`],
    ...PREVIEW_VIDEO_ARGS,
    ...['-movflags', '+faststart'],
  ];
}

/**
 * One frame at `atS` as PNG on stdout, scaled to the preview's size. PNG then sharp, because the
 * bundled ffmpeg build has no WebP encoder.
 */
async function posterFrame(file: string, atS: number, width: number, height: number, tools: MediaTools): Promise<Buffer> {
  const args = [
    '-ss',
    atS.toFixed(3),
    '-i',
    file,
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-vf',
    `scale=${width}:${height},setsar=1`,
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    '-',
  ];
  const png = await ffmpeg(tools, args);
  if (!png.length) throw new Error(`ffmpeg gave no frame at ${atS.toFixed(3)} s`);
  return png;
}

/** Runs ffmpeg (niced, with a time limit, dying with the worker: runMediaProcess), returning its stdout. */
async function ffmpeg(tools: MediaTools, args: string[]): Promise<Buffer> {
  return (await runMediaProcess(tools.ffmpegPath, ['-v', 'error', '-nostdin', '-y', ...args], { timeoutMs: RENDER_TIMEOUT_MS })).stdout;
}

/** Where the rendition is stored (core/storage/object-keys.ts): `…/renditions/preview.mp4`. */
export function videoRenditionKey(assetId: string, spec: VideoRenditionSpec): string {
  return renditionKey(assetId, `${spec.kind}.${spec.format}`);
}
