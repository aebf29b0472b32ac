import { assetLicenseState } from './asset-license-state';
import { licenseState, type LicensePeriod, type LicenseState } from './license-state';

/**
 * What the library badge says beyond the asset's license state: the license that decides it
 * and the day that matters. The four states split the library for its filter, so `none`
 * gathers "no license at all" with "only a draft", "only revoked" and "not started yet"; a
 * person needs those told apart ("Starts 7 Mar 2027"), and "expiring" needs its day.
 * - `state`: the deciding license's own state (`expiring`, `expired`, `not_started`, `draft`, `revoked`…);
 * - `at`: the last end among the licenses in force (expiring), the latest end (expired), the
 *   earliest start (not started); null when no day matters or the end is open.
 * Null when the asset has no license at all. Pure: no I/O, no clock.
 */
export interface AssetLicenseNote {
  state: LicenseState;
  at: string | null;
}

export function assetLicenseNote(licensesOfAsset: readonly LicensePeriod[], at: Date): AssetLicenseNote | null {
  if (licensesOfAsset.length === 0) return null;
  const withState = licensesOfAsset.map((license) => ({ license, state: licenseState(license, at) }));
  const of = (...states: LicenseState[]) => withState.filter((l) => states.includes(l.state)).map((l) => l.license);
  const assetState = assetLicenseState(licensesOfAsset, at);
  if (assetState === 'active') return { state: 'active', at: latestEnd(of('active', 'expiring')) };
  if (assetState === 'expiring') return { state: 'expiring', at: latestEnd(of('expiring')) };
  if (assetState === 'expired') return { state: 'expired', at: latestEnd(of('expired')) };
  const upcoming = of('not_started');
  if (upcoming.length > 0) return { state: 'not_started', at: iso(upcoming.map((l) => instant(l.startsAt)).reduce((a, b) => Math.min(a, b))) };
  return { state: of('draft').length > 0 ? 'draft' : 'revoked', at: null };
}

/** The end the rights last to; null when one of them has none. */
function latestEnd(licenses: readonly LicensePeriod[]): string | null {
  if (licenses.length === 0 || licenses.some((l) => l.endsAt === null)) return null;
  return iso(licenses.map((l) => instant(l.endsAt!)).reduce((a, b) => Math.max(a, b)));
}

const instant = (value: Date | string): number => (typeof value === 'string' ? Date.parse(value) : value.getTime());
const iso = (ms: number): string => new Date(ms).toISOString();
