import { unprocessable } from '../errors/domain-error';
import { MAX_DISCLOSURE_CHARS, type CutRequest } from '../vocabulary/ad-cut-request';
import { visibleTextProblem } from '../text/visible-text';

/** A label shorter than this says nothing a viewer could read as "this is an ad". */
export const MIN_DISCLOSURE_VISIBLE = 2;

/**
 * Refuses (422 `invalid_disclosure`, `details.index` naming the cut) a disclosure label that
 * would not disclose anything once burned into the video: blank or invisible (`"\u200b"`),
 * fewer than MIN_DISCLOSURE_VISIBLE visible characters, longer than a badge, on more than one
 * line, or carrying control or bidirectional characters. `null` (no label) and absent (the
 * territory's default) are checked elsewhere: whether the license allows going without.
 */
export function assertVisibleDisclosures(cuts: readonly Pick<CutRequest, 'disclosure'>[]): void {
  cuts.forEach(({ disclosure }, index) => {
    if (disclosure === undefined || disclosure === null) return;
    const problem =
      disclosure.length > MAX_DISCLOSURE_CHARS
        ? `is longer than ${MAX_DISCLOSURE_CHARS} characters`
        : visibleTextProblem(disclosure, { minVisible: MIN_DISCLOSURE_VISIBLE });
    if (problem) throw unprocessable('invalid_disclosure', `Cut ${index + 1}: the disclosure label ${problem}`, { index });
  });
}
