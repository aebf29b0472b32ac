import type { LicenseTerms } from './rights';

export const LICENSE_STATES = ['draft', 'revoked', 'not_started', 'active', 'expiring', 'expired'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

/** How close to its end a license is shown as `expiring`: the first expiry notice goes out then. */
export const EXPIRING_WITHIN_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Where a license stands at `now`, for people (lists, badges). The period follows the same
 * rules as `checkRights`: `startsAt` inclusive, `endsAt` exclusive. `expiring` means active
 * and ending less than 30 days from now.
 */
export function licenseState(license: Pick<LicenseTerms, 'status' | 'startsAt' | 'endsAt'>, now: Date): LicenseState {
  if (license.status !== 'active') return license.status;
  const at = now.getTime();
  if (at < license.startsAt.getTime()) return 'not_started';
  if (license.endsAt === null) return 'active';
  const left = license.endsAt.getTime() - at;
  if (left <= 0) return 'expired';
  return left < EXPIRING_WITHIN_MS ? 'expiring' : 'active';
}
