import type { License } from '../api/api-types';
import type { FieldIssue } from '../api/api-error';
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

/** Which control shows an API message about a field of the body. */
export type FormField = TermsField | 'covers' | 'exclusivity' | 'notes' | 'status' | 'form';

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

/** The API's issues by the control that shows them (the first message per control). */
export function issuesByField(issues: FieldIssue[]): Partial<Record<FormField, string>> {
  const byField: Partial<Record<FormField, string>> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    byField[field] ??= issue.message;
  }
  return byField;
}

function fieldOf(path: string | null): FormField {
  const first = path?.split('.')[0] ?? '';
  if (first === 'assetIds' || first === 'creatorId') return 'covers';
  const known: FormField[] = [...TERMS_FIELDS, 'exclusivity', 'notes', 'status'];
  return (known as string[]).includes(first) ? (first as FormField) : 'form';
}
