import { assetLicenseState } from '../../../core/vocabulary/asset-license-state';
import type { LicensePeriod } from '../../../core/vocabulary/license-state';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-06-01T12:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);
const active = (startsInDays: number, endsInDays: number | null): LicensePeriod => ({
  status: 'active',
  startsAt: at(startsInDays),
  endsAt: endsInDays === null ? null : at(endsInDays),
});

test.each<[string, LicensePeriod[], string]>([
  ['no license', [], 'none'],
  ['a license without end', [active(-10, null)], 'active'],
  ['one lasting 30 days or more wins over one ending soon', [active(-10, 5), active(-10, 30)], 'active'],
  ['all in force end within 30 days', [active(-10, 5), active(-1, 29)], 'expiring'],
  ['one ended, none in force', [active(-100, -1)], 'expired'],
  ['ended at this very instant (the end is exclusive)', [active(-100, 0)], 'expired'],
  ['starts at this very instant (the start is inclusive)', [active(0, 100)], 'active'],
  ['not started yet', [active(1, 100)], 'none'],
  [
    'drafts and revoked ones count for nothing',
    [
      { ...active(-10, 100), status: 'draft' },
      { ...active(-10, 100), status: 'revoked' },
    ],
    'none',
  ],
  ['an ended one and one in force: in force wins', [active(-100, -1), active(-10, 3)], 'expiring'],
])('%s → %s', (_name, licenses, expected) => {
  expect(assetLicenseState(licenses, now)).toBe(expected);
});
