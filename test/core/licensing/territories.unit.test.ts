import { CHANNELS, isChannel, PAID_CHANNELS } from '../../../core/vocabulary/channels';
import { isCountryCode, territoryCovered, WORLDWIDE } from '../../../core/licensing/territories';

describe('isCountryCode', () => {
  it.each(['PL', 'DE', 'US', 'JP', 'BR', 'ZA'])('%s is a country', (code) => expect(isCountryCode(code)).toBe(true));
  it.each([
    ['lower case', 'pl'],
    ['mixed case', 'Pl'],
    ['not assigned', 'XX'],
    ['not assigned either', 'ZZ'],
    ['the worldwide marker', WORLDWIDE],
    ['alpha-3', 'POL'],
    ['numeric', '616'],
    ['empty', ''],
    ['one letter', 'P'],
    ['an inherited property name', 'constructor'],
  ])('%s (%s) is not', (_what, code) => expect(isCountryCode(code)).toBe(false));
});

describe('territoryCovered', () => {
  it.each([
    [['PL'], [], 'PL', true],
    [['PL'], [], 'pl', true],
    [['pl'], [], 'PL', true],
    [['PL', 'DE'], [], 'FR', false],
    [['WW'], [], 'FR', true],
    [['WW'], ['FR'], 'FR', false],
    [['WW'], ['fr'], 'FR', false],
    [['WW'], ['FR'], 'DE', true],
    [['PL'], ['PL'], 'PL', false],
    [['WW'], [], 'WW', true],
    [['WW'], ['FR'], 'WW', false],
    [['PL'], [], 'WW', false],
    [[], [], 'PL', false],
  ])('%j minus %j covers %s: %s', (territories, excluded, territory, covered) => {
    expect(territoryCovered(territories, excluded, territory)).toBe(covered);
  });
});

describe('channels', () => {
  it('the paid channels are the first six', () => {
    expect(PAID_CHANNELS).toEqual(['paid_social', 'paid_search', 'paid_display', 'paid_video', 'whitelisting', 'ooh']);
    expect(CHANNELS).toHaveLength(10);
  });

  it('isChannel knows exactly the listed channels', () => {
    for (const c of CHANNELS) expect(isChannel(c)).toBe(true);
    for (const c of ['tv', 'PAID_SOCIAL', '', 'paid social', 'toString']) expect(isChannel(c)).toBe(false);
  });
});
