/** What a person set: a draft, in effect (within its period), or revoked. */
export const LICENSE_STATUSES = ['draft', 'active', 'revoked'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** Where a license stands at an instant: its status, or for an active one, where now falls in its period. */
export const LICENSE_STATES = ['draft', 'revoked', 'not_started', 'active', 'expiring', 'expired'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

/** How close to its end a license is shown as `expiring`: the first expiry notice goes out then. */
export const EXPIRING_WITHIN_MS = 30 * 24 * 60 * 60 * 1000;

/** What the state depends on; instants as Dates (the server) or ISO strings (the dashboard's JSON). */
export interface LicensePeriod {
  status: LicenseStatus;
  startsAt: Date | string;
  endsAt: Date | string | null;
}

/**
 * Where a license stands at `now`, for people (lists, badges), on the server and in the
 * dashboard alike. The period follows the same rules as `checkRights`: `startsAt` inclusive,
 * `endsAt` exclusive. `expiring` means active and ending less than 30 days from now.
 */
export function licenseState(license: LicensePeriod, now: Date): LicenseState {
  if (license.status !== 'active') return license.status;
  const at = now.getTime();
  if (at < instant(license.startsAt)) return 'not_started';
  if (license.endsAt === null) return 'active';
  const left = instant(license.endsAt) - at;
  if (left <= 0) return 'expired';
  return left < EXPIRING_WITHIN_MS ? 'expiring' : 'active';
}

/** A license in force may be used (within its terms): active, or active and ending soon. */
export const inForce = (state: LicenseState): boolean => state === 'active' || state === 'expiring';

const instant = (at: Date | string): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());
