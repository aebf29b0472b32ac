import type { FaqStatus } from '../db';
import { DomainError } from '../errors/domain-error';

/**
 * An entry is reviewed before it is shown: draft → approved → published. Unpublishing or
 * withdrawing an approval sends it back to draft; nothing skips the review.
 */
const NEXT: Record<FaqStatus, readonly FaqStatus[]> = {
  draft: ['approved'],
  approved: ['published', 'draft'],
  published: ['draft'],
};

/** Throws 409 invalid_transition unless `from` may become `to` (staying put is always fine). */
export function assertTransition(from: FaqStatus, to: FaqStatus): void {
  if (from === to || NEXT[from].includes(to)) return;
  throw new DomainError('conflict', 'invalid_transition', `An FAQ entry cannot go from ${from} to ${to}: draft → approved → published, or back to draft`, {
    from,
    to,
    allowed: NEXT[from],
  });
}
