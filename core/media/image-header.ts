/**
 * Image dimensions read from the first bytes of a file, before anything decodes it, so an
 * upload whose header already announces a decompression bomb is refused before it is stored.
 * Null when the header is not within `head` (e.g. a JPEG whose frame header follows a large
 * EXIF block): the probe job's sharp `limitInputPixels` is the check that always applies.
 */
export interface ImageSize {
  width: number;
  height: number;
}

/** Past this, decoding one image costs hundreds of MB (100 MP × 4 bytes per pixel). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export function imageHeaderSize(head: Buffer, mime: string): ImageSize | null {
  switch (mime) {
    case 'image/png':
      return pngSize(head);
    case 'image/gif':
      return head.length >= 10 ? { width: head.readUInt16LE(6), height: head.readUInt16LE(8) } : null;
    case 'image/webp':
      return webpSize(head);
    case 'image/jpeg':
      return jpegSize(head);
    default:
      return null;
  }
}

export const exceedsPixelLimit = (size: ImageSize): boolean => size.width * size.height > MAX_IMAGE_PIXELS;

/** IHDR is always the first chunk: width and height at bytes 16 and 20. */
function pngSize(head: Buffer): ImageSize | null {
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The first chunk after `RIFF….WEBP` is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(head: Buffer): ImageSize | null {
  if (head.length < 30) return null;
  switch (head.toString('latin1', 12, 16)) {
    case 'VP8X':
      return { width: 1 + head.readUIntLE(24, 3), height: 1 + head.readUIntLE(27, 3) };
    case 'VP8L': {
      const bits = head.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    }
    case 'VP8 ':
      return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
    default:
      return null;
  }
}

/** Walks the marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC). */
function jpegSize(head: Buffer): ImageSize | null {
  let at = 2;
  while (at + 9 <= head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { width: head.readUInt16BE(at + 7), height: head.readUInt16BE(at + 5) };
    at += 2 + head.readUInt16BE(at + 2);
  }
  return null;
}
