import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { DemoClip, DemoImage, DemoMedia } from './demo-catalog';

const run = promisify(execFile);

/**
 * `small` divides sizes by 4 and clips' frame rate by 2.5: for tests and slow machines. Clips
 * keep their length either way, so every standard ad cut (6, 15, 30 s) can be made of each.
 */
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

/**
 * A clip made of flat colour, a moving square and a scene change every few seconds (so the
 * hook finder has something to find), with the creator's band at the bottom. Flat frames
 * generate and encode fast: a 32 s 1080×1920 clip in a few seconds where ffmpeg's testsrc2
 * took ten times longer, and the demo does not need detail.
 */
async function generateClip(clip: DemoClip, size: DemoSize, dir: string, ffmpegPath: string): Promise<GeneratedFile> {
  const { width, height } = scaled(clip, size);
  const rate = size === 'small' ? 6 : 15;
  const duration = clip.durationS;
  const filename = `${clip.key}.mp4`;
  const file = path.join(dir, filename);
  const [accent, base] = clip.colors.map((c) => c.replace('#', '0x'));
  const audioIn = clip.toneHz === null ? [] : ['-f', 'lavfi', '-i', `sine=frequency=${clip.toneHz}:duration=${duration}`];
  const audioOut = clip.toneHz === null ? ['-an'] : ['-c:a', 'aac', '-b:a', '64k', '-flags:a', '+bitexact'];
  await run(
    ffmpegPath,
    [
      ...['-y', '-hide_banner', '-loglevel', 'error'],
      ...['-f', 'lavfi', '-i', `color=c=${base}:size=${width}x${height}:rate=${rate}:duration=${duration},format=yuv420p`],
      ...audioIn,
      ...['-vf', clipFilters(accent!), '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-flags:v', '+bitexact'],
      ...audioOut,
      ...['-shortest', '-movflags', '+faststart', '-fflags', '+bitexact', '-map_metadata', '-1', file],
    ],
    { timeout: 120_000 },
  );
  return { path: file, filename, mimeType: 'video/mp4' };
}

/** A scene of the accent colour 3 s in every 9, a square crossing the frame every 4 s, the band. */
function clipFilters(accent: string): string {
  return [
    `drawbox=x=0:y=0:w=iw:h=ih:color=${accent}@0.5:t=fill:enable='between(mod(t,9),6,9)'`,
    `drawbox=x='mod(t/4,1)*iw':y=ih/3:w=iw/4:h=iw/4:color=0xffffff@0.6:t=fill`,
    `drawbox=x=0:y=ih*5/6:w=iw:h=ih/6:color=${accent}@0.8:t=fill`,
  ].join(',');
}

/** Even dimensions: yuv420p video needs them, and images do not mind. */
function scaled(media: DemoMedia, size: DemoSize): { width: number; height: number } {
  const divisor = size === 'small' ? 4 : 1;
  const even = (n: number) => Math.max(2, Math.round(n / divisor / 2) * 2);
  return { width: even(media.width), height: even(media.height) };
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
