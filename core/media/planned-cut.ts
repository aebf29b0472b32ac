import type { CutAspect, CutFit, CutRequest } from '../vocabulary/ad-cut-request';
import { unprocessable } from '../errors/domain-error';

/*
 * What the cut renderer takes (cuts with every choice made, of a probed source) and gives (the
 * rendered files), and the one check that a request fits its source. core/ads plans the cuts;
 * this room renders them and knows nothing of licenses.
 */

/**
 * A cut with every choice made: what is rendered, and what is stored as the rendition's spec
 * (so its hash, and with it the output's key, is the same on every run of the same request).
 */
export interface PlannedCut {
  aspect: CutAspect;
  durationS: number;
  startS: number;
  fit: CutFit;
  /** The label burnt in, or null for none. */
  disclosure: string | null;
  width: number;
  height: number;
}

/** What the renderer needs to know of the source (from the asset row written by the probe). */
export interface CutSource {
  /** As displayed, rotation applied. */
  width: number;
  height: number;
  durationS: number;
  frameRate: number | null;
  hasAudio: boolean;
}

/** One rendered cut: the MP4 and its poster, in the directory the caller gave (and removes). */
export interface RenderedCut {
  cut: PlannedCut;
  file: string;
  poster: string;
  /** Measured on the output (ffprobe). */
  durationS: number;
}

/** Container durations are rounded: a cut may end this far past the probed end and still be "all of it". */
const END_TOLERANCE_S = 0.05;

/**
 * Refuses (422 `cut_too_long`) any cut that asks for more of the source than there is: a
 * duration longer than the source, or a start plus duration past its end. Every offending cut
 * is named at once (`details.indexes`, and `details.cuts` with what each asked), so a client
 * fixes them all in one go rather than one per attempt; `details.index` stays the first of them.
 */
export function checkCutLengths(requests: readonly CutRequest[], source: Pick<CutSource, 'durationS'>): void {
  const tooLong = requests
    .map((cut, index) => ({ index, startS: cut.startS ?? 0, durationS: cut.durationS, asked: askedSpan(cut) }))
    .filter((cut) => cut.startS + cut.durationS > source.durationS + END_TOLERANCE_S);
  if (tooLong.length === 0) return;
  const named = tooLong.map((cut) => `cut ${cut.index + 1} asks for ${cut.asked}`).join(', ');
  throw unprocessable('cut_too_long', `${capitalise(named)}, but the source is ${source.durationS.toFixed(2)} s long`, {
    index: tooLong[0]!.index,
    indexes: tooLong.map((cut) => cut.index),
    cuts: tooLong.map(({ index, startS, durationS }) => ({ index, startS, durationS })),
    sourceDurationS: source.durationS,
  });
}

const askedSpan = (cut: CutRequest): string => (cut.startS === undefined ? `${cut.durationS} s` : `${cut.durationS} s from ${cut.startS} s`);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
