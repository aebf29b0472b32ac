import type { License } from '../../web/dashboard/src/api/api-types';
import { ApiError } from '../../web/dashboard/src/api/api-error';
import {
  changedTerms,
  contractRefusal,
  contractSentence,
  formToBody,
  issuesByField,
  licenseErrors,
  licenseToForm,
  newLicenseForm,
} from '../../web/dashboard/src/licenses/license-form';
import { daysLeft, endFromLastDay, lastDayOfEnd, licenseStateAt } from '../../web/dashboard/src/licenses/license-timing';
import { expectSentence, tFor, UI_LANGS } from './ui-words';

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

  it('shows each API issue at the control it concerns as a sentence, the first per control', () => {
    expect(
      issuesByField(tFor('en'), [
        { field: 'territories.0', message: 'XX is not a country', kind: 'custom' },
        { field: 'territories.1', message: 'YY is not a country', kind: 'custom' },
        { field: 'endsAt', message: 'endsAt must be after startsAt', kind: 'custom' },
        { field: 'assetIds', message: 'give assetIds or creatorId', kind: 'custom' },
        { field: 'fee.currency', message: 'not a currency', kind: 'custom' },
        { field: null, message: 'something else', kind: 'custom' },
      ]),
    ).toEqual({
      territories: 'Choose the countries from the list, or worldwide.',
      endsAt: 'Choose a last day on or after the first day, or no end date.',
      covers: 'Choose what the license covers: some assets, or every asset of a creator.',
      fee: 'Enter the currency as a three-letter code such as PLN or EUR.',
      form: 'Something in the form is missing or not valid: check it and try again.',
    });
  });

  it('says a refused save in Polish too, never in the API’s words', () => {
    const refused = new ApiError(422, 'invalid_channels', 'channels: Grant at least one channel', {
      issues: [
        { field: 'channels', message: 'Grant at least one channel', kind: 'too_small', origin: 'array', minimum: 1 },
        { field: 'territories', message: 'Too small: expected array to have >=1 items', kind: 'too_small', origin: 'array', minimum: 1 },
        { field: 'notes', message: 'Too big: expected string to have <=10000 characters', kind: 'too_big', origin: 'string', maximum: 10000 },
      ],
    });
    expect(licenseErrors(tFor('pl'), refused)).toEqual({
      channels: 'Wybierz co najmniej jeden kanał.',
      territories: 'Wybierz co najmniej jeden kraj albo cały świat.',
      notes: 'Notatki mogą mieć najwyżej 10000 znaków.',
    });
  });

  it.each(UI_LANGS)('%s: a refusal without issues shows at its control, in words', (lang) => {
    const t = tFor(lang);
    const unknownAssets = licenseErrors(t, new ApiError(422, 'unknown_asset_ids', 'No asset with id 00000000-0000-4000-8000-000000000009'));
    expect(Object.keys(unknownAssets)).toEqual(['covers']);
    expectSentence(unknownAssets.covers);
    // An issue made of the code alone (no details.issues): the field's general sentence.
    const bareCode = licenseErrors(t, new ApiError(422, 'invalid_ends_at', 'endsAt: Invalid input'));
    expect(bareCode).toEqual({ endsAt: t('issue.endsAt') });
    for (const error of [
      new ApiError(409, 'license_revoked', 'License x is revoked'),
      new ApiError(500, 'internal_error', 'Boom'),
      new TypeError('Failed to fetch'),
    ]) {
      const { form } = licenseErrors(t, error);
      expectSentence(form);
    }
    const refusal = (error: unknown) => contractSentence(t, contractRefusal(error));
    expect(refusal(new ApiError(415, 'unsupported_media_type', 'The contract must be a PDF document'))).toBe(t('license.contractNotPdf'));
    expect(refusal(new ApiError(413, 'file_too_large', 'too large'))).toBe(t('license.contractTooLarge'));
    expect(refusal(new ApiError(0, 'network_error', 'The API could not be reached'))).toBe(t('license.contractNotSaved'));
    // The word a new license carries to its own address; anything else typed there is said generally.
    expect(contractRefusal(new ApiError(415, 'unsupported_media_type', 'x'))).toBe('not_pdf');
    expect(contractSentence(t, 'not_pdf')).toBe(t('license.contractNotPdf'));
    expectSentence(contractSentence(t, 'invalid_whatever'));
  });
});
