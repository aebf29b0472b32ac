import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { exceedsPixelLimit, imageHeaderSize, MAX_IMAGE_PIXELS } from '../../../core/media/image-header';
import { makeImage, makePngBomb } from '../../helpers/media-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'header-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('imageHeaderSize reads what sharp wrote', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)('%s', async (format) => {
    const file = await makeImage(dir, `a.${format}`, { width: 333, height: 121, format });
    expect(imageHeaderSize(await readFile(file), `image/${format}`)).toEqual({ width: 333, height: 121 });
  });

  it('lossless WebP (VP8L)', async () => {
    const file = path.join(dir, 'lossless.webp');
    await sharp({ create: { width: 77, height: 55, channels: 3, background: '#fff' } })
      .webp({ lossless: true })
      .toFile(file);
    expect(imageHeaderSize(await readFile(file), 'image/webp')).toEqual({ width: 77, height: 55 });
  });

  it('extended WebP with alpha (VP8X)', async () => {
    const file = path.join(dir, 'alpha.webp');
    await sharp({ create: { width: 90, height: 45, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .webp()
      .withMetadata({ orientation: 3 })
      .toFile(file);
    expect(imageHeaderSize(await readFile(file), 'image/webp')).toEqual({ width: 90, height: 45 });
  });

  it('JPEG with an EXIF block before the frame header', async () => {
    const file = await makeImage(dir, 'exif.jpg', { width: 200, height: 100, format: 'jpeg', orientation: 6 });
    expect(imageHeaderSize(await readFile(file), 'image/jpeg')).toEqual({ width: 200, height: 100 });
  });
});

describe('limits', () => {
  it('a PNG bomb is over the pixel limit from its header alone', async () => {
    const head = (await readFile(await makePngBomb(dir))).subarray(0, 64);
    const size = imageHeaderSize(head, 'image/png');
    expect(size).toEqual({ width: 12_000, height: 12_000 });
    expect(exceedsPixelLimit(size!)).toBe(true);
  });

  it('the limit itself passes, one pixel more does not', () => {
    expect(exceedsPixelLimit({ width: MAX_IMAGE_PIXELS / 10_000, height: 10_000 })).toBe(false);
    expect(exceedsPixelLimit({ width: MAX_IMAGE_PIXELS / 10_000 + 1, height: 10_000 })).toBe(true);
  });

  it('a JPEG cut before its frame header → null (left to the probe)', async () => {
    const bytes = await readFile(await makeImage(dir, 'exif2.jpg', { width: 50, height: 50, format: 'jpeg', orientation: 6 }));
    expect(imageHeaderSize(bytes.subarray(0, 30), 'image/jpeg')).toBeNull();
  });

  it('garbage after a JPEG signature → null', () => {
    expect(imageHeaderSize(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]), 'image/jpeg')).toBeNull();
  });
});
