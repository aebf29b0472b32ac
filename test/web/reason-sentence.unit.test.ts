import { ApiError } from '../../web/dashboard/src/api/api-error';
import { errorSentence, refusalLines } from '../../web/dashboard/src/i18n/error-sentence';
import { en } from '../../web/dashboard/src/i18n/messages-en';
import { pl } from '../../web/dashboard/src/i18n/messages-pl';
import { reasonSentence, type Words } from '../../web/dashboard/src/i18n/reason-sentence';
import { licenseBadge } from '../../web/dashboard/src/library/license-badge';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';

/**
 * The one place that turns a rights reason or an API error into a sentence (no DOM): every
 * reason has one in English and Polish, with the date, channel or country it is about; no code,
 * placeholder or validator wording ever reaches the page.
 */
const DICTIONARIES = { en, pl } as const;
type Lang = keyof typeof DICTIONARIES;

/** What the dashboard's I18n gives, made the same way (dictionary lookup, Intl for dates and countries). */
function wordsFor(lang: Lang): Words & { inDays: (days: number) => string } {
  const messages: Record<string, string> = DICTIONARIES[lang];
  const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl', { dateStyle: 'medium', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return {
    t: (key, vars = {}) => messages[key]!.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)),
    label: (group, code) => messages[`${group}.${code}`] ?? code,
    date: (iso) => dates.format(new Date(iso)),
    country: (code) => regions.of(code) ?? code,
    inDays: (days) => relative.format(days, 'day'),
  };
}

const LANGS: Lang[] = ['en', 'pl'];
const CONTEXT = { channel: 'email', territory: 'DE', startsAt: '2027-03-07T00:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z' };

/** Words only: no snake_case code, no `{placeholder}` left, no validator phrasing. */
function expectWords(text: string): void {
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text).not.toMatch(/[{}]/);
  expect(text).not.toMatch(/expected|received|undefined/i);
}

describe('every rights reason has a sentence in both languages', () => {
  it.each(LANGS.flatMap((lang) => RIGHTS_REASONS.map((reason) => [lang, reason] as const)))('%s: %s, with and without what it is about', (lang, reason) => {
    const words = wordsFor(lang);
    const bare = reasonSentence(words, reason);
    const about = reasonSentence(words, reason, CONTEXT);
    expectWords(bare);
    expectWords(about);
    expect(bare).not.toBe(words.t('why.unknown')); // the fallback for codes that are not reasons
  });

  it('every reason has its sentence key in English and Polish (a new reason without words fails here)', () => {
    for (const reason of RIGHTS_REASONS) {
      expect(Object.keys(en)).toContain(`why.${reason}`);
      expect(Object.keys(pl)).toContain(`why.${reason}`);
    }
  });

  it('says the date, channel and country it is about', () => {
    const [english, polish] = [wordsFor('en'), wordsFor('pl')];
    expect(reasonSentence(english, 'not_started', CONTEXT)).toBe('The license starts on 7 Mar 2027: until then it covers nothing.');
    expect(reasonSentence(polish, 'not_started', CONTEXT)).toBe('Licencja zaczyna obowiązywać 7 mar 2027: do tego dnia nic nie obejmuje.');
    expect(reasonSentence(english, 'expired', CONTEXT)).toBe('The license ended on 30 Nov 2026.');
    expect(reasonSentence(english, 'channel_not_granted', CONTEXT)).toBe('The license does not cover Email.');
    expect(reasonSentence(polish, 'channel_not_granted', CONTEXT)).toBe('Licencja nie obejmuje kanału: E-mail.');
    expect(reasonSentence(english, 'territory_not_granted', CONTEXT)).toBe('The license does not cover Germany.');
    expect(reasonSentence(polish, 'territory_not_granted', CONTEXT)).toBe('Licencja nie obejmuje obszaru: Niemcy.');
    // Making ad cuts asks about every paid channel, not one: then it says so.
    expect(reasonSentence(english, 'channel_not_granted')).toContain('no paid channel');
  });
});

