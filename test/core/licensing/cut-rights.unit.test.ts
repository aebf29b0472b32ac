import { cutRights } from '../../../core/licensing/cut-rights';
import type { LicenseTerms } from '../../../core/licensing/rights';
import type { RightsReason } from '../../../core/vocabulary/rights-reasons';

const START = new Date('2025-01-01T00:00:00.000Z');
const END = new Date('2025-07-01T00:00:00.000Z');
const INSIDE = new Date('2025-03-01T12:00:00.000Z');
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

/** Lets cuts be made: active, in period at INSIDE, edits allowed, one paid channel among others. */
const license = (overrides: Partial<LicenseTerms> = {}): LicenseTerms => ({
  id: 'lic-a',
  status: 'active',
  territories: ['PL'],
  excludedTerritories: [],
  channels: ['product_page', 'paid_social'],
  startsAt: START,
  endsAt: END,
  derivativesAllowed: true,
  disclosureRequired: false,
  attributionRequired: false,
  ...overrides,
});

describe('cutRights: one license', () => {
  const cases: Array<[string, Partial<LicenseTerms>, Date, RightsReason[]]> = [
    ['active, in period, edits allowed, a paid channel', {}, INSIDE, []],
    // The period, with checkRights's boundaries: start inclusive, end exclusive.
    ['1 ms before startsAt', {}, ms(START, -1), ['not_started']],
    ['the exact instant of startsAt', {}, START, []],
    ['1 ms before endsAt', {}, ms(END, -1), []],
    ['the exact instant of endsAt', {}, END, ['expired']],
    ['perpetual, centuries later', { endsAt: null }, new Date('2400-01-01T00:00:00Z'), []],
    // Status.
    ['draft', { status: 'draft' }, INSIDE, ['not_active']],
    ['revoked', { status: 'revoked' }, INSIDE, ['revoked']],
    // Channels: any one paid channel is enough, none is refused.
    ['only unpaid channels', { channels: ['product_page', 'organic_social', 'email', 'pos'] }, INSIDE, ['channel_not_granted']],
    ['no channels at all', { channels: [] }, INSIDE, ['channel_not_granted']],
    ['whitelisting alone', { channels: ['whitelisting'] }, INSIDE, []],
    ['out-of-home alone', { channels: ['ooh'] }, INSIDE, []],
    // Derivatives.
    ['edits not allowed', { derivativesAllowed: false }, INSIDE, ['derivatives_not_allowed']],
    // Territories: no particular country is asked, but some country must be left.
    ['worldwide with exclusions', { territories: ['WW'], excludedTerritories: ['RU', 'BY'] }, INSIDE, []],
    ['several countries, one excluded', { territories: ['PL', 'DE'], excludedTerritories: ['de'] }, INSIDE, []],
    ['every listed country excluded', { territories: ['PL'], excludedTerritories: ['PL'] }, INSIDE, ['territory_not_granted']],
    // Everything wrong at once: every reason, in the contract's order.
    [
      'everything wrong',
      { status: 'revoked', channels: ['email'], derivativesAllowed: false, excludedTerritories: ['PL'] },
      END,
      ['revoked', 'expired', 'channel_not_granted', 'territory_not_granted', 'derivatives_not_allowed'],
    ],
  ];

  it.each(cases)('%s', (_name, terms, at, reasons) => {
    const decision = cutRights([license(terms)], at);
    expect(decision.reasons).toEqual(reasons);
    expect(decision.allowed).toBe(reasons.length === 0);
    expect(decision.licenseId).toBe(reasons.length === 0 ? 'lic-a' : null);
    expect(decision.license?.id ?? null).toBe(decision.licenseId);
  });
});

describe('cutRights: several licenses', () => {
  it('no license at all is refused with no_license', () => {
    expect(cutRights([], INSIDE)).toEqual({ allowed: false, licenseId: null, license: null, reasons: ['no_license'] });
  });

  it('one license that allows cuts is enough, whatever the others lack', () => {
    const decision = cutRights(
      [license({ id: 'no-edits', derivativesAllowed: false }), license({ id: 'edits' }), license({ id: 'organic', channels: ['organic_social'] })],
      INSIDE,
    );
    expect(decision).toMatchObject({ allowed: true, licenseId: 'edits', reasons: [] });
  });

  it('names the longest-lasting of the licenses that allow cuts: perpetual first, then the latest end, then the smallest id', () => {
    const later = ms(END, 86_400_000);
    expect(cutRights([license({ id: 'a' }), license({ id: 'b', endsAt: later })], INSIDE).licenseId).toBe('b');
    expect(cutRights([license({ id: 'a', endsAt: later }), license({ id: 'b', endsAt: null })], INSIDE).licenseId).toBe('b');
    expect(cutRights([license({ id: 'b' }), license({ id: 'a' })], INSIDE).licenseId).toBe('a');
  });

  it('a perpetual license that forbids edits does not win over a shorter one that allows them', () => {
    const decision = cutRights([license({ id: 'forever', endsAt: null, derivativesAllowed: false }), license({ id: 'until-july' })], INSIDE);
    expect(decision.licenseId).toBe('until-july');
  });

  it('refused by all: the reasons of every license, de-duplicated, in contract order', () => {
    const decision = cutRights(
      [
        license({ id: 'x', derivativesAllowed: false }),
        license({ id: 'y', status: 'draft', channels: ['email'] }),
        license({ id: 'z', derivativesAllowed: false }),
      ],
      INSIDE,
    );
    expect(decision).toEqual({ allowed: false, licenseId: null, license: null, reasons: ['not_active', 'channel_not_granted', 'derivatives_not_allowed'] });
  });
});
