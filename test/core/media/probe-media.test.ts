import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateMediaTools } from '../../../core/media/media-tools';
import { probeMedia } from '../../../core/media/probe-media';
import { UnreadableMediaError } from '../../../core/media/unreadable-media-error';
import { cutFile, makeImage, makePngBomb, makeVideo, rotateVideo90 } from '../../helpers/media-fixtures';

const tools = locateMediaTools();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'probe-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('videos (ffprobe)', () => {
  it('reads size, duration, frame rate and codecs', async () => {
    const file = await makeVideo(dir, 'clip.mp4', { width: 320, height: 180, durationS: 2, audio: true });
    expect(await probeMedia(file, 'video', tools)).toEqual({
      width: 320,
      height: 180,
      durationS: expect.closeTo(2, 1),
      frameRate: 25,
      videoCodec: 'h264',
      audioCodec: 'aac',
      hasAudio: true,
    });
  });

  it('a silent clip has no audio codec', async () => {
    const file = await makeVideo(dir, 'silent.mp4', { width: 160, height: 90, durationS: 1 });
    expect(await probeMedia(file, 'video', tools)).toMatchObject({ hasAudio: false, audioCodec: null });
  });

  it('a portrait phone clip (display matrix turned 90°) reports displayed dimensions', async () => {
    const file = await makeVideo(dir, 'phone.mp4', { width: 320, height: 180, durationS: 1 });
    await rotateVideo90(file);
    expect(await probeMedia(file, 'video', tools)).toMatchObject({ width: 180, height: 320 });
  });

  it('an MP4 cut in half (index at the end, lost) fails as unreadable', async () => {
    const file = await makeVideo(dir, 'cut.mp4', { width: 320, height: 180, durationS: 2, audio: true });
    await cutFile(file, 0.5);
    await expect(probeMedia(file, 'video', tools)).rejects.toThrow(UnreadableMediaError);
    await expect(probeMedia(file, 'video', tools)).rejects.toThrow(/\(truncated or corrupt\): moov atom not found/);
  });

  it('a faststart MP4 cut short (index intact, frames missing) fails as unreadable', async () => {
    const file = await makeVideo(dir, 'cut-faststart.mp4', { width: 320, height: 180, durationS: 3, faststart: true });
    await cutFile(file, 0.6);
    await expect(probeMedia(file, 'video', tools)).rejects.toThrow(/truncated or corrupt/);
  });

  it('an image given as a video has no video stream', async () => {
    const file = await makeImage(dir, 'still.png', { width: 64, height: 64, format: 'png' });
    await expect(probeMedia(file, 'video', tools)).rejects.toThrow(UnreadableMediaError);
  });

  it('a missing ffprobe binary is not the file’s fault (retryable, not UnreadableMediaError)', async () => {
    const file = await makeVideo(dir, 'ok.mp4', { width: 64, height: 64, durationS: 0.5 });
    const error = await probeMedia(file, 'video', { ...tools, ffprobePath: path.join(dir, 'no-ffprobe') }).catch((e: unknown) => e);
    expect(error).toHaveProperty('code', 'ENOENT');
    expect(error).not.toBeInstanceOf(UnreadableMediaError);
  });
});

describe('images (sharp)', () => {
  it('reads size; no duration or codecs', async () => {
    const file = await makeImage(dir, 'photo.webp', { width: 300, height: 200, format: 'webp' });
    expect(await probeMedia(file, 'image', tools)).toEqual({
      width: 300,
      height: 200,
      durationS: null,
      frameRate: null,
      videoCodec: null,
      audioCodec: null,
      hasAudio: null,
    });
  });

  it.each([
    [1, 300, 200],
    [3, 300, 200],
    [6, 200, 300],
    [8, 200, 300],
  ])('EXIF orientation %i → displayed %i×%i', async (orientation, width, height) => {
    const file = await makeImage(dir, `o${orientation}.jpg`, { width: 300, height: 200, format: 'jpeg', orientation });
    expect(await probeMedia(file, 'image', tools)).toMatchObject({ width, height });
  });

  it('a decompression bomb fails on its pixel count, before decoding', async () => {
    const file = await makePngBomb(dir);
    const before = process.memoryUsage().rss;
    await expect(probeMedia(file, 'image', tools)).rejects.toThrow(/too large to process: over 100 megapixels/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a truncated JPEG fails as unreadable', async () => {
    const file = path.join(dir, 'cut.jpg');
    await copyFile(await makeImage(dir, 'whole.jpg', { width: 800, height: 600, format: 'jpeg' }), file);
    await cutFile(file, 0.5);
    await expect(probeMedia(file, 'image', tools)).rejects.toThrow(/cannot be read \(truncated or corrupt\)/);
  });

  it('bytes that only look like a PNG fail as unreadable', async () => {
    const file = path.join(dir, 'fake.png');
    await writeFile(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]));
    await expect(probeMedia(file, 'image', tools)).rejects.toThrow(UnreadableMediaError);
  });
});
