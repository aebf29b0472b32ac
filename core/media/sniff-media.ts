/**
 * What an upload is, decided from its first bytes (magic numbers), never from its name or the
 * client's Content-Type. Written here rather than taken from `file-type`: that package is
 * ESM-only, and this project is CommonJS under jest; the handful of formats we accept fit in a
 * page.
 */
export type MediaKind = 'image' | 'video';

export interface SniffedMedia {
  kind: MediaKind;
  mime: string;
}

/** Enough for every signature below, including a Matroska DocType and a few ftyp brands. */
export const SNIFF_BYTES = 64;

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/** ISO base media (ftyp) brands, by what they hold. */
const IMAGE_BRANDS: Record<string, string> = {
  avif: 'image/avif',
  avis: 'image/avif',
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic-sequence',
  hevx: 'image/heic-sequence',
  mif1: 'image/heif',
  msf1: 'image/heif-sequence',
};
/** Audio-only files, even when they list video-capable brands such as mp42 as compatible. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
const VIDEO_BRANDS: Record<string, string> = {
  'qt  ': 'video/quicktime',
  'M4V ': 'video/x-m4v',
  M4VH: 'video/x-m4v',
  M4VP: 'video/x-m4v',
  isom: 'video/mp4',
  iso2: 'video/mp4',
  iso4: 'video/mp4',
  iso5: 'video/mp4',
  iso6: 'video/mp4',
  mp41: 'video/mp4',
  mp42: 'video/mp4',
  avc1: 'video/mp4',
  dash: 'video/mp4',
  MSNV: 'video/mp4',
  '3gp4': 'video/3gpp',
  '3gp5': 'video/3gpp',
  '3gp6': 'video/3gpp',
  '3g2a': 'video/3gpp2',
};

export function sniffMedia(head: Buffer): SniffedMedia | null {
  if (startsWith(head, JPEG)) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(head, PNG)) return { kind: 'image', mime: 'image/png' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(head, 4, 8) === 'ftyp') return sniffFtyp(head);
  if (startsWith(head, EBML)) return sniffMatroska(head);
  return null;
}

/**
 * ISO base media files (MP4, MOV, M4V, AVIF, HEIC) start with an `ftyp` box: a major brand,
 * a minor version, then compatible brands. The major brand decides when we know it; otherwise
 * the first compatible brand we know (an AVIF is often `mif1` major with `avif` compatible,
 * so image brands are looked for before video ones).
 */
function sniffFtyp(head: Buffer): SniffedMedia | null {
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const major = ascii(head, 8, 12);
  if (AUDIO_BRANDS.has(major)) return null;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(ascii(head, at, at + 4));
  const imageBrand = [major, ...compatible].find((b) => b in IMAGE_BRANDS && b !== 'mif1' && b !== 'msf1');
  if (imageBrand) return { kind: 'image', mime: IMAGE_BRANDS[imageBrand]! };
  if (VIDEO_BRANDS[major]) return { kind: 'video', mime: VIDEO_BRANDS[major] };
  if (IMAGE_BRANDS[major]) return { kind: 'image', mime: IMAGE_BRANDS[major] };
  const videoBrand = compatible.find((b) => b in VIDEO_BRANDS);
  return videoBrand ? { kind: 'video', mime: VIDEO_BRANDS[videoBrand]! } : null;
}

/** EBML header: its DocType says WebM or Matroska; anything else in EBML is not a video of ours. */
function sniffMatroska(head: Buffer): SniffedMedia | null {
  const header = head.toString('latin1');
  if (header.includes('webm')) return { kind: 'video', mime: 'video/webm' };
  if (header.includes('matroska')) return { kind: 'video', mime: 'video/x-matroska' };
  return null;
}

const startsWith = (head: Buffer, signature: Buffer): boolean => head.length >= signature.length && head.subarray(0, signature.length).equals(signature);

const ascii = (head: Buffer, start: number, end: number): string => (head.length >= end ? head.toString('latin1', start, end) : '');
