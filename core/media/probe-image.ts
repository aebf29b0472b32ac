import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from './image-header';
import { UnreadableMediaError } from './unreadable-media-error';

export interface ImageProbe {
  /** As displayed: swapped when EXIF orientation (5–8) turns the picture by 90°. */
  width: number;
  height: number;
  format: string;
}

/**
 * Reads an image's size with sharp, refusing anything over MAX_IMAGE_PIXELS before decoding a
 * pixel (a decompression bomb stays a few KB on disk), then decodes a small thumbnail, which
 * fails on a truncated or corrupt file. Sequential access keeps libvips from holding the whole
 * image in memory.
 */
export async function probeImage(file: string): Promise<ImageProbe> {
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true } as const;
  try {
    const meta = await sharp(file, options).metadata();
    if (!meta.width || !meta.height || !meta.format) throw new UnreadableMediaError('The image has no dimensions');
    await sharp(file, options).resize(64, 64, { fit: 'inside' }).toBuffer();
    const turned = (meta.orientation ?? 1) >= 5;
    return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, format: meta.format };
  } catch (err) {
    if (err instanceof UnreadableMediaError) throw err;
    throw new UnreadableMediaError(imageProblem(err as Error), { cause: err });
  }
}

function imageProblem(err: Error): string {
  if (/pixel limit/i.test(err.message)) {
    return `The image is too large to process: over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (a possible decompression bomb)`;
  }
  return `The image cannot be read (truncated or corrupt): ${err.message.split('\n')[0]!.slice(0, 200)}`;
}
