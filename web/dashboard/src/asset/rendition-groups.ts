import type { Rendition } from '../api/api-types';
import { CUT_ASPECTS } from '../../../../core/vocabulary/ad-cut-request';

/**
 * How the asset screen sorts renditions into short groups instead of one long table: the
 * library's files of the original by kind, the same picture in several formats as one size,
 * and ad cuts by aspect, then length. Pure, so the order is tested without a browser.
 */

/** The library's own renditions, in the order their groups appear. Cuts and their posters have their own section. */
export const LIBRARY_KINDS = ['image', 'crop', 'poster', 'preview'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export interface RenditionGroup {
  kind: LibraryKind;
  sizes: RenditionSize[];
  /** Files in the group (every format of every size), for its count. */
  count: number;
}

/** One picture or clip at one size, with every format it was rendered in. */
export interface RenditionSize {
  key: string;
  /** Crops only: '1:1', '4:5', '9:16'. */
  aspect?: string;
  width: number | null;
  height: number | null;
  durationS?: number;
  files: Rendition[];
}

/** The non-empty library groups, each narrow to wide. */
export function libraryGroups(renditions: readonly Rendition[]): RenditionGroup[] {
  return LIBRARY_KINDS.map((kind) => {
    const files = renditions.filter((r) => r.kind === kind);
    return { kind, sizes: sizesOf(files), count: files.length };
  }).filter((group) => group.count > 0);
}

/** Renditions of the same kind, aspect and size put together: a row or tile per size, a link per format. */
function sizesOf(files: readonly Rendition[]): RenditionSize[] {
  const sizes = new Map<string, RenditionSize>();
  for (const file of [...files].sort(byWidthThenFormat)) {
    const aspect = typeof file.spec.aspect === 'string' ? file.spec.aspect : undefined;
    const key = `${aspect ?? ''}/${file.width ?? ''}x${file.height ?? ''}`;
    const size = sizes.get(key) ?? { key, aspect, width: file.width, height: file.height, durationS: file.durationS, files: [] };
    size.files.push(file);
    sizes.set(key, size);
  }
  return [...sizes.values()];
}

/** The format browsers show best: WebP where there is one (smallest of the widely decoded ones), else the first. */
export function displayFile(size: RenditionSize): Rendition {
  return size.files.find((f) => f.format === 'webp') ?? size.files.find((f) => f.format === 'jpeg') ?? size.files[0]!;
}

const FORMAT_ORDER = ['webp', 'avif', 'jpeg', 'mp4'];

function byWidthThenFormat(a: Rendition, b: Rendition): number {
  return (a.width ?? 0) - (b.width ?? 0) || rank(FORMAT_ORDER, a.format) - rank(FORMAT_ORDER, b.format);
}

export interface CutGroup {
  aspect: string;
  cuts: Rendition[];
}

/**
 * Cuts by aspect in the cut builder's order (9:16, 1:1, 4:5, 16:9; any other last), each
 * shortest first, then by start, fit and label, so that the same set always reads the same
 * way whatever order the jobs finished in.
 */
export function cutGroups(cuts: readonly Rendition[]): CutGroup[] {
  const groups = new Map<string, Rendition[]>();
  for (const cut of [...cuts].sort(byAspectThenLength)) {
    const aspect = String(cut.spec.aspect ?? '');
    groups.set(aspect, [...(groups.get(aspect) ?? []), cut]);
  }
  return [...groups].map(([aspect, list]) => ({ aspect, cuts: list }));
}

export function byAspectThenLength(a: Rendition, b: Rendition): number {
  return (
    rank(CUT_ASPECTS, String(a.spec.aspect)) - rank(CUT_ASPECTS, String(b.spec.aspect)) ||
    lengthOf(a) - lengthOf(b) ||
    Number(a.spec.startS ?? 0) - Number(b.spec.startS ?? 0) ||
    String(a.spec.fit ?? '').localeCompare(String(b.spec.fit ?? '')) ||
    String(a.spec.disclosure ?? '').localeCompare(String(b.spec.disclosure ?? ''))
  );
}

const lengthOf = (cut: Rendition): number => Number(cut.spec.durationS ?? cut.durationS ?? 0);

/** Position in a list, unknown values last. */
function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
}

/** A cut's poster carries the same spec as its cut. */
export function posterOf(cut: Rendition, posters: readonly Rendition[]): Rendition | undefined {
  const key = (r: Rendition) => JSON.stringify([r.spec.aspect, r.spec.durationS, r.spec.startS, r.spec.fit, r.spec.disclosure]);
  return posters.find((p) => key(p) === key(cut));
}
