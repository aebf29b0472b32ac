import { ApiError } from '../../web/dashboard/src/api/api-error';
import type { License } from '../../web/dashboard/src/api/api-types';
import { missingChoices, newRequestForm, renewalForm, renewalPeriod, requestErrors, requestToBody } from '../../web/dashboard/src/requests/request-form';
import { expectSentence, tFor, UI_LANGS } from './ui-words';

/** The "Ask for rights" form's conversions (no DOM involved): what it sends, and where the API's refusals show. */
const CREATOR = '00000000-0000-4000-8000-00000000000c';
const ASSET = '00000000-0000-4000-8000-00000000000a';
const today = new Date(2027, 2, 10, 15, 30);

describe('a new request', () => {
  it('starts from the asset page’s query: its creator and asset chosen, the link working for 14 days', () => {
    const form = newRequestForm(new URLSearchParams({ creatorId: CREATOR, assetId: ASSET }), 'pl', today);
    expect(form).toMatchObject({ creatorId: CREATOR, content: 'assets', assetIds: [ASSET], language: 'pl', expiryDay: '2027-03-24', perpetual: false });
    expect(newRequestForm(new URLSearchParams(), 'en', today)).toMatchObject({ creatorId: '', content: 'all', assetIds: [] });
  });

  it('sends no assetIds for all content, the terms by the license’s rules, and the link’s end as the midnight after its last day', () => {
    const form = {
      ...newRequestForm(new URLSearchParams({ creatorId: CREATOR }), 'en', today),
      countries: ['PL'],
      channels: ['paid_social'],
      feeAmount: ' 900 ',
    };
    const body = requestToBody({ ...form, assetIds: [ASSET] });
    expect(body).toMatchObject({ creatorId: CREATOR, assetIds: [], language: 'en', expiresAt: new Date(2027, 2, 25).toISOString() });
    expect(body.terms).toMatchObject({ territories: ['PL'], excludedTerritories: [], channels: ['paid_social'], fee: { amount: '900', currency: 'PLN' } });
    expect(body).not.toHaveProperty('message');
    // Amounts as Polish and English hands type them; anything else goes as typed, for the API to refuse in words.
    const typedAmounts: Array<[string, string]> = [
      ['1 500,50', '1500.50'],
      ['1\u00a0500,5', '1500.5'],
      ['1500.50', '1500.50'],
      ['12,5,0', '12,5,0'],
      ['abc', 'abc'],
    ];
    for (const [typed, sent] of typedAmounts) {
      expect([typed, requestToBody({ ...form, feeAmount: typed }).terms]).toEqual([typed, expect.objectContaining({ fee: { amount: sent, currency: 'PLN' } })]);
    }
    expect(requestToBody({ ...form, content: 'assets', assetIds: [ASSET], message: 'Hi!', perpetual: true })).toMatchObject({
      assetIds: [ASSET],
      message: 'Hi!',
      terms: { endsAt: null },
    });
  });

  it('never sends "chosen assets" with none chosen, which the API would read as all content', () => {
    const form = newRequestForm(new URLSearchParams(), 'en', today);
    expect(missingChoices(form)).toEqual({ creatorId: 'needCreator' });
    expect(missingChoices({ ...form, creatorId: CREATOR, content: 'assets' })).toEqual({ content: 'needAssets' });
    expect(missingChoices({ ...form, creatorId: CREATOR })).toEqual({});
  });
});

