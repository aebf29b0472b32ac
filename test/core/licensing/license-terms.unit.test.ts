import { coherentTerms, LicenseTermsInput, LicenseTermsPatch, termsInZone } from '../../../core/licensing/license-terms';

const ASSET = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const CREATOR = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const valid = {
  assetIds: [ASSET],
  territories: ['PL'],
  channels: ['paid_social'],
  startsAt: '2025-01-01T00:00:00Z',
  endsAt: '2026-01-01T00:00:00+01:00',
  derivativesAllowed: true,
};

/** The terms as the create route reads them: typed, calendar days in Warsaw, then the rules between fields. */
const inWarsaw = (input: unknown) => termsInZone(LicenseTermsInput.parse(input), 'Europe/Warsaw');

/** The fields (first path element) of every problem, in order: the field rules first, then the rules between fields. */
function problems(input: unknown): string[] {
  const typed = LicenseTermsInput.safeParse(input);
  const result = typed.success ? coherentTerms.safeParse(termsInZone(typed.data, 'Europe/Warsaw')) : typed;
  return result.success ? [] : result.error.issues.map((i) => String(i.path[0]));
}

describe('LicenseTermsInput', () => {
  it('normalises and fills defaults', () => {
    const terms = inWarsaw({
      ...valid,
      assetIds: [ASSET, ASSET],
      territories: [' pl ', 'de', 'PL'],
      excludedTerritories: undefined,
      channels: ['paid_social', 'paid_social', 'email'],
      fee: { amount: 1500, currency: 'eur' },
    });
    expect(terms).toEqual({
      assetIds: [ASSET],
      creatorId: null,
      territories: ['PL', 'DE'],
      excludedTerritories: [],
      channels: ['paid_social', 'email'],
      startsAt: new Date('2025-01-01T00:00:00Z'),
      endsAt: new Date('2025-12-31T23:00:00Z'),
      derivativesAllowed: true,
      exclusivity: null,
      fee: { amount: '1500', currency: 'EUR' },
      disclosureRequired: false,
      attributionRequired: false,
      notes: null,
      status: 'active',
    });
  });

  it('accepts WW with exclusions, a perpetual period and a creator-wide scope', () => {
    const terms = LicenseTermsInput.parse({ ...valid, assetIds: [], creatorId: CREATOR, territories: ['ww'], excludedTerritories: ['us'], endsAt: null });
    expect(terms).toMatchObject({ territories: ['WW'], excludedTerritories: ['US'], endsAt: null, creatorId: CREATOR });
  });

  it.each([
    ['an unknown country', { territories: ['PL', 'XX'] }, 'territories'],
    ['an alpha-3 code', { territories: ['POL'] }, 'territories'],
    ['no territory', { territories: [] }, 'territories'],
    ['WW mixed with countries', { territories: ['WW', 'PL'] }, 'territories'],
    ['an unknown excluded country', { excludedTerritories: ['QQ'] }, 'excludedTerritories'],
    ['WW as an exclusion', { territories: ['WW'], excludedTerritories: ['WW'] }, 'excludedTerritories'],
    ['an unknown channel', { channels: ['tv'] }, 'channels'],
    ['no channel', { channels: [] }, 'channels'],
    ['a day that does not exist', { startsAt: '2025-02-30' }, 'startsAt'],
    ['a day written the other way round', { startsAt: '01.01.2025' }, 'startsAt'],
    ['an end day before the start day', { startsAt: '2025-03-02', endsAt: '2025-03-01' }, 'endsAt'],
    ['a time without offset', { startsAt: '2025-01-01T00:00:00' }, 'startsAt'],
    ['an impossible date', { endsAt: '2025-02-30T00:00:00Z' }, 'endsAt'],
    ['words for a date', { endsAt: 'next year' }, 'endsAt'],
    ['a missing end (perpetual must be an explicit null)', { endsAt: undefined }, 'endsAt'],
    ['an end before the start', { endsAt: '2024-12-31T23:59:59Z' }, 'endsAt'],
    ['an end equal to the start', { endsAt: '2025-01-01T01:00:00+01:00' }, 'endsAt'],
    ['no assets and no creator', { assetIds: [] }, 'assetIds'],
    ['assets and a creator', { creatorId: CREATOR }, 'creatorId'],
    ['an asset id that is no uuid', { assetIds: ['asset-1'] }, 'assetIds'],
    ['a creator id that is no uuid', { assetIds: [], creatorId: '42' }, 'creatorId'],
    ['a missing derivativesAllowed', { derivativesAllowed: undefined }, 'derivativesAllowed'],
    ['a negative fee', { fee: { amount: -1, currency: 'EUR' } }, 'fee'],
    ['a fee as words', { fee: { amount: 'ten', currency: 'EUR' } }, 'fee'],
    ['an unknown currency', { fee: { amount: 10, currency: 'ABC' } }, 'fee'],
    ['a currency of 4 letters', { fee: { amount: 10, currency: 'EURO' } }, 'fee'],
    ['a category exclusivity without category', { exclusivity: { scope: 'category' } }, 'exclusivity'],
    ['an unknown exclusivity scope', { exclusivity: { scope: 'some' } }, 'exclusivity'],
    ['status revoked', { status: 'revoked' }, 'status'],
  ])('refuses %s on the field it concerns', (_name, change, field) => {
    expect(problems({ ...valid, ...change })[0]).toBe(field);
  });

  it('accepts a category exclusivity with its category and an exact decimal fee', () => {
    const terms = inWarsaw({
      ...valid,
      exclusivity: { scope: 'category', category: 'skincare', until: '2025-06-01T00:00:00+02:00' },
      fee: { amount: '1500.50', currency: 'PLN' },
    });
    expect(terms.exclusivity).toEqual({ scope: 'category', category: 'skincare', until: '2025-05-31T22:00:00.000Z' });
    expect(terms.fee).toEqual({ amount: '1500.50', currency: 'PLN' });
  });
});

