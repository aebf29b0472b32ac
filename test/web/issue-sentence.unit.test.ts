import type { ZodType } from 'zod';
import { validate } from '../../api/http/validate';
import { DomainError } from '../../core/errors/domain-error';
import { coherentTerms, LicenseTermsInput, termsInZone } from '../../core/licensing/license-terms';
import { ApiError, type FieldIssue } from '../../web/dashboard/src/api/api-error';
import { codeSentence } from '../../web/dashboard/src/i18n/error-sentence';
import { FIELD_SENTENCES } from '../../web/dashboard/src/i18n/field-sentences';
import { issueSentence, sentencesByField } from '../../web/dashboard/src/i18n/issue-sentence';
import { faqEditErrors } from '../../web/dashboard/src/insights/faq-edit-errors';
import { licenseErrors } from '../../web/dashboard/src/licenses/license-form';
import { expectSentence, tFor, UI_LANGS } from './ui-words';

/**
 * A field the API refused, as a sentence (no DOM): from the field and the kind of problem the
 * API sends with each issue (`kind`, `minimum`, `maximum`), in English and Polish, never the
 * validator's message, a code or an id.
 */
const KINDS = ['too_small', 'too_big', 'custom', 'invalid_type', 'invalid_format', 'invalid_value', 'invalid_union', 'a_kind_from_a_newer_api', undefined];
const RAW = 'Too small: expected array to have >=1 items; expected string, received undefined';

/** An issue as the API sends it for `field`, with the limits its kind carries. */
const issue = (field: string | null, kind: string | undefined, limits: Partial<FieldIssue> = {}): FieldIssue => ({
  field,
  message: RAW,
  ...(kind ? { kind } : {}),
  ...(kind === 'too_small' ? { origin: 'array', minimum: 1 } : {}),
  ...(kind === 'too_big' ? { origin: 'string', maximum: 200 } : {}),
  ...limits,
});

describe('every field with sentences says every kind of problem in words', () => {
  const fields = Object.keys(FIELD_SENTENCES).map((pattern) => pattern.replace('*', '2'));
  it.each(UI_LANGS.flatMap((lang) => fields.map((field) => [lang, field] as const)))('%s: %s', (lang, field) => {
    const t = tFor(lang);
    for (const kind of KINDS) expectSentence(issueSentence(t, issue(field, kind)));
  });

  it('a rights request’s terms are said like a license’s', () => {
    const t = tFor('en');
    expect(issueSentence(t, issue('terms.channels', 'too_small'))).toBe(issueSentence(t, issue('channels', 'too_small')));
    expect(issueSentence(t, issue('terms.excludedTerritories.0', 'custom'))).toBe(t('issue.excludedTerritories'));
  });
});

describe('the sentence fits the problem', () => {
  it.each([
    ['channels', 'too_small', {}, 'Pick at least one channel.', 'Wybierz co najmniej jeden kanał.'],
    ['territories', 'too_small', {}, 'Pick at least one country, or worldwide.', 'Wybierz co najmniej jeden kraj albo cały świat.'],
    [
      'territories',
      'custom',
      {},
      'Choose worldwide alone, or a list of countries without worldwide.',
      'Wybierz cały świat albo listę krajów, nie jedno i drugie.',
    ],
    ['territories.4', 'custom', {}, 'Choose the countries from the list, or worldwide.', 'Wybierz kraje z listy albo cały świat.'],
    [
      'excludedTerritories',
      'custom',
      {},
      'The exclusions leave no country: keep at least one country the license covers.',
      'Wyłączenia nie zostawiają żadnego kraju: zostaw co najmniej jeden kraj objęty licencją.',
    ],
    [
      'endsAt',
      'custom',
      {},
      'Choose a last day on or after the first day, or no end date.',
      'Wybierz ostatni dzień nie wcześniejszy niż pierwszy albo brak daty końcowej.',
    ],
    ['endsAt', 'invalid_union', {}, 'Enter the last day as a date, or choose no end date.', 'Podaj ostatni dzień jako datę albo wybierz brak daty końcowej.'],
    ['startsAt', 'invalid_union', {}, 'Enter the first day as a date.', 'Podaj pierwszy dzień jako datę.'],
    ['question', 'too_big', { maximum: 500 }, 'Keep the question to at most 500 characters.', 'Pytanie może mieć najwyżej 500 znaków.'],
    [
      'question',
      'custom',
      {},
      'Write the question in visible characters: letters, digits or punctuation.',
      'Napisz pytanie widocznymi znakami: literami, cyframi lub znakami interpunkcyjnymi.',
    ],
    ['message', 'too_big', { maximum: 2000 }, 'Keep the message to at most 2000 characters.', 'Wiadomość może mieć najwyżej 2000 znaków.'],
  ] as const)('%s, %s', (field, kind, limits, english, polish) => {
    expect(issueSentence(tFor('en'), issue(field, kind, limits))).toBe(english);
    expect(issueSentence(tFor('pl'), issue(field, kind, limits))).toBe(polish);
  });

  it('a limit’s sentence only with the limit; otherwise the field’s general one', () => {
    const t = tFor('en');
    expect(issueSentence(t, { field: 'notes', message: RAW, kind: 'too_big' })).toBe(t('issue.notes'));
  });

  it('a field without sentences is named in words, or the form is', () => {
    const t = tFor('en');
    expect(issueSentence(t, issue('handle', 'custom'))).toBe('Something is missing or not valid: the handle. Check it and try again.');
    expect(issueSentence(t, issue('zzz', 'custom'))).toBe(t('apiError.invalidAny'));
    expect(issueSentence(t, issue(null, 'custom'))).toBe(t('apiError.invalidAny'));
  });

  it('the first sentence per control, several fields sharing one control', () => {
    const fee = (field: string | null) => (field?.startsWith('fee') ? 'fee' : 'form');
    expect(sentencesByField(tFor('en'), [issue('fee.amount', 'custom'), issue('fee.currency', 'custom'), issue('zzz', 'custom')], fee)).toEqual({
      fee: tFor('en')('issue.fee.amount'),
      form: tFor('en')('apiError.invalidAny'),
    });
  });
});

