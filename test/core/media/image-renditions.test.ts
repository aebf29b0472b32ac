import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { imageRenditionKey, planImageRenditions, renderImageRenditions, type RenderedImage } from '../../../core/media/image-renditions';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'image-renditions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A picture whose stored left half is red and right half blue, so a turn shows in its pixels. */
async function twoHalves(width: number, height: number): Promise<Buffer> {
  const blue = await sharp({ create: { width: width / 2, height, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
}

/** 2400×1600 stored, EXIF orientation 6 (displayed 1600×2400), with GPS coordinates in its EXIF. */
async function phoneJpeg(): Promise<string> {
  const file = path.join(dir, 'phone.jpg');
  await sharp(await twoHalves(2400, 1600))
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 13/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 0/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toFile(file);
  return file;
}

/** The EXIF entry pointing at the GPS IFD: tag 0x8825, type LONG, little-endian as libvips writes it. */
const hasGpsIfd = (exif: Buffer | undefined): boolean => exif?.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) ?? false;

const bySpec = (images: RenderedImage[]) => new Map(images.map((i) => [imageRenditionKey('a', i.spec), i]));
const dims = (images: RenderedImage[]) => images.map((i) => `${imageRenditionKey('a', i.spec).split('/').at(-1)} ${i.width}x${i.height}`).sort();

async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

describe('planImageRenditions', () => {
  it('never upscales: a narrow source gets one variant at its own width, crops as large as it allows', () => {
    const plan = planImageRenditions(200, 150);
    expect(plan.filter((s) => s.kind === 'image')).toEqual([
      { kind: 'image', width: 200, format: 'webp' },
      { kind: 'image', width: 200, format: 'avif' },
      { kind: 'image', width: 200, format: 'jpeg' },
    ]);
    expect(plan.filter((s) => s.kind === 'crop' && s.format === 'webp').map((s) => s.width)).toEqual([150, 120, 84]);
  });

  it('a 1200-wide source stops the ladder at 1080', () => {
    const widths = new Set(planImageRenditions(1200, 900).flatMap((s) => (s.kind === 'image' ? [s.width] : [])));
    expect([...widths]).toEqual([320, 640, 1080]);
  });
});

describe('renderImageRenditions', () => {
  it('a phone JPEG: orientation applied, every width and crop, EXIF and GPS gone', async () => {
    const file = await phoneJpeg();
    const source = await sharp(file).metadata();
    expect(source).toMatchObject({ width: 2400, height: 1600, orientation: 6 });
    expect(hasGpsIfd(source.exif)).toBe(true);

    const images = await renderImageRenditions(file);
    expect(dims(images)).toEqual(
      [
        ...['webp', 'avif', 'jpg'].flatMap((ext) => [
          `image-320.${ext} 320x480`,
          `image-640.${ext} 640x960`,
          `image-1080.${ext} 1080x1620`,
          `image-1600.${ext} 1600x2400`,
        ]),
        ...['webp', 'jpg'].flatMap((ext) => [`crop-1x1-1080.${ext} 1080x1080`, `crop-4x5-1080.${ext} 1080x1350`, `crop-9x16-1080.${ext} 1080x1920`]),
      ].sort(),
    );
    for (const image of images) {
      const meta = await sharp(image.bytes).metadata();
      expect({ format: meta.format === 'heif' ? 'avif' : meta.format, width: meta.width, height: meta.height }).toEqual({
        format: image.spec.format,
        width: image.width,
        height: image.height,
      });
      expect(meta.exif).toBeUndefined();
      expect(hasGpsIfd(image.bytes)).toBe(false);
      expect(meta.orientation).toBeUndefined();
    }
    // Turned 90° clockwise: the stored left (red) half is now on top, the blue half below.
    const small = bySpec(images).get('assets/a/renditions/image-320.webp')!;
    const [r1, , b1] = await pixel(small.bytes, 160, 100);
    const [r2, , b2] = await pixel(small.bytes, 160, 380);
    expect(r1! > 200 && b1! < 60).toBe(true);
    expect(b2! > 200 && r2! < 60).toBe(true);
  });

  it('a PNG with alpha keeps it in WebP and AVIF, and the JPEG fallback is flattened onto white', async () => {
    const file = path.join(dir, 'alpha.png');
    const square = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 1 } } })
      .png()
      .toBuffer();
    await sharp({ create: { width: 1000, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: square, left: 300, top: 200 }])
      .png()
      .toFile(file);
    const images = bySpec(await renderImageRenditions(file));
    // 1000 wide: 320 and 640 in three formats, three crops in two.
    expect(images.size).toBe(2 * 3 + 3 * 2);
    for (const key of ['image-640.webp', 'image-640.avif', 'crop-1x1-800.webp']) {
      const meta = await sharp(images.get(`assets/a/renditions/${key}`)!.bytes).metadata();
      expect({ key, hasAlpha: meta.hasAlpha }).toEqual({ key, hasAlpha: true });
    }
    const jpeg = images.get('assets/a/renditions/image-640.jpg')!;
    expect(await sharp(jpeg.bytes).metadata()).toMatchObject({ format: 'jpeg', channels: 3, width: 640, height: 512 });
    const corner = await pixel(jpeg.bytes, 5, 5);
    expect(corner.every((c) => c > 245)).toBe(true);
    expect(await pixel(images.get('assets/a/renditions/image-640.webp')!.bytes, 5, 5)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), 0]);
  });

  it('a large CMYK JPEG comes out sRGB at every size (decoded once, shrunk to what the largest output needs)', async () => {
    const file = path.join(dir, 'cmyk.jpg');
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c83214' } })
      .toColourspace('cmyk')
      .jpeg()
      .toFile(file);
    expect(await sharp(file).metadata()).toMatchObject({ space: 'cmyk', channels: 4 });
    const images = await renderImageRenditions(file);
    expect(dims(images).filter((d) => d.includes('.jpg'))).toEqual(
      [
        'crop-1x1-1080.jpg 1080x1080',
        'crop-4x5-1080.jpg 1080x1350',
        'crop-9x16-1080.jpg 1080x1920',
        'image-1080.jpg 1080x720',
        'image-1600.jpg 1600x1067',
        'image-320.jpg 320x213',
        'image-640.jpg 640x427',
      ].sort(),
    );
    for (const image of images) {
      const meta = await sharp(image.bytes).metadata();
      expect({ space: meta.space, channels: meta.channels }).toEqual({ space: 'srgb', channels: 3 });
    }
    const [r, g, b] = await pixel(bySpec(images).get('assets/a/renditions/image-320.jpg')!.bytes, 10, 10);
    expect(r! > 150 && g! < 100 && b! < 80).toBe(true);
  });

  it('a small image is never upscaled', async () => {
    const file = path.join(dir, 'small.jpg');
    await sharp({ create: { width: 200, height: 150, channels: 3, background: '#336699' } })
      .jpeg()
      .toFile(file);
    expect(dims(await renderImageRenditions(file))).toEqual(
      [
        'image-200.webp 200x150',
        'image-200.avif 200x150',
        'image-200.jpg 200x150',
        'crop-1x1-150.webp 150x150',
        'crop-1x1-150.jpg 150x150',
        'crop-4x5-120.webp 120x150',
        'crop-4x5-120.jpg 120x150',
        'crop-9x16-84.webp 84x149',
        'crop-9x16-84.jpg 84x149',
      ].sort(),
    );
  });
});
