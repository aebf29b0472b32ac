import { ApiError } from '../../web/dashboard/src/api/api-error';
import { missingChoices, newRequestForm, requestErrors, requestToBody } from '../../web/dashboard/src/requests/request-form';

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

describe('the API’s refusals', () => {
  it('show at the control they concern: terms at their term, assets at the content choice, the rest at the top', () => {
    const refused = new ApiError(422, 'invalid_terms', 'terms.channels: Grant at least one channel', {
      issues: [
        { field: 'terms.channels', message: 'Grant at least one channel' },
        { field: 'terms.fee.amount', message: '1.234 PLN has more decimals' },
        { field: 'terms.assetIds', message: 'give assetIds or creatorId' },
        { field: 'expiresAt', message: 'expiresAt must be in the future' },
        { field: 'replyHashtag', message: 'A hashtag' },
      ],
    });
    expect(requestErrors(refused)).toEqual({
      channels: 'Grant at least one channel',
      fee: '1.234 PLN has more decimals',
      content: 'give assetIds or creatorId',
      expiresAt: 'expiresAt must be in the future',
      form: 'A hashtag',
    });
    expect(requestErrors(new ApiError(422, 'unknown_creator', 'No creator with id x'))).toEqual({ creatorId: 'No creator with id x' });
    expect(requestErrors(new ApiError(422, 'asset_not_of_creator', 'Asset y belongs to another creator'))).toEqual({
      content: 'Asset y belongs to another creator',
    });
    expect(requestErrors(new ApiError(500, 'internal', 'Boom'))).toEqual({ form: 'Boom' });
  });
});
