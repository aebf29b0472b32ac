import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { DemoClip, DemoImage, DemoMedia } from './demo-catalog';

const run = promisify(execFile);

/** `small` divides sizes by 4 and keeps clips to a second: for tests and slow machines. */
export type DemoSize = 'full' | 'small';

export interface GeneratedFile {
  path: string;
  filename: string;
  mimeType: string;
}

const IMAGE_MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/**
 * Writes one demo medium into `dir`. Output is byte-for-byte the same on every run (sharp
 * and ffmpeg with bitexact flags and no metadata), so uploading it again hits the API's
 * sha256 dedupe instead of adding a copy.
 */
export async function generateDemoMedia(media: DemoMedia, size: DemoSize, dir: string, ffmpegPath: string): Promise<GeneratedFile> {
  return media.kind === 'image' ? generateImage(media, size, dir) : generateClip(media, size, dir, ffmpegPath);
}

async function generateImage(image: DemoImage, size: DemoSize, dir: string): Promise<GeneratedFile> {
  const { width, height } = scaled(image, size);
  const filename = `${image.key}.${image.format === 'jpeg' ? 'jpg' : image.format}`;
  const file = path.join(dir, filename);
  await sharp(Buffer.from(imageSvg(image, width, height)))
    .toFormat(image.format, { quality: 85 })
    .toFile(file);
  return { path: file, filename, mimeType: IMAGE_MIME[image.format] };
}

/** A gradient with a product-like shape and the creator's caption: recognisable at a glance. */
function imageSvg(image: DemoImage, width: number, height: number): string {
  const [from, to] = image.colors;
  const unit = Math.min(width, height);
  const font = Math.max(10, Math.round(unit / 14));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${width * 0.72}" cy="${height * 0.32}" r="${unit * 0.2}" fill="#ffffff" fill-opacity="0.35"/>
  <rect x="${width * 0.12}" y="${height * 0.45}" width="${unit * 0.42}" height="${unit * 0.3}" rx="${unit * 0.04}" fill="#000000" fill-opacity="0.18"/>
  <text x="${width * 0.06}" y="${height - font * 2.6}" font-family="DejaVu Sans, sans-serif" font-size="${font}" font-weight="bold" fill="#ffffff">${xml(image.caption)}</text>
  <text x="${width * 0.06}" y="${height - font}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font * 0.6)}" fill="#ffffff">@${xml(image.creator)} · ${xml(image.skus.join(', '))}</text>
</svg>`;
}

async function generateClip(clip: DemoClip, size: DemoSize, dir: string, ffmpegPath: string): Promise<GeneratedFile> {
  const { width, height } = scaled(clip, size);
  const duration = size === 'small' ? 1 : clip.durationS;
  const filename = `${clip.key}.mp4`;
  const file = path.join(dir, filename);
  const band = `drawbox=x=0:y=ih*5/6:w=iw:h=ih/6:color=${clip.colors[0].replace('#', '0x')}@0.8:t=fill`;
  const audioIn = clip.toneHz === null ? [] : ['-f', 'lavfi', '-i', `sine=frequency=${clip.toneHz}:duration=${duration}`];
  const audioOut = clip.toneHz === null ? ['-an'] : ['-c:a', 'aac', '-b:a', '96k', '-flags:a', '+bitexact'];
  await run(
    ffmpegPath,
    [
      ...['-y', '-hide_banner', '-loglevel', 'error'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=25:duration=${duration}`],
      ...audioIn,
      ...['-vf', band, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-flags:v', '+bitexact'],
      ...audioOut,
      ...['-shortest', '-movflags', '+faststart', '-fflags', '+bitexact', '-map_metadata', '-1', file],
    ],
    { timeout: 120_000 },
  );
  return { path: file, filename, mimeType: 'video/mp4' };
}

/** Even dimensions: yuv420p video needs them, and images do not mind. */
function scaled(media: DemoMedia, size: DemoSize): { width: number; height: number } {
  const divisor = size === 'small' ? 4 : 1;
  const even = (n: number) => Math.max(2, Math.round(n / divisor / 2) * 2);
  return { width: even(media.width), height: even(media.height) };
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
