import type { License } from '../../web/dashboard/src/api/api-types';
import { changedTerms, formToBody, issuesByField, licenseToForm, newLicenseForm } from '../../web/dashboard/src/licenses/license-form';
import { daysLeft, endFromLastDay, lastDayOfEnd, licenseStateAt } from '../../web/dashboard/src/licenses/license-timing';

/**
 * The license editor's conversions (no DOM involved): days as people pick them against the
 * exclusive instants the API stores, and PATCH bodies that leave untouched terms exactly alone.
 */
const DAY = 24 * 60 * 60 * 1000;

const license = (over: Partial<License> = {}): License => ({
  id: '00000000-0000-4000-8000-000000000001',
  status: 'active',
  state: 'active',
  assetIds: ['00000000-0000-4000-8000-00000000000a'],
  creatorId: null,
  territories: ['PL', 'DE'],
  excludedTerritories: [],
  channels: ['paid_social'],
  startsAt: new Date(2026, 0, 1).toISOString(),
  // An end the editor can only show as a day: 14:30 local time.
  endsAt: new Date(2027, 5, 10, 14, 30).toISOString(),
  derivativesAllowed: false,
  disclosureRequired: true,
  attributionRequired: false,
  exclusivity: null,
  fee: { amount: '1500.00', currency: 'PLN' },
  notes: null,
  revokedAt: null,
  revokedReason: null,
  contract: null,
  createdAt: new Date(2025, 11, 1).toISOString(),
  updatedAt: new Date(2025, 11, 1).toISOString(),
  ...over,
});

describe('days and instants', () => {
  it('ends a license at the midnight after its last day, and reads that midnight back as the last day', () => {
    const end = endFromLastDay('2027-06-10');
    expect(new Date(end).getTime()).toBe(new Date(2027, 5, 11).getTime());
    expect(lastDayOfEnd(end)).toBe('2027-06-10');
    expect(lastDayOfEnd(new Date(2027, 5, 10, 14, 30).toISOString())).toBe('2027-06-10');
  });

  it('counts calendar days to the last day of use: 0 on the last day itself', () => {
    const now = new Date(2027, 5, 1, 9, 0);
    expect(daysLeft(endFromLastDay('2027-06-10'), now)).toBe(9);
    expect(daysLeft(endFromLastDay('2027-06-01'), now)).toBe(0);
    expect(daysLeft(new Date(2027, 5, 3, 8, 0).toISOString(), now)).toBe(2);
  });

  it('judges the state as the API does: start inclusive, end exclusive, expiring under 30 days', () => {
    const startsAt = new Date(2027, 0, 1).toISOString();
    const endsAt = new Date(2027, 6, 1).toISOString();
    expect(licenseStateAt({ status: 'active', startsAt, endsAt }, new Date(startsAt))).toBe('active');
    expect(licenseStateAt({ status: 'active', startsAt, endsAt }, new Date(Date.parse(startsAt) - 1))).toBe('not_started');
    expect(licenseStateAt({ status: 'active', startsAt, endsAt }, new Date(Date.parse(endsAt) - 29 * DAY))).toBe('expiring');
    expect(licenseStateAt({ status: 'active', startsAt, endsAt }, new Date(endsAt))).toBe('expired');
    expect(licenseStateAt({ status: 'draft', startsAt, endsAt }, new Date(startsAt))).toBe('draft');
  });
});

describe('form and body', () => {
  it('sends nothing when nothing was changed, even an end the form shows only as its day', () => {
    const form = licenseToForm(license());
    expect(changedTerms(form, { ...form })).toEqual({});
  });

  it('sends only what changed: worldwide minus Russia changes territories and exclusions, nothing else', () => {
    const before = licenseToForm(license());
    const after = { ...before, worldwide: true, excluded: ['RU'] };
    expect(changedTerms(before, after)).toEqual({ territories: ['WW'], excludedTerritories: ['RU'] });
  });

  it('builds a create body from a new form: the assets asked for, days as instants, fee and exclusivity only when given', () => {
    const form = newLicenseForm(new URLSearchParams('assetId=a1&assetId=a2'), new Date(2026, 10, 22, 15, 0));
    const body = formToBody({ ...form, countries: ['PL'], channels: ['email'], lastDay: '2027-11-21' });
    expect(body).toMatchObject({
      assetIds: ['a1', 'a2'],
      creatorId: null,
      territories: ['PL'],
      excludedTerritories: [],
      startsAt: new Date(2026, 10, 22).toISOString(),
      endsAt: new Date(2027, 10, 22).toISOString(),
      fee: null,
      exclusivity: null,
      status: 'active',
    });
    expect(formToBody({ ...form, perpetual: true, exclusivityScope: 'category', exclusivityCategory: ' skincare ' })).toMatchObject({
      endsAt: null,
      exclusivity: { scope: 'category', category: 'skincare' },
    });
  });

  it('covers a creator instead of assets when asked', () => {
    const form = newLicenseForm(new URLSearchParams('creatorId=c1'));
    expect(form.covers).toBe('creator');
    expect(formToBody(form)).toMatchObject({ assetIds: [], creatorId: 'c1' });
  });

  it('shows each API issue at the control it concerns, the first per control', () => {
    expect(
      issuesByField([
        { field: 'territories.0', message: 'XX is not a country' },
        { field: 'territories.1', message: 'YY is not a country' },
        { field: 'endsAt', message: 'endsAt must be after startsAt' },
        { field: 'assetIds', message: 'give assetIds or creatorId' },
        { field: 'fee.currency', message: 'not a currency' },
        { field: null, message: 'something else' },
      ]),
    ).toEqual({
      territories: 'XX is not a country',
      endsAt: 'endsAt must be after startsAt',
      covers: 'give assetIds or creatorId',
      fee: 'not a currency',
      form: 'something else',
    });
  });
});
