import { licenseState, type LicensePeriod } from './license-state';

/**
 * Where an asset's rights stand at an instant, for the library's filter and badges (one state
 * each, so the four filters split the library):
 * - `active`: a license in force lasts at least 30 more days (or has no end);
 * - `expiring`: licenses are in force, but all of them end within 30 days;
 * - `expired`: none is in force, and an active license has ended;
 * - `none`: none is in force and none has ended (no license, or only drafts, revoked ones or
 *   ones not yet started).
 * Each license's own state is the license-state rule; core/assets/asset-license-state.ts holds
 * the same rule as SQL, for filtered pages.
 */
export const ASSET_LICENSE_STATES = ['active', 'expiring', 'expired', 'none'] as const;
export type AssetLicenseState = (typeof ASSET_LICENSE_STATES)[number];

/** The state from the licenses that may cover an asset. Pure: no I/O, no clock. */
export function assetLicenseState(licensesOfAsset: readonly LicensePeriod[], at: Date): AssetLicenseState {
  const states = new Set(licensesOfAsset.map((l) => licenseState(l, at)));
  if (states.has('active')) return 'active';
  if (states.has('expiring')) return 'expiring';
  if (states.has('expired')) return 'expired';
  return 'none';
}
