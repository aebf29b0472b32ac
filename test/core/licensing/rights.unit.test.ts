import { CHANNELS, type Channel } from '../../../core/vocabulary/channels';
import { checkRights, type IntendedUse, type LicenseTerms } from '../../../core/licensing/rights';
import { RIGHTS_REASONS, type RightsReason } from '../../../core/vocabulary/rights-reasons';

const START = new Date('2025-01-01T00:00:00.000Z');
const END = new Date('2025-07-01T00:00:00.000Z');
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

const license = (overrides: Partial<LicenseTerms> = {}): LicenseTerms => ({
  id: 'lic-a',
  status: 'active',
  territories: ['PL', 'DE'],
  excludedTerritories: [],
  channels: ['paid_social', 'product_page'],
  startsAt: START,
  endsAt: END,
  derivativesAllowed: false,
  disclosureRequired: false,
  attributionRequired: false,
  ...overrides,
});

const use = (overrides: Partial<IntendedUse> = {}): IntendedUse => ({
  channel: 'paid_social',
  territory: 'PL',
  at: new Date('2025-03-01T12:00:00Z'),
  derivative: false,
  ...overrides,
});

describe('checkRights: one license', () => {
  const cases: Array<[string, Partial<LicenseTerms>, Partial<IntendedUse>, RightsReason[]]> = [
    ['a use inside every term', {}, {}, []],
    // The period: startsAt inclusive, endsAt exclusive.
    ['1 ms before startsAt', {}, { at: ms(START, -1) }, ['not_started']],
    ['the exact instant of startsAt', {}, { at: START }, []],
    ['1 ms after startsAt', {}, { at: ms(START, 1) }, []],
    ['1 ms before endsAt', {}, { at: ms(END, -1) }, []],
    ['the exact instant of endsAt', {}, { at: END }, ['expired']],
    ['1 ms after endsAt', {}, { at: ms(END, 1) }, ['expired']],
    ['perpetual, centuries later', { endsAt: null }, { at: new Date('2400-01-01T00:00:00Z') }, []],
    ['perpetual, before it starts', { endsAt: null }, { at: ms(START, -1) }, ['not_started']],
    // Status.
    ['draft', { status: 'draft' }, {}, ['not_active']],
    ['revoked', { status: 'revoked' }, {}, ['revoked']],
    ['revoked and expired', { status: 'revoked' }, { at: END }, ['revoked', 'expired']],
    // Channels.
    ['a channel not granted', {}, { channel: 'ooh' }, ['channel_not_granted']],
    ['another granted channel', {}, { channel: 'product_page' }, []],
    // Territories.
    ['a country not listed', {}, { territory: 'FR' }, ['territory_not_granted']],
    ['a lower-case country asked', {}, { territory: 'pl' }, []],
    ['a lower-case country stored', { territories: ['pl'] }, { territory: 'PL' }, []],
    ['WW covers any country', { territories: ['WW'] }, { territory: 'JP' }, []],
    ['an exclusion overrides WW', { territories: ['WW'], excludedTerritories: ['US'] }, { territory: 'US' }, ['territory_not_granted']],
    ['an exclusion overrides WW, asked in lower case', { territories: ['WW'], excludedTerritories: ['US'] }, { territory: 'us' }, ['territory_not_granted']],
    ['WW with exclusions still covers the rest', { territories: ['WW'], excludedTerritories: ['US'] }, { territory: 'CA' }, []],
    ['an exclusion overrides an explicit listing', { excludedTerritories: ['PL'] }, { territory: 'PL' }, ['territory_not_granted']],
    ['asking for WW with a WW license', { territories: ['WW'] }, { territory: 'WW' }, []],
    ['asking for WW when WW has exclusions', { territories: ['WW'], excludedTerritories: ['US'] }, { territory: 'WW' }, ['territory_not_granted']],
    ['asking for WW with a list of countries', {}, { territory: 'WW' }, ['territory_not_granted']],
    // Derivatives.
    ['a derivative when edits are not allowed', {}, { derivative: true }, ['derivatives_not_allowed']],
    ['a derivative when edits are allowed', { derivativesAllowed: true }, { derivative: true }, []],
    ['the original when edits are not allowed', {}, { derivative: false }, []],
    // Everything wrong at once: every reason, in the contract's order.
    [
      'everything wrong',
      { status: 'draft' },
      { at: END, channel: 'email', territory: 'FR', derivative: true },
      ['not_active', 'expired', 'channel_not_granted', 'territory_not_granted', 'derivatives_not_allowed'],
    ],
  ];

  it.each(cases)('%s', (_name, terms, intended, reasons) => {
    const decision = checkRights([license(terms)], use(intended));
    expect(decision.reasons).toEqual(reasons);
    expect(decision.allowed).toBe(reasons.length === 0);
    expect(decision.licenseId).toBe(reasons.length === 0 ? 'lic-a' : null);
    expect(decision.license?.id ?? null).toBe(decision.licenseId);
  });

  it('grants each channel only when listed', () => {
    for (const channel of CHANNELS) {
      const granted: Channel[] = [channel];
      expect(checkRights([license({ channels: granted })], use({ channel })).allowed).toBe(true);
      const others = CHANNELS.filter((c) => c !== channel);
      expect(checkRights([license({ channels: others })], use({ channel })).reasons).toEqual(['channel_not_granted']);
    }
  });
});

