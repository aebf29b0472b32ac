import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { locateMediaTools } from '../../../core/media/media-tools';
import { probeVideo } from '../../../core/media/probe-video';
import { planVideoRenditions, previewSize, renderVideoRenditions, videoRenditionKey, type RenderedVideoRendition } from '../../../core/media/video-renditions';
import { makeVideo, rotateVideo90, type VideoSpec } from '../../helpers/media-fixtures';

const run = promisify(execFile);
const tools = locateMediaTools();
const FRAME_S = 1 / 25;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'video-renditions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Stream {
  codec_type: string;
  codec_name: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  tags?: Record<string, string>;
  side_data_list?: unknown[];
}

async function ffprobe(file: string): Promise<{ streams: Stream[]; durationS: number }> {
  const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  const out = JSON.parse(stdout) as { streams: Stream[]; format: { duration: string } };
  return { streams: out.streams, durationS: Number(out.format.duration) };
}

/** The types of an MP4's top-level boxes in file order (ISO 14496-12: 32-bit size, 4-char type; size 1 = 64-bit size follows). */
function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    const size32 = bytes.readUInt32BE(at);
    const size = size32 === 1 ? Number(bytes.readBigUInt64BE(at + 8)) : size32 === 0 ? bytes.length - at : size32;
    types.push(bytes.toString('latin1', at + 4, at + 8));
    at += size;
  }
  return types;
}

/** Renders a fresh fixture into its own output directory. */
async function rendered(name: string, spec: VideoSpec, rotate = false): Promise<RenderedVideoRendition[]> {
  const source = await makeVideo(dir, `${name}.mp4`, spec);
  if (rotate) await rotateVideo90(source);
  const outDir = path.join(dir, name);
  await mkdir(outDir);
  return renderVideoRenditions(source, await probeVideo(source, tools), tools, outDir);
}

/** Checks the preview as a player would see it and the poster's format and size; returns the preview's probe. */
async function expectValidOutputs([poster, preview]: RenderedVideoRendition[], width: number, height: number, durationS: number) {
  expect(poster).toMatchObject({ spec: { kind: 'poster', width, format: 'webp' }, width, height, durationS: null });
  expect(await sharp(poster!.file).metadata()).toMatchObject({ format: 'webp', width, height });

  expect(preview).toMatchObject({ spec: { kind: 'preview', width, height, durationS, format: 'mp4' }, width, height, durationS });
  const probe = await ffprobe(preview!.file);
  expect(probe.streams.map((s) => s.codec_type)).toEqual(['video']);
  expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width, height });
  expect(probe.streams[0]!.side_data_list).toBeUndefined(); // no display matrix: stored upright
  expect(Math.abs(probe.durationS - durationS)).toBeLessThanOrEqual(FRAME_S + 1e-6);
  const boxes = topLevelBoxes(await readFile(preview!.file));
  expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
  expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
}

describe('previewSize', () => {
  it('fits landscape into 1280×720 and portrait into 720×1280, with even sides, never enlarging', () => {
    expect(previewSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(previewSize(1080, 1920)).toEqual({ width: 720, height: 1280 });
    expect(previewSize(3840, 2160)).toEqual({ width: 1280, height: 720 });
    expect(previewSize(1079, 1921)).toEqual({ width: 718, height: 1280 });
    expect(previewSize(1080, 1080)).toEqual({ width: 720, height: 720 });
    expect(previewSize(2560, 400)).toEqual({ width: 1280, height: 200 });
    expect(previewSize(321, 241)).toEqual({ width: 320, height: 240 });
  });
});

describe('planVideoRenditions', () => {
  it('caps the preview at 10 s and gives the poster the preview width; the same source gives the same specs', () => {
    const long = { width: 1920, height: 1080, durationS: 47.36 };
    expect(planVideoRenditions(long)).toEqual([
      { kind: 'poster', width: 1280, format: 'webp' },
      { kind: 'preview', width: 1280, height: 720, durationS: 10, format: 'mp4' },
    ]);
    expect(planVideoRenditions(long)).toEqual(planVideoRenditions({ ...long }));
    expect(planVideoRenditions({ width: 320, height: 240, durationS: 3.0004 })[1]).toMatchObject({ durationS: 3 });
  });

  it('names objects deterministically', () => {
    const [poster, preview] = planVideoRenditions({ width: 1920, height: 1080, durationS: 12 });
    expect(videoRenditionKey('a1', poster)).toBe('assets/a1/renditions/poster.webp');
    expect(videoRenditionKey('a1', preview)).toBe('assets/a1/renditions/preview.mp4');
  });
});

describe('renderVideoRenditions', () => {
  it('a 12 s 1080p clip with audio → a muted 10 s 1280×720 H.264 faststart preview and a 1280×720 WebP poster', async () => {
    await expectValidOutputs(await rendered('landscape', { width: 1920, height: 1080, durationS: 12, audio: true }), 1280, 720, 10);
  }, 180_000);

  it('a phone clip stored 1920×1080 with a 90° rotation → upright 720×1280 outputs', async () => {
    const outputs = await rendered('portrait', { width: 1920, height: 1080, durationS: 2, audio: true }, true);
    await expectValidOutputs(outputs, 720, 1280, 2);
  }, 180_000);

  it('a short clip without audio, smaller than the box → a 3 s preview at its own size', async () => {
    await expectValidOutputs(await rendered('short', { width: 320, height: 240, durationS: 3 }), 320, 240, 3);
  }, 120_000);

  it('the poster is a frame from 10 % into the clip, not the first', async () => {
    const [poster] = await rendered('hued', { width: 320, height: 240, durationS: 10 });
    // testsrc2 draws a moving pattern: the frame at 1 s differs from the one at 0 s.
    const source = path.join(dir, 'hued.mp4');
    const frameAt = async (s: number) =>
      (
        await run(tools.ffmpegPath, ['-v', 'error', '-ss', String(s), '-i', source, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'], {
          encoding: 'buffer',
        })
      ).stdout;
    const raw = async (image: Buffer | string) => await sharp(image).removeAlpha().raw().toBuffer();
    const distance = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    const posterPixels = await raw(poster!.file);
    expect(distance(posterPixels, await raw(await frameAt(1)))).toBeLessThan(distance(posterPixels, await raw(await frameAt(0))));
  }, 120_000);
});
