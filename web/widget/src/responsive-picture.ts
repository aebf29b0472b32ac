import { element } from './dom';
import type { Rendition } from './gallery-types';

/** Formats the browser picks from, best first; the last one a browser can show is the <img> itself. */
const SOURCE_TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp' };
const FALLBACK_FORMATS = ['jpeg', 'jpg', 'png'];
/**
 * `auto` lets a lazy image take the width it is laid out at (tiles are sized by CSS custom
 * properties, which `sizes` cannot read); the length is for browsers without `sizes=auto`.
 */
const SIZES = 'auto, 256px';

/**
 * A <picture> offering every width of every format as srcset, lazy-loaded. Null when there is
 * nothing to show. A file that fails to load calls `onBroken`, so no broken image is ever shown.
 * `large` (the lightbox): loaded at once, as wide as the viewport allows up to its largest width.
 */
export function responsivePicture(
  renditions: Rendition[],
  alt: string,
  resolve: (url: string) => string,
  onBroken: () => void,
  large = false,
): HTMLPictureElement | null {
  const byFormat = groupByFormat(renditions.filter((r) => r.width));
  const formats = Object.keys(byFormat);
  const fallback = FALLBACK_FORMATS.find((f) => byFormat[f]) || formats.find((f) => !SOURCE_TYPES[f]) || formats[formats.length - 1];
  if (!fallback) return null;
  const widths = byFormat[fallback]!;
  const largest = widths[widths.length - 1]!;
  const sizes = large ? `min(94vw, ${largest.width}px)` : SIZES;
  const picture = element('picture');
  for (const format of formats) {
    const type = SOURCE_TYPES[format];
    if (format === fallback || !type) continue;
    const source = element('source');
    source.type = type;
    source.srcset = srcset(byFormat[format]!, resolve);
    source.sizes = sizes;
    picture.append(source);
  }
  const img = element('img');
  img.alt = alt;
  img.loading = large ? 'eager' : 'lazy';
  img.decoding = 'async';
  img.sizes = sizes;
  img.srcset = srcset(widths, resolve);
  img.src = resolve(widths[0]!.url); // for browsers without srcset, which are rare: the smallest
  img.width = largest.width!; // width and height give the aspect ratio before the file arrives
  if (largest.height) img.height = largest.height;
  img.onerror = onBroken;
  picture.append(img);
  return picture;
}

function groupByFormat(renditions: Rendition[]): Record<string, Rendition[]> {
  const groups: Record<string, Rendition[]> = {};
  for (const r of [...renditions].sort((a, b) => a.width! - b.width!)) (groups[r.format] = groups[r.format] || []).push(r);
  return groups;
}

const srcset = (renditions: Rendition[], resolve: (url: string) => string): string => renditions.map((r) => `${resolve(r.url)} ${r.width}w`).join(', ');
