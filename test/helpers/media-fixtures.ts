import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { locateMediaTools } from '../../core/media/media-tools';

/**
 * Media files made on the spot with real ffmpeg (lavfi test sources) and sharp, so no binary
 * fixture is committed and every test knows exactly what it uploads.
 */
const run = promisify(execFile);
const tools = locateMediaTools();

export interface VideoSpec {
  width: number;
  height: number;
  durationS: number;
  audio?: boolean;
  /** Index (moov) at the front, as streaming services want; ffmpeg puts it at the end by default. */
  faststart?: boolean;
  /** Colour shift of the test pattern, so two clips of the same size differ byte for byte. */
  hue?: number;
}

export async function makeVideo(dir: string, name: string, spec: VideoSpec): Promise<string> {
  const file = path.join(dir, name);
  const source = `testsrc2=size=${spec.width}x${spec.height}:rate=25:duration=${spec.durationS},hue=h=${spec.hue ?? 0}`;
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', source];
  if (spec.audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${spec.durationS}`, '-c:a', 'aac');
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (spec.faststart) args.push('-movflags', '+faststart');
  await run(tools.ffmpegPath, [...args, file]);
  return file;
}

/**
 * Turns the first track's display matrix by 90° clockwise, as a phone held upright writes it.
 * Done by hand because the bundled ffmpeg build ignores `-metadata:s:v rotate=` and predates
 * `-display_rotation`. The matrix sits at a fixed offset in the `tkhd` box (ISO 14496-12 8.3.2).
 */
export async function rotateVideo90(file: string): Promise<void> {
  const bytes = await readFile(file);
  const tkhd = bytes.indexOf('tkhd', 0, 'latin1') - 4;
  if (tkhd < 0) throw new Error(`${file} has no tkhd box`);
  const version = bytes[tkhd + 8];
  const matrixAt = tkhd + (version === 1 ? 60 : 48);
  const matrix = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000];
  matrix.forEach((value, i) => bytes.writeInt32BE(value, matrixAt + i * 4));
  await writeFile(file, bytes);
}

export interface ImageSpec {
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp' | 'gif';
  /** EXIF orientation (JPEG): 6 means "turn 90° clockwise to display". */
  orientation?: number;
  colour?: string;
}

export async function makeImage(dir: string, name: string, spec: ImageSpec): Promise<string> {
  const file = path.join(dir, name);
  let image = sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: spec.colour ?? colourOf(name) } }).toFormat(spec.format);
  if (spec.orientation) image = image.withMetadata({ orientation: spec.orientation });
  await image.toFile(file);
  return file;
}

/** A colour derived from the name, so images made under different names differ byte for byte. */
const colourOf = (name: string): string => `#${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of 12000×12000 (144 megapixels, over
 * MAX_IMAGE_PIXELS) that deflates to a few KB. Written chunk by chunk with zlib, because sharp
 * takes seconds to encode an image this size.
 */
export async function makePngBomb(dir: string, name = 'bomb.png', side = 12_000): Promise<string> {
  const file = path.join(dir, name);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((1 + side / 8) * side); // each row: filter byte 0, then all-black pixels
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await writeFile(
    file,
    Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]),
  );
  return file;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Keeps the first `fraction` of a file, as an interrupted copy would. */
export async function cutFile(file: string, fraction: number): Promise<void> {
  const { size } = await stat(file);
  await truncate(file, Math.floor(size * fraction));
}

/** A file of `bytes` bytes whose content is `head` then zeros, written without holding it in memory. */
export async function makeSizedFile(file: string, head: Buffer, bytes: number): Promise<string> {
  const handle = await open(file, 'w');
  try {
    await handle.write(head, 0, head.length, 0);
    await handle.truncate(bytes);
  } finally {
    await handle.close();
  }
  return file;
}

/**
 * A clip of odd width and height, as phone editors export (1079×1921): H.264 in 4:4:4, since
 * 4:2:0 needs even sides. Its sound (when asked for) is noise, which AAC cannot encode below
 * its target bit rate, so an output's audio bit rate shows what the encoder was told.
 */
export async function makeOddSizedVideo(dir: string, name: string, spec: VideoSpec): Promise<string> {
  const file = path.join(dir, name);
  // testsrc2 draws in 4:2:0, where crop rounds to even sides: draw larger, convert, then crop.
  const source = `testsrc2=size=${spec.width + 1}x${spec.height + 1}:rate=25:duration=${spec.durationS},format=yuv444p,crop=${spec.width}:${spec.height}`;
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', source];
  if (spec.audio) args.push('-f', 'lavfi', '-i', `anoisesrc=duration=${spec.durationS}:amplitude=0.3`, '-c:a', 'aac');
  await run(tools.ffmpegPath, [...args, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', file]);
  return file;
}

/**
 * A variable-frame-rate clip, as phones record when the light changes: about 30 frames a
 * second, each shown early or late by up to 12 ms, stored with millisecond timestamps.
 */
export async function makeVariableRateVideo(dir: string, name: string, spec: VideoSpec): Promise<string> {
  const file = path.join(dir, name);
  const source = `testsrc2=size=${spec.width}x${spec.height}:rate=30:duration=${spec.durationS},settb=1/1000,setpts='(N/30+0.012*sin(N*1.7))/TB'`;
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', source];
  if (spec.audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${spec.durationS}`, '-c:a', 'aac');
  // -vsync vfr keeps each frame's own time; -r 1000 only sets the track's clock to milliseconds.
  await run(tools.ffmpegPath, [...args, '-vsync', 'vfr', '-r', '1000', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file]);
  return file;
}

export interface EventfulVideoSpec {
  width: number;
  height: number;
  durationS: number;
  /** The only stretch with anything happening: broad stripes racing across the frame. */
  burst: { startS: number; endS: number };
}

/** A still grey clip with one burst of fast motion at a known time: the hook a cut should open on. */
export async function makeEventfulVideo(dir: string, name: string, spec: EventfulVideoSpec): Promise<string> {
  const file = path.join(dir, name);
  const { startS, endS } = spec.burst;
  const stripes = `geq=lum='128+100*sin(2*PI*(X/W*2+T*7.3))':cb=128:cr=128:enable='between(t,${startS},${endS})'`;
  const source = `color=c=gray:size=${spec.width}x${spec.height}:rate=25:duration=${spec.durationS},format=yuv420p,${stripes}`;
  await run(tools.ffmpegPath, ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file]);
  return file;
}