describe('API errors as sentences', () => {
  it('a refused cut names each license with its start date and id, once per license and reason', () => {
    const error = new ApiError(403, 'derivatives_not_allowed', 'No license lets asset 7f… be edited', {
      reasons: ['not_started'],
      licenses: [{ id: 'lic-1', reasons: ['not_started'], startsAt: CONTEXT.startsAt, endsAt: null }],
    });
    expect(refusalLines(wordsFor('en'), error)).toEqual([{ text: 'The license starts on 7 Mar 2027: until then it covers nothing.', licenseId: 'lic-1' }]);
    expect(errorSentence(wordsFor('pl'), error)).toBe('Licencja zaczyna obowiązywać 7 mar 2027: do tego dnia nic nie obejmuje.');
  });

  it('a refused pull says the channel it asked for', () => {
    const error = new ApiError(403, 'channel_not_granted', 'No license covers this use of the cut (channel_not_granted)', {
      reasons: ['channel_not_granted'],
      channel: 'email',
      territory: 'PL',
    });
    expect(errorSentence(wordsFor('en'), error)).toBe('The license does not cover Email.');
  });

  it('never shows a validator’s wording: the fields are named in words, unknown ones generally', () => {
    const missing = new ApiError(400, 'invalid_creator_id', 'creatorId: Invalid input: expected string, received undefined', {
      issues: [{ field: 'creatorId', message: 'Invalid input: expected string, received undefined' }],
    });
    expect(errorSentence(wordsFor('en'), missing)).toBe('Choose the creator from the list.');
    expect(errorSentence(wordsFor('pl'), missing)).toBe('Wybierz twórcę z listy.');
    const handle = new ApiError(422, 'invalid_handle', 'handle: Invalid input', { issues: [{ field: 'handle', message: 'Invalid input' }] });
    expect(errorSentence(wordsFor('en'), handle)).toBe('Something is missing or not valid: the handle. Check it and try again.');
    expect(errorSentence(wordsFor('pl'), handle)).toBe('Czegoś brakuje albo jest niepoprawne: nazwa konta. Sprawdź i spróbuj ponownie.');
    const odd = new ApiError(422, 'invalid_zzz', 'zzz: expected string, received undefined', { issues: [{ field: 'zzz', message: 'expected string' }] });
    for (const lang of LANGS) expectWords(errorSentence(wordsFor(lang), odd));
  });

  it.each(LANGS)('%s: known codes, statuses and no connection each get a sentence', (lang) => {
    const words = wordsFor(lang);
    for (const [status, code] of [
      [409, 'asset_not_ready'],
      [422, 'cut_too_long'],
      [415, 'unsupported_media_type'],
      [409, 'creator_exists'],
      [0, 'http_0'],
      [404, 'route_not_found'],
      [403, 'forbidden_role'],
      [429, 'rate_limited'],
      [500, 'internal_error'],
      [409, 'something_new'],
    ] as const) {
      expectWords(errorSentence(words, new ApiError(status, code, `raw ${code}`)));
    }
    expectWords(errorSentence(words, new TypeError('Failed to fetch')));
  });
});

describe('the library badge', () => {
  const now = new Date(2026, 11, 7, 12);
  it.each(LANGS)('%s: says the day that matters, and tells "none" apart', (lang) => {
    const words = { ...wordsFor(lang), lang };
    const badge = (
      licenseState: 'active' | 'expiring' | 'expired' | 'none',
      licenseNote: { state: 'active' | 'expiring' | 'expired' | 'not_started' | 'draft' | 'revoked'; at: string | null } | null,
    ) => licenseBadge(words, { licenseState, licenseNote }, now);
    const fiveDays = new Date(2026, 11, 13).toISOString(); // ends at midnight: the 12th is the last day, 5 days on
    expect(badge('expiring', { state: 'expiring', at: fiveDays })).toBe(lang === 'en' ? 'Expires in 5 days' : 'Wygasa za 5 dni');
    expect(badge('none', { state: 'not_started', at: '2027-03-07T12:00:00.000Z' })).toBe(
      lang === 'en' ? 'License starts 7 Mar 2027' : 'Licencja od 7 mar 2027',
    );
    expect(badge('none', { state: 'revoked', at: null })).toBe(lang === 'en' ? 'License revoked' : 'Licencja unieważniona');
    expect(badge('none', { state: 'draft', at: null })).toBe(lang === 'en' ? 'Only a draft license' : 'Tylko szkic licencji');
    expect(badge('none', null)).toBe(lang === 'en' ? 'No license' : 'Bez licencji');
    expect(badge('active', { state: 'active', at: null })).toBe(lang === 'en' ? 'Licensed' : 'Licencja aktywna');
  });
});
