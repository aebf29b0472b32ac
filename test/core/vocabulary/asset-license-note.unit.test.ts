import { assetLicenseNote } from '../../../core/vocabulary/asset-license-note';
import type { LicensePeriod } from '../../../core/vocabulary/license-state';

/** What the library badge says beyond the state: the deciding license and its day. */
const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const license = (status: LicensePeriod['status'], startsIn: number, endsIn: number | null): LicensePeriod => ({
  status,
  startsAt: at(startsIn),
  endsAt: endsIn === null ? null : at(endsIn),
});

describe('assetLicenseNote', () => {
  it('is null with no license at all', () => {
    expect(assetLicenseNote([], NOW)).toBeNull();
  });

  it('expiring: the last end among the licenses in force', () => {
    expect(assetLicenseNote([license('active', -10, 5), license('active', -10, 12)], NOW)).toEqual({ state: 'expiring', at: at(12) });
  });

  it('active: its end, or none when one is perpetual', () => {
    expect(assetLicenseNote([license('active', -10, 90)], NOW)).toEqual({ state: 'active', at: at(90) });
    expect(assetLicenseNote([license('active', -10, 90), license('active', -1, null)], NOW)).toEqual({ state: 'active', at: null });
  });

  it('expired: the latest end', () => {
    expect(assetLicenseNote([license('active', -60, -30), license('active', -60, -3)], NOW)).toEqual({ state: 'expired', at: at(-3) });
  });

  it('not started wins over a draft or a revoked one, with its earliest start', () => {
    expect(assetLicenseNote([license('revoked', -10, 90), license('active', 40, null), license('active', 20, null), license('draft', -1, null)], NOW)).toEqual({
      state: 'not_started',
      at: at(20),
    });
  });

  it('draft over revoked; revoked alone', () => {
    expect(assetLicenseNote([license('revoked', -10, 90), license('draft', -1, null)], NOW)).toEqual({ state: 'draft', at: null });
    expect(assetLicenseNote([license('revoked', -10, 90)], NOW)).toEqual({ state: 'revoked', at: null });
  });
});