describe('LicenseTermsPatch', () => {
  it('takes any subset without filling defaults', () => {
    expect(LicenseTermsPatch.parse({ channels: ['email'] })).toEqual({ channels: ['email'] });
    expect(LicenseTermsPatch.parse({})).toEqual({});
  });

  it('checks each field by the same rules', () => {
    expect(LicenseTermsPatch.safeParse({ territories: ['XX'] }).success).toBe(false);
    expect(LicenseTermsPatch.safeParse({ endsAt: '2025-1-1' }).success).toBe(false);
  });

  it('turns calendar days into instants in the license time zone, leaving absent fields absent', () => {
    expect(termsInZone(LicenseTermsPatch.parse({ endsAt: '2025-07-31' }), 'Europe/Warsaw')).toEqual({ endsAt: new Date('2025-07-31T22:00:00Z') });
    expect(termsInZone(LicenseTermsPatch.parse({ endsAt: null }), 'Europe/Warsaw')).toEqual({ endsAt: null });
  });
});

describe('calendar days in license terms', () => {
  it('start at 00:00 and end at 24:00 in the license time zone, in winter and in summer', () => {
    const terms = inWarsaw({ ...valid, startsAt: '2026-12-07', endsAt: '2027-06-30', exclusivity: { scope: 'all', until: '2027-01-31' } });
    expect(terms.startsAt).toEqual(new Date('2026-12-06T23:00:00Z'));
    expect(terms.endsAt).toEqual(new Date('2027-06-30T22:00:00Z'));
    expect(terms.exclusivity).toEqual({ scope: 'all', until: '2027-01-31T23:00:00.000Z' });
  });

  it('mean a one-day license when start and end are the same day', () => {
    const terms = coherentTerms.parse(inWarsaw({ ...valid, startsAt: '2026-12-07', endsAt: '2026-12-07' }));
    expect(terms.endsAt!.getTime() - terms.startsAt.getTime()).toBe(24 * 3600 * 1000);
  });

  it('are read in the zone given, and instants stay the instants they are', () => {
    const terms = termsInZone(LicenseTermsInput.parse({ ...valid, startsAt: '2026-12-07', endsAt: '2027-01-01T12:00:00+05:00' }), 'UTC');
    expect(terms.startsAt).toEqual(new Date('2026-12-07T00:00:00Z'));
    expect(terms.endsAt).toEqual(new Date('2027-01-01T07:00:00Z'));
  });
});
