import type { LicenseNotificationKind } from '../db';
import { EXPIRING_WITHIN_MS } from '../vocabulary/license-state';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Advance notices, most urgent first: each goes out once at most `days` remain. */
const EXPIRING_NOTICES: ReadonlyArray<{ kind: LicenseNotificationKind; days: number }> = [
  { kind: 'expiring_1', days: 1 },
  { kind: 'expiring_7', days: 7 },
  { kind: 'expiring_30', days: 30 },
];

/** Licenses that ended longer ago than this when first seen are old news: no `license.expired`. */
export const EXPIRED_LOOKBACK_MS = 30 * DAY_MS;
/** The earliest advance notice: when a license starts to show as `expiring`. */
export const FIRST_NOTICE_MS = EXPIRING_WITHIN_MS;

/**
 * The one notice a license ending at `endsAt` is due at `now`, or null. Only the most urgent
 * window counts: a license first seen 5 days before its end gets `expiring_7` and later
 * `expiring_1`, never a late `expiring_30` on top (a burst of three notices saying the same
 * thing helps nobody). Whether it already went out is the caller's question.
 */
export function dueNotice(endsAt: Date, now: Date): LicenseNotificationKind | null {
  const left = endsAt.getTime() - now.getTime();
  if (left <= 0) return -left <= EXPIRED_LOOKBACK_MS ? 'expired' : null;
  return EXPIRING_NOTICES.find((n) => left <= n.days * DAY_MS)?.kind ?? null;
}

/** `license.expiring` for the advance notices, `license.expired` after the end. */
export const noticeEvent = (kind: LicenseNotificationKind): 'license.expiring' | 'license.expired' =>
  kind === 'expired' ? 'license.expired' : 'license.expiring';
