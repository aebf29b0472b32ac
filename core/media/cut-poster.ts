import path from 'node:path';
import sharp from 'sharp';
import { runMediaProcess } from './ffmpeg-process';
import type { MediaTools } from './media-tools';

// What a rendered cut is checked and shown by: its duration as players read it, and its poster.

/** The poster is the frame 1 s in, or 10 % in for shorter cuts: past the first frames of a fade or a cut. */
export const POSTER_AT_S = 1;
export const POSTER_AT_SHARE = 0.1;
const PROBE_TIMEOUT_MS = 60_000;

/** The file's duration as a player reads it from the container. */
export async function measuredDurationS(file: string, tools: MediaTools, signal: AbortSignal | undefined): Promise<number> {
  const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file];
  const { stdout } = await runMediaProcess(tools.ffprobePath, args, { timeoutMs: PROBE_TIMEOUT_MS, signal });
  const durationS = Number(stdout.toString('utf8').trim());
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error(`ffprobe read no duration from the rendered cut ${path.basename(file)}`);
  return durationS;
}

/** The frame at `atS` of the finished cut as a WebP of the cut's size: PNG from ffmpeg, then sharp (the bundled ffmpeg has no WebP encoder). */
export async function writePoster(file: string, atS: number, poster: string, tools: MediaTools, signal: AbortSignal | undefined): Promise<void> {
  const args = ['-v', 'error', '-nostdin', '-ss', atS.toFixed(3), '-i', file, '-map', '0:v:0', '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'];
  const { stdout: png } = await runMediaProcess(tools.ffmpegPath, args, { timeoutMs: PROBE_TIMEOUT_MS, signal });
  if (!png.length) throw new Error(`ffmpeg gave no frame at ${atS.toFixed(3)} s of the rendered cut ${path.basename(file)}`);
  await sharp(png).webp({ quality: 80 }).toFile(poster);
}