describe('a renewal', () => {
  const LICENSE = '00000000-0000-4000-8000-0000000000aa';
  // A license over one asset: worldwide but Russia, 1 March to the end of 30 April (local midnights).
  const license: License = {
    id: LICENSE,
    assetIds: [ASSET],
    creatorId: null,
    territories: ['WW'],
    excludedTerritories: ['RU'],
    channels: ['paid_social', 'product_page'],
    startsAt: new Date(2027, 2, 1).toISOString(),
    endsAt: new Date(2027, 4, 1).toISOString(),
    derivativesAllowed: true,
    exclusivity: { scope: 'category', category: 'mugs', until: new Date(2027, 4, 1).toISOString() },
    fee: { amount: '2500.00', currency: 'EUR' },
    disclosureRequired: false,
    attributionRequired: true,
    notes: 'internal',
    status: 'active',
    state: 'expiring',
    revokedAt: null,
    revokedReason: null,
    contract: null,
    createdAt: new Date(2027, 1, 20).toISOString(),
    updatedAt: new Date(2027, 1, 20).toISOString(),
  };

  it('starts from every term of the license, for the period that follows it', () => {
    const form = renewalForm(license, CREATOR, 'pl', today);
    expect(form).toMatchObject({
      renewsLicenseId: LICENSE,
      creatorId: CREATOR,
      content: 'assets',
      assetIds: [ASSET],
      worldwide: true,
      countries: [],
      excluded: ['RU'],
      channels: ['paid_social', 'product_page'],
      startDay: '2027-05-01',
      lastDay: '2027-06-30', // two months again
      perpetual: false,
      derivativesAllowed: true,
      disclosureRequired: false,
      attributionRequired: true,
      feeAmount: '2500.00',
      feeCurrency: 'EUR',
      exclusivityScope: 'category',
      exclusivityCategory: 'mugs',
      exclusivityUntil: '2027-04-30',
      language: 'pl',
    });
  });

  it('names the license and no assets, and proposes the license’s exclusivity again', () => {
    const body = requestToBody(renewalForm(license, CREATOR, 'en', today));
    expect(body).not.toHaveProperty('assetIds');
    expect(body).toMatchObject({
      creatorId: CREATOR,
      renewsLicenseId: LICENSE,
      terms: {
        territories: ['WW'],
        excludedTerritories: ['RU'],
        startsAt: new Date(2027, 4, 1).toISOString(),
        endsAt: new Date(2027, 6, 1).toISOString(),
        exclusivity: { scope: 'category', category: 'mugs', until: new Date(2027, 4, 1).toISOString() },
        fee: { amount: '2500.00', currency: 'EUR' },
      },
    });
    expect(missingChoices(renewalForm({ ...license, assetIds: [], creatorId: CREATOR }, CREATOR, 'en', today))).toEqual({});
    expect(requestToBody(newRequestForm(new URLSearchParams({ creatorId: CREATOR }), 'en', today))).not.toHaveProperty('renewsLicenseId');
  });

  it('lasts as long as the license: whole months as months, otherwise days; a year when it has no length', () => {
    const period = (start: Date, end: Date | null) => renewalPeriod({ startsAt: start.toISOString(), endsAt: end?.toISOString() ?? null }, today);
    expect(period(new Date(2027, 0, 1), new Date(2028, 0, 1))).toEqual({ startDay: '2028-01-01', lastDay: '2028-12-31' }); // a leap year is a year
    expect(period(new Date(2027, 2, 10), new Date(2027, 2, 20))).toEqual({ startDay: '2027-03-20', lastDay: '2027-03-29' }); // 10 days
    expect(period(new Date(2027, 0, 31), new Date(2027, 1, 28))).toEqual({ startDay: '2027-02-28', lastDay: '2027-03-27' }); // 28 days
    expect(period(new Date(2026, 11, 31), new Date(2027, 0, 31))).toEqual({ startDay: '2027-01-31', lastDay: '2027-02-27' }); // a month, to February's end
    expect(period(new Date(2027, 2, 10, 14, 30), new Date(2027, 2, 20, 14, 30))).toEqual({ startDay: '2027-03-20', lastDay: '2027-03-30' }); // ends 30 March, 14:30
    expect(period(new Date(2027, 2, 10), new Date(2027, 2, 10))).toEqual({ startDay: '2027-03-10', lastDay: '2028-03-09' });
    expect(period(new Date(2026, 0, 1), null)).toEqual({ startDay: '2027-03-10', lastDay: '2028-03-09' });
  });
});

describe('the API’s refusals', () => {
  it('show at the control they concern, as sentences: terms at their term, assets at the content choice, the rest at the top', () => {
    const refused = new ApiError(422, 'invalid_terms', 'terms.channels: Grant at least one channel', {
      issues: [
        { field: 'terms.channels', message: 'Grant at least one channel', kind: 'too_small', origin: 'array', minimum: 1 },
        { field: 'terms.fee.amount', message: '1.234 PLN has more decimals', kind: 'custom' },
        { field: 'terms.assetIds', message: 'give assetIds or creatorId', kind: 'custom' },
        { field: 'expiresAt', message: 'expiresAt must be in the future', kind: 'custom' },
        { field: 'replyHashtag', message: 'A hashtag', kind: 'invalid_format', format: 'regex' },
      ],
    });
    expect(requestErrors(tFor('en'), refused)).toEqual({
      channels: 'Pick at least one channel.',
      fee: 'Enter the fee amount like 1500.00 (with a point), with no more decimals than the currency has.',
      content: 'Choose what the license covers: some assets, or every asset of a creator.',
      expiresAt: 'Choose a last day for the link from today up to 90 days ahead.',
      form: 'Something in the form is missing or not valid: check it and try again.',
    });
    expect(requestErrors(tFor('pl'), refused)).toMatchObject({
      channels: 'Wybierz co najmniej jeden kanał.',
      expiresAt: 'Wybierz ostatni dzień linku: od dziś do 90 dni naprzód.',
    });
    expect(
      requestErrors(
        tFor('en'),
        new ApiError(422, 'invalid_terms', 'x', { issues: [{ field: 'terms.exclusivity.category', message: 'Name the category', kind: 'custom' }] }),
      ),
    ).toEqual({ exclusivity: 'Name the category the exclusivity is about, in visible characters.' });
  });

  it.each(UI_LANGS)('%s: refusals naming no field say it in words at their control', (lang) => {
    const t = tFor(lang);
    expect(requestErrors(t, new ApiError(422, 'unknown_creator', 'No creator with id x'))).toEqual({ creatorId: t('apiError.unknown_creator') });
    expect(requestErrors(t, new ApiError(422, 'asset_not_of_creator', 'Asset 00000000-0000-4000-8000-00000000000a belongs to another creator'))).toEqual({
      content: t('apiError.asset_not_of_creator'),
    });
    expect(requestErrors(t, new ApiError(422, 'unknown_asset_ids', 'No asset with id y'))).toEqual({ content: t('apiError.unknown_asset_ids') });
    for (const error of [new ApiError(500, 'internal', 'Boom'), new ApiError(422, 'something_new', 'expected string, received undefined')]) {
      expectSentence(requestErrors(t, error).form);
    }
  });
});
