import type { License } from '../api/api-types';
import { ApiError, type FieldIssue } from '../api/api-error';
import { codeSentence } from '../i18n/error-sentence';
import { sentencesByField } from '../i18n/issue-sentence';
import type { Words } from '../i18n/reason-sentence';
import { lastDayOfEnd, localDate } from './license-timing';
import { exclusivityToBody, newTermsForm, TERMS_FIELDS, termsToBody, type ExclusivityForm, type TermsField, type TermsForm } from './terms-form';

/** The editor's state: what people choose, in the shapes form controls hold (strings, days). */
export interface LicenseForm extends TermsForm, ExclusivityForm {
  covers: 'assets' | 'creator';
  assetIds: string[];
  creatorId: string;
  notes: string;
  status: 'draft' | 'active';
}

/** Which control shows a refusal of a field of the body (`contract`: the PDF sent after the terms). */
export type FormField = TermsField | 'covers' | 'exclusivity' | 'notes' | 'status' | 'contract' | 'form';

export function newLicenseForm(query: URLSearchParams, today = new Date()): LicenseForm {
  const assetIds = query.getAll('assetId');
  const creatorId = query.get('creatorId') ?? '';
  return {
    ...newTermsForm(today),
    covers: creatorId && assetIds.length === 0 ? 'creator' : 'assets',
    assetIds,
    creatorId,
    exclusivityScope: 'none',
    exclusivityCategory: '',
    exclusivityUntil: '',
    notes: '',
    status: 'active',
  };
}

export function licenseToForm(license: License): LicenseForm {
  const worldwide = license.territories.includes('WW');
  return {
    covers: license.creatorId ? 'creator' : 'assets',
    assetIds: license.assetIds,
    creatorId: license.creatorId ?? '',
    worldwide,
    countries: worldwide ? [] : license.territories,
    excluded: license.excludedTerritories,
    channels: license.channels,
    startDay: localDate(new Date(license.startsAt)),
    lastDay: license.endsAt ? lastDayOfEnd(license.endsAt) : '',
    perpetual: license.endsAt === null,
    derivativesAllowed: license.derivativesAllowed,
    exclusivityScope: license.exclusivity?.scope ?? 'none',
    exclusivityCategory: license.exclusivity?.category ?? '',
    exclusivityUntil: license.exclusivity?.until ? localDate(new Date(license.exclusivity.until)) : '',
    feeAmount: license.fee?.amount ?? '',
    feeCurrency: license.fee?.currency ?? 'PLN',
    disclosureRequired: license.disclosureRequired,
    attributionRequired: license.attributionRequired,
    notes: license.notes ?? '',
    status: license.status === 'revoked' ? 'active' : license.status,
  };
}

/** The create body (POST /api/v1/licenses). Values go as typed: the API validates them and says what is wrong. */
export function formToBody(form: LicenseForm): Record<string, unknown> {
  return {
    ...(form.covers === 'assets' ? { assetIds: form.assetIds, creatorId: null } : { assetIds: [], creatorId: form.creatorId || null }),
    ...termsToBody(form),
    exclusivity: exclusivityToBody(form),
    notes: form.notes.trim() ? form.notes : null,
    status: form.status,
  };
}

/**
 * A PATCH body: only the terms that differ from the license as loaded, so terms the editor
 * shows less precisely (an end at 14:30 shown as its day) stay exactly as they were.
 */
export function changedTerms(before: LicenseForm, after: LicenseForm): Record<string, unknown> {
  const was = formToBody(before);
  const now = formToBody(after);
  return Object.fromEntries(Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(was[key])));
}

/** The API's issues as sentences, by the control that shows them (the first per control). */
export function issuesByField(t: Words['t'], issues: readonly FieldIssue[]): Partial<Record<FormField, string>> {
  return sentencesByField(t, issues, fieldOf);
}

/** Refusals that name no field in their issues, by the control they concern. */
const CODE_FIELDS: Record<string, FormField> = {
  unknown_asset_ids: 'covers',
  unknown_creator: 'covers',
};

/** A refused save in sentences at the controls: the fields' issues, else the code's sentence where it belongs. */
export function licenseErrors(t: Words['t'], error: unknown): Partial<Record<FormField, string>> {
  if (error instanceof ApiError && error.issues.length > 0) return issuesByField(t, error.issues);
  const control = error instanceof ApiError ? (CODE_FIELDS[error.code] ?? 'form') : 'form';
  return { [control]: codeSentence(t, error) };
}

/**
 * Why the contract was refused (it is sent after the terms are saved), as a word: a new license
 * moves to its own address first, and the word goes along (`?contract=not_pdf`).
 */
export type ContractRefusal = 'not_pdf' | 'too_large' | 'not_sent';

export function contractRefusal(error: unknown): ContractRefusal {
  if (error instanceof ApiError && error.code === 'unsupported_media_type') return 'not_pdf';
  if (error instanceof ApiError && (error.code === 'file_too_large' || error.status === 413)) return 'too_large';
  return 'not_sent';
}

/** The sentence at the contract field for a refusal (anything but a known word: the terms are saved, the contract is not). */
export function contractSentence(t: Words['t'], refusal: string): string {
  if (refusal === 'not_pdf') return t('license.contractNotPdf');
  if (refusal === 'too_large') return t('license.contractTooLarge');
  return t('license.contractNotSaved');
}

function fieldOf(path: string | null): FormField {
  const first = path?.split('.')[0] ?? '';
  if (first === 'assetIds' || first === 'creatorId') return 'covers';
  const known: FormField[] = [...TERMS_FIELDS, 'exclusivity', 'notes', 'status'];
  return (known as string[]).includes(first) ? (first as FormField) : 'form';
}
