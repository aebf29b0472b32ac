import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { CutSource } from '../../core/media/planned-cut';
import type { MediaTools } from '../../core/media/media-tools';
import { probeVideo } from '../../core/media/probe-video';

const run = promisify(execFile);

/** What issue 4 measures on: a 30 s 1080p clip with sound, and a 12-megapixel photo. */
export const BENCH_VIDEO = { width: 1920, height: 1080, frameRate: 30, durationS: 30 } as const;
export const BENCH_PHOTO = { width: 4000, height: 3000 } as const;

export interface BenchVideo {
  file: string;
  bytes: number;
  source: CutSource;
}

export interface BenchPhoto {
  file: string;
  bytes: number;
  width: number;
  height: number;
}

/**
 * A clip that costs what a phone's does to decode and encode: a Mandelbrot zoom (detail at every
 * scale, changing every frame) under temporal grain like a sensor's, in H.264 High at about the
 * 16 Mbit/s phones record 1080p30 at, with a 48 kHz stereo AAC tone. A flat test pattern would
 * decode and encode several times faster and flatter the renderer.
 */
export async function makeBenchVideo(dir: string, tools: MediaTools): Promise<BenchVideo> {
  const { width, height, frameRate, durationS } = BENCH_VIDEO;
  const file = path.join(dir, 'source-1080p.mp4');
  const picture = `mandelbrot=size=${width}x${height}:rate=${frameRate},noise=alls=6:allf=t`;
  const tone = 'sine=frequency=440:sample_rate=48000';
  const video = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-maxrate', '16M', '-bufsize', '32M', '-pix_fmt', 'yuv420p'];
  const audio = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'];
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    picture,
    '-f',
    'lavfi',
    '-i',
    tone,
    '-t',
    String(durationS),
    ...video,
    ...audio,
    '-movflags',
    '+faststart',
    file,
  ];
  await run(tools.ffmpegPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const probe = await probeVideo(file, tools);
  const source: CutSource = { width: probe.width, height: probe.height, durationS: probe.durationS, frameRate: probe.frameRate, hasAudio: probe.hasAudio };
  return { file, bytes: (await stat(file)).size, source };
}

/**
 * A JPEG that compresses like a photo (a few MB at 12 megapixels, quality 90): smooth colour
 * regions, mid-scale texture, a few hard-edged shapes for the attention crop to find, and fine
 * grain. Pure noise would be several times larger and slower to decode than any photo.
 */
export async function makeBenchPhoto(dir: string, size: { width: number; height: number } = BENCH_PHOTO): Promise<BenchPhoto> {
  const { width, height } = size;
  const file = path.join(dir, `photo-${width}x${height}.jpg`);
  const noise = (w: number, h: number, sigma: number) =>
    sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } });
  const regions = await noise(40, 30, 60).resize(width, height, { fit: 'fill', kernel: 'cubic' }).blur(20).png({ compressionLevel: 0 }).toBuffer();
  const texture = await noise(Math.ceil(width / 4), Math.ceil(height / 4), 40)
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const grain = await noise(width, height, 12).png({ compressionLevel: 0 }).toBuffer();
  await sharp(regions)
    .composite([{ input: texture, blend: 'soft-light' }, { input: shapes(width, height) }, { input: grain, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toFile(file);
  return { file, bytes: (await stat(file)).size, width, height };
}

/** A disc and a block placed off-centre, in proportion to the picture. */
function shapes(width: number, height: number): Buffer {
  const u = Math.min(width, height) / 3000;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<circle cx="${0.65 * width}" cy="${0.4 * height}" r="${500 * u}" fill="#d04020"/>` +
      `<rect x="${0.15 * width}" y="${0.6 * height}" width="${900 * u}" height="${700 * u}" fill="#204080"/></svg>`,
  );
}
