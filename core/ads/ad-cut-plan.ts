import type { CutSpec } from './cut-spec';
import { CUT_FRAMES, type CutAspect, type CutFit, type CutRequest } from '../vocabulary/ad-cut-request';
import { unprocessable } from '../errors/domain-error';
import { disclosureLabel } from '../gallery/disclosure-label';

/**
 * A cut with every choice made: what is rendered, and what is stored as the rendition's spec
 * (so its hash, and with it the output's key, is the same on every run of the same request).
 */
export interface PlannedCut extends CutSpec {
  aspect: CutAspect;
  fit: CutFit;
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
 * duration longer than the source, or a start plus duration past its end. `details.index`
 * names the offending cut, so a client can point at it.
 */
export function checkCutLengths(requests: readonly CutRequest[], source: Pick<CutSource, 'durationS'>): void {
  requests.forEach((cut, index) => {
    const end = (cut.startS ?? 0) + cut.durationS;
    if (end > source.durationS + END_TOLERANCE_S) {
      const asked = cut.startS === undefined ? `${cut.durationS} s` : `${cut.durationS} s from ${cut.startS} s`;
      throw unprocessable('cut_too_long', `Cut ${index + 1} asks for ${asked}, but the source is ${source.durationS.toFixed(2)} s long`, {
        index,
        sourceDurationS: source.durationS,
      });
    }
  });
}

/**
 * The label an ad made under a license must carry when the client does not choose one: the
 * territory's own word where the license covers one country alone ("REKLAMA" for Poland), the
 * international "#ad" anywhere else (a license for several countries may run in any of them).
 */
export function defaultDisclosure(territories: readonly string[]): string {
  return territories.length === 1 ? disclosureLabel(territories[0]!.toUpperCase()) : disclosureLabel('WW');
}

/**
 * Makes every choice a cut leaves open: the fit (crop), the label (`defaultLabel` when the
 * request does not say; null keeps it off), the start (from `hookStart` for the cut's
 * duration when absent) and the frame size. Times are rounded to milliseconds, so the stored
 * spec, its hash and the output key are the same on every run.
 */
export function planCuts(requests: readonly CutRequest[], defaultLabel: string | null, hookStart: (durationS: number) => number): PlannedCut[] {
  return requests.map((cut) => ({
    aspect: cut.aspect,
    durationS: ms(cut.durationS),
    startS: ms(cut.startS ?? hookStart(cut.durationS)),
    fit: cut.fit ?? 'crop',
    disclosure: cut.disclosure === undefined ? defaultLabel : cut.disclosure,
    ...CUT_FRAMES[cut.aspect],
  }));
}

const ms = (s: number): number => Math.round(s * 1000) / 1000;