describe('refusals with a code of their own', () => {
  it.each(UI_LANGS)('%s: the license, rights-request and FAQ codes each have a sentence', (lang) => {
    const t = tFor(lang);
    const generic = [t('apiError.invalidAny'), t('apiError.conflict'), t('apiError.server')];
    for (const [status, code] of [
      [422, 'unknown_asset_ids'],
      [422, 'asset_not_of_creator'],
      [422, 'unknown_creator'],
      [409, 'license_revoked'],
      [422, 'unknown_license'],
      [422, 'license_not_of_creator'],
      [422, 'answer_required'],
      [409, 'invalid_transition'],
      [409, 'unpublish_first'],
      [409, 'faq_dismissed'],
    ] as const) {
      const sentence = codeSentence(t, new ApiError(status, code, `raw ${code} 00000000-0000-4000-8000-000000000001`));
      expectSentence(sentence);
      expect(generic).not.toContain(sentence);
    }
  });

  it.each(UI_LANGS)('%s: the FAQ editor puts each refusal where it belongs', (lang) => {
    const t = tFor(lang);
    expect(faqEditErrors(t, new ApiError(422, 'answer_required', 'Write an answer before publishing the entry'))).toEqual({ answer: t('faq.answerRequired') });
    expect(faqEditErrors(t, new ApiError(422, 'invalid_question', 'question: must contain visible text', { issues: [issue('question', 'custom')] }))).toEqual({
      question: t('issue.question'),
    });
    expect(faqEditErrors(t, new ApiError(409, 'faq_dismissed', 'A dismissed entry cannot be published'))).toEqual({ form: t('faq.dismissedNotPublished') });
    expectSentence(faqEditErrors(t, new TypeError('Failed to fetch')).form);
  });
});

describe('what the API sends, said in words', () => {
  /** The API's refusal of `input` as the dashboard receives it: validate's error, through JSON. */
  function refusal(schema: ZodType, input: unknown): ApiError {
    try {
      validate(schema, input, 'unprocessable');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return new ApiError(422, error.code, error.message, JSON.parse(JSON.stringify(error.details)));
    }
    throw new Error('the API accepted it');
  }

  it('each issue keeps field and message, and adds its kind and limits', () => {
    const refused = refusal(LicenseTermsInput, {
      territories: [],
      channels: [],
      startsAt: '',
      endsAt: null,
      derivativesAllowed: false,
      notes: 'x'.repeat(10_001),
    });
    expect(refused.code).toBe('invalid_territories');
    expect(refused.details.issues).toEqual(
      expect.arrayContaining([
        { field: 'channels', message: 'Grant at least one channel', kind: 'too_small', origin: 'array', minimum: 1, inclusive: true },
        expect.objectContaining({ field: 'notes', message: expect.any(String), kind: 'too_big', origin: 'string', maximum: 10_000 }),
        expect.objectContaining({ field: 'startsAt', message: expect.any(String), kind: 'invalid_union' }),
      ]),
    );
  });

  it.each(UI_LANGS)('%s: a license the API refuses, field by field and between fields', (lang) => {
    const t = tFor(lang);
    const fields = licenseErrors(
      t,
      refusal(LicenseTermsInput, {
        territories: ['ATLANTIS'],
        channels: [],
        startsAt: '2027-03-10',
        endsAt: 'soon',
        derivativesAllowed: false,
        fee: { amount: '12,50', currency: 'PLN' },
        notes: 'x'.repeat(10_001),
      }),
    );
    expect(fields).toEqual({
      territories: t('issue.territories'),
      channels: t('issue.channels.none'),
      endsAt: t('issue.endsAt'),
      fee: t('issue.fee.amount'),
      notes: t('issue.notes.long', { max: 10000 }),
    });
    const terms = { territories: ['PL'], excludedTerritories: [], channels: ['paid_social'], assetIds: [], creatorId: null, derivativesAllowed: false };
    const between = licenseErrors(
      t,
      refusal(coherentTerms, termsInZone({ ...terms, startsAt: { day: '2027-03-10' }, endsAt: { day: '2027-03-01' } }, 'Europe/Warsaw')),
    );
    expect(between).toEqual({ endsAt: t('issue.endsAt.order'), covers: t('issue.assetIds.cover') });
    for (const sentence of [...Object.values(fields), ...Object.values(between)]) expectSentence(sentence);
  });
});
