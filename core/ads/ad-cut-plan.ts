import { CUT_FRAMES, type CutRequest } from '../vocabulary/ad-cut-request';
import type { PlannedCut } from '../media/planned-cut';
import { disclosureLabel } from '../gallery/disclosure-label';

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
