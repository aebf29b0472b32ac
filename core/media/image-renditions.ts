import sharp, { type Sharp } from 'sharp';
import { MAX_IMAGE_PIXELS } from './image-header';
import { renditionKey } from '../storage/object-keys';

/** Widths of the responsive ladder (srcset); a source narrower than the first gets one variant at its own width. */
export const IMAGE_WIDTHS = [320, 640, 1080, 1600] as const;
/** Crops for social placements, width over height; all portrait or square, so 1080 wide needs at most 1920 tall. */
export const CROP_ASPECTS = { '1:1': 1, '4:5': 4 / 5, '9:16': 9 / 16 } as const;
export const MAX_CROP_WIDTH = 1080;

export type ImageFormat = 'webp' | 'avif' | 'jpeg';
export type CropAspect = keyof typeof CROP_ASPECTS;

/** What one output is; stored as the rendition's `spec` (key order fixed, so its hash is stable). */
export type ImageRenditionSpec =
  { kind: 'image'; width: number; format: ImageFormat } | { kind: 'crop'; aspect: CropAspect; width: number; format: ImageFormat };

export interface RenderedImage {
  spec: ImageRenditionSpec;
  width: number;
  height: number;
  bytes: Buffer;
}

const WIDTH_FORMATS: readonly ImageFormat[] = ['webp', 'avif', 'jpeg'];
const CROP_FORMATS: readonly ImageFormat[] = ['webp', 'jpeg'];

/**
 * The outputs for an image displayed at `width`×`height`, never upscaled: every ladder width up to
 * the source's, or the source's own width when it is narrower than the ladder starts; each crop as
 * wide as the source allows at that aspect, capped at MAX_CROP_WIDTH.
 */
export function planImageRenditions(width: number, height: number): ImageRenditionSpec[] {
  const ladder = IMAGE_WIDTHS.filter((w) => w <= width);
  const widths = ladder.length ? ladder : [width];
  const images = widths.flatMap((w) => WIDTH_FORMATS.map((format) => ({ kind: 'image' as const, width: w, format })));
  const crops = (Object.keys(CROP_ASPECTS) as CropAspect[]).flatMap((aspect) => {
    const w = cropWidth(width, height, aspect);
    return CROP_FORMATS.map((format) => ({ kind: 'crop' as const, aspect, width: w, format }));
  });
  return [...images, ...crops];
}

const cropWidth = (width: number, height: number, aspect: CropAspect): number => Math.min(MAX_CROP_WIDTH, width, Math.floor(height * CROP_ASPECTS[aspect]));
const cropHeight = (width: number, aspect: CropAspect): number => Math.round(width / CROP_ASPECTS[aspect]);

/**
 * Renders every planned output from ONE decode: the file is decoded once (EXIF orientation applied,
 * colour converted to sRGB, shrunk to no more than the largest output needs) into raw pixels; each
 * size (a ladder width or a crop) is then resized or attention-cropped once from those pixels, and
 * every format of that size is encoded from the result, all in parallel. Metadata (EXIF, GPS, XMP)
 * is not carried over: sharp writes none unless asked.
 */
export async function renderImageRenditions(file: string): Promise<RenderedImage[]> {
  const base = await decodeOnce(file);
  const { width, height } = await base.metadata();
  const rendered = await Promise.all(groupBySize(planImageRenditions(width, height)).map((specs) => renderSize(base, specs)));
  return rendered.flat();
}

/**
 * The decoded source as raw 8-bit sRGB pixels. Kept big enough that every ladder width up to 1600
 * and a 1080×1920 crop come out as they would from the full image, and no bigger, so memory stays
 * at a few megapixels even for a 100-megapixel original (libvips shrinks JPEGs while decoding).
 */
async function decodeOnce(file: string): Promise<Sharp> {
  const meta = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  const { width, height } = meta.autoOrient;
  const scale = Math.min(1, Math.max(IMAGE_WIDTHS.at(-1)! / width, cropHeight(MAX_CROP_WIDTH, '9:16') / height));
  let pipeline = sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  if (scale < 1) pipeline = pipeline.resize({ width: Math.round(width * scale) });
  return toRawImage(pipeline.toColourspace('srgb'));
}

async function toRawImage(pipeline: Sharp): Promise<Sharp> {
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}

/** Specs that share a size (same kind, width and aspect) differ only in format. */
function groupBySize(specs: ImageRenditionSpec[]): ImageRenditionSpec[][] {
  const groups = new Map<string, ImageRenditionSpec[]>();
  for (const spec of specs) {
    const size = spec.kind === 'crop' ? `crop ${spec.aspect} ${spec.width}` : `image ${spec.width}`;
    groups.set(size, [...(groups.get(size) ?? []), spec]);
  }
  return [...groups.values()];
}

/**
 * One size, every format: the resize or attention crop (whose saliency analysis costs as much as
 * an encode) runs once, and each format encodes a clone of its pixels.
 */
async function renderSize(base: Sharp, specs: ImageRenditionSpec[]): Promise<RenderedImage[]> {
  const sized = await toRawImage(resizeFor(base.clone(), specs[0]!));
  return Promise.all(specs.map((spec) => encodeSpec(sized.clone(), spec)));
}

/**
 * One output from its own pipeline: resize (or attention-crop) `image`, then encode. Exported for
 * the media benchmark, whose baseline renders each spec from a fresh decode of the file with
 * exactly the settings the product uses.
 */
export function renderImageSpec(image: Sharp, spec: ImageRenditionSpec): Promise<RenderedImage> {
  return encodeSpec(resizeFor(image, spec), spec);
}

function resizeFor(image: Sharp, spec: ImageRenditionSpec): Sharp {
  return spec.kind === 'image'
    ? image.resize({ width: spec.width })
    : image.resize({ width: spec.width, height: cropHeight(spec.width, spec.aspect), fit: 'cover', position: sharp.strategy.attention });
}

async function encodeSpec(image: Sharp, spec: ImageRenditionSpec): Promise<RenderedImage> {
  const { data, info } = await encode(image, spec.format).toBuffer({ resolveWithObject: true });
  return { spec, width: info.width, height: info.height, bytes: data };
}

/**
 * Encoder settings, measured on the benchmark photo and two real photos (sizes and PSNR at equal
 * quality): AVIF effort 0 encodes 3–9× faster than effort 2 for the same size and PSNR (±0.8 dB,
 * either way); mozjpeg's trellis quantisation is kept (10–50 % smaller than libjpeg-turbo at
 * equal PSNR) but not its progressive-scan search, which costs a third of the encode for 1–2 %.
 */
function encode(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'webp':
      return image.webp({ quality: 80 });
    case 'avif':
      return image.avif({ quality: 50, effort: 0 });
    case 'jpeg':
      // JPEG has no alpha: transparent areas go white rather than whatever colour they hide.
      return image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, optimiseScans: false });
  }
}

const EXTENSIONS: Record<ImageFormat, string> = { webp: 'webp', avif: 'avif', jpeg: 'jpg' };
export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg' };

/** Where the rendition is stored (core/storage/object-keys.ts): `…/renditions/crop-9x16-900.webp`. */
export function imageRenditionKey(assetId: string, spec: ImageRenditionSpec): string {
  const name = spec.kind === 'crop' ? `crop-${spec.aspect.replace(':', 'x')}-${spec.width}` : `image-${spec.width}`;
  return renditionKey(assetId, `${name}.${EXTENSIONS[spec.format]}`);
}