describe('checkRights: several licenses', () => {
  it('no licenses at all → no_license', () => {
    expect(checkRights([], use())).toEqual({ allowed: false, licenseId: null, license: null, reasons: ['no_license'] });
  });

  it('allowed when only one of several covers the use, naming that one', () => {
    const expired = license({ id: 'expired', endsAt: ms(START, 1000) });
    const wrongChannel = license({ id: 'channel', channels: ['email'] });
    const covering = license({ id: 'covering' });
    const decision = checkRights([expired, wrongChannel, covering], use());
    expect(decision).toEqual({ allowed: true, licenseId: 'covering', license: covering, reasons: [] });
  });

  it('refused: every reason across the licenses, de-duplicated, in contract order', () => {
    const decision = checkRights(
      [
        license({ id: 'a', territories: ['FR'], derivativesAllowed: true }),
        license({ id: 'b', status: 'revoked', channels: ['email'] }),
        license({ id: 'c', startsAt: ms(END, -1), territories: ['FR'] }),
      ],
      use({ derivative: true }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.licenseId).toBeNull();
    expect(decision.reasons).toEqual(['revoked', 'not_started', 'channel_not_granted', 'territory_not_granted', 'derivatives_not_allowed']);
  });

  it('a derivative is covered by the one license that allows edits', () => {
    const original = license({ id: 'original-only' });
    const edits = license({ id: 'edits', derivativesAllowed: true });
    expect(checkRights([original, edits], use({ derivative: true })).licenseId).toBe('edits');
    expect(checkRights([original], use({ derivative: true })).reasons).toEqual(['derivatives_not_allowed']);
  });

  it('when several cover, names the one lasting longest: perpetual first, then latest end, then smallest id', () => {
    const short = license({ id: 'short', endsAt: ms(END, -1000) });
    const long = license({ id: 'long' });
    const perpetual = license({ id: 'z-perpetual', endsAt: null });
    const perpetualToo = license({ id: 'a-perpetual', endsAt: null });
    expect(checkRights([short, long], use()).licenseId).toBe('long');
    expect(checkRights([long, short], use()).licenseId).toBe('long');
    expect(checkRights([short, perpetual, long], use()).licenseId).toBe('z-perpetual');
    expect(checkRights([perpetual, perpetualToo], use()).licenseId).toBe('a-perpetual');
    expect(checkRights([perpetualToo, perpetual], use()).licenseId).toBe('a-perpetual');
  });

  it('does not reorder the caller’s array', () => {
    const list = [license({ id: 'b' }), license({ id: 'a' })];
    checkRights(list, use());
    expect(list.map((l) => l.id)).toEqual(['b', 'a']);
  });

  it('reasons come from the contract’s list', () => {
    expect(RIGHTS_REASONS).toEqual([
      'no_license',
      'not_active',
      'revoked',
      'not_started',
      'expired',
      'channel_not_granted',
      'territory_not_granted',
      'derivatives_not_allowed',
    ]);
  });
});
