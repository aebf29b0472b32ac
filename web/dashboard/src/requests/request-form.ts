import type { ApiError } from '../api/api-error';
import { codeSentence } from '../i18n/error-sentence';
import { sentencesByField } from '../i18n/issue-sentence';
import type { Words } from '../i18n/reason-sentence';
import type { License, RequestLanguageCode } from '../api/api-types';
import { endFromLastDay, lastDayOfEnd, localDate } from '../licenses/license-timing';
import { exclusivityToBody, newTermsForm, TERMS_FIELDS, termsToBody, type ExclusivityForm, type TermsField, type TermsForm } from '../licenses/terms-form';

/** How long a creator has to answer unless the form says otherwise, and the longest the API allows. */
export const DEFAULT_EXPIRY_DAYS = 14;
export const MAX_EXPIRY_DAYS = 90;

/**
 * The "Ask for rights" form's state: the terms proposed, who is asked for what, and how.
 * Exclusivity is proposed only by a renewal, which carries the license's over.
 */
export interface RequestForm extends TermsForm, ExclusivityForm {
  /** A renewal: the license acceptance extends ('' when the request asks for a new license). */
  renewsLicenseId: string;
  creatorId: string;
  /** All of the creator's content (posted and future), or the assets ticked. */
  content: 'all' | 'assets';
  assetIds: string[];
  message: string;
  language: RequestLanguageCode;
  /** The last day the creator's link works. */
  expiryDay: string;
}

/** Which control shows a message about a field of the body. */
export type RequestField = TermsField | 'exclusivity' | 'creatorId' | 'content' | 'message' | 'language' | 'expiresAt' | 'form';

/** A new request: `?creatorId=` and `?assetId=` (from an asset's page) say who and what; the creator's language starts as the UI's. */
export function newRequestForm(query: URLSearchParams, language: RequestLanguageCode, today = new Date()): RequestForm {
  const assetIds = query.getAll('assetId');
  return {
    ...newTermsForm(today),
    exclusivityScope: 'none',
    exclusivityCategory: '',
    exclusivityUntil: '',
    renewsLicenseId: '',
    creatorId: query.get('creatorId') ?? '',
    content: assetIds.length > 0 ? 'assets' : 'all',
    assetIds,
    message: '',
    language,
    expiryDay: localDate(addDays(today, DEFAULT_EXPIRY_DAYS)),
  };
}

export const addDays = (day: Date, days: number): Date => new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);

/**
 * A request to renew `license` (of the creator `creatorId`): what it covers is the license's,
 * every term is the license's, and the period follows on: from the current end, as long again.
 */
export function renewalForm(license: License, creatorId: string, language: RequestLanguageCode, today = new Date()): RequestForm {
  const worldwide = license.territories.includes('WW');
  return {
    ...newRequestForm(new URLSearchParams(), language, today),
    renewsLicenseId: license.id,
    creatorId,
    content: license.assetIds.length > 0 ? 'assets' : 'all',
    assetIds: license.assetIds,
    worldwide,
    countries: worldwide ? [] : license.territories,
    excluded: worldwide ? license.excludedTerritories : [],
    channels: license.channels,
    ...renewalPeriod(license, today),
    perpetual: false,
    derivativesAllowed: license.derivativesAllowed,
    disclosureRequired: license.disclosureRequired,
    attributionRequired: license.attributionRequired,
    feeAmount: license.fee?.amount ?? '',
    feeCurrency: license.fee?.currency ?? 'PLN',
    exclusivityScope: license.exclusivity?.scope ?? 'none',
    exclusivityCategory: license.exclusivity?.category ?? '',
    exclusivityUntil: license.exclusivity?.until ? lastDayOfEnd(license.exclusivity.until) : '',
  };
}

/**
 * The period a renewal proposes: it starts where the license ends and lasts as long as the
 * license did (a year when it has no length, or no end). A length of whole months stays whole
 * months (a year from 1 March is a year, leap day or not); otherwise it is counted in days.
 */
export function renewalPeriod(license: Pick<License, 'startsAt' | 'endsAt'>, today = new Date()): Pick<TermsForm, 'startDay' | 'lastDay'> {
  if (!license.endsAt) {
    const { startDay, lastDay } = newTermsForm(today);
    return { startDay, lastDay };
  }
  const start = new Date(license.startsAt);
  const end = new Date(license.endsAt);
  return { startDay: localDate(end), lastDay: lastDayOfEnd(afterAnotherTerm(start, end).toISOString()) };
}

function afterAnotherTerm(start: Date, end: Date): Date {
  const at = (months: number, days: number): Date => {
    const day = new Date(
      end.getFullYear(),
      end.getMonth() + months,
      end.getDate() + days,
      end.getHours(),
      end.getMinutes(),
      end.getSeconds(),
      end.getMilliseconds(),
    );
    // 31 January and a month: the last day of February, not 3 March.
    const overflow = days === 0 && day.getDate() !== end.getDate();
    return overflow ? new Date(day.getFullYear(), day.getMonth(), 0, end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()) : day;
  };
  if (end.getTime() <= start.getTime()) return at(12, 0);
  const sameClock = start.getHours() === end.getHours() && start.getMinutes() === end.getMinutes() && start.getSeconds() === end.getSeconds();
  if (sameClock && start.getDate() === end.getDate()) return at((end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth(), 0);
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return at(0, Math.round((midnight(end) - midnight(start)) / DAY_MS));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The body of POST /api/v1/rights-requests. No assetIds means all of the creator's content; a
 * renewal names the license instead (it covers what the license covers) and proposes its
 * exclusivity again.
 */
export function requestToBody(form: RequestForm): Record<string, unknown> {
  return {
    creatorId: form.creatorId,
    ...(form.renewsLicenseId
      ? { renewsLicenseId: form.renewsLicenseId, terms: { ...termsToBody(form), exclusivity: exclusivityToBody(form) } }
      : { assetIds: form.content === 'assets' ? form.assetIds : [], terms: termsToBody(form) }),
    ...(form.message.trim() ? { message: form.message } : {}),
    language: form.language,
    ...(form.expiryDay ? { expiresAt: endFromLastDay(form.expiryDay) } : {}),
  };
}

/**
 * What the form can tell before asking the API: a creator must be chosen, and "chosen assets"
 * with none ticked would otherwise be sent as no assetIds, which asks for all of their content.
 */
export function missingChoices(form: RequestForm): Partial<Record<'creatorId' | 'content', 'needCreator' | 'needAssets'>> {
  return {
    ...(form.creatorId ? {} : { creatorId: 'needCreator' as const }),
    ...(form.content === 'assets' && form.assetIds.length === 0 && !form.renewsLicenseId ? { content: 'needAssets' as const } : {}),
  };
}

/** Refusals that name no field in their issues, by the control they concern. */
const CODE_FIELDS: Record<string, RequestField> = {
  unknown_creator: 'creatorId',
  asset_not_of_creator: 'content',
  unknown_asset_ids: 'content',
};

/** The API's refusal in sentences, by the control that shows them (the first per control). */
export function requestErrors(t: Words['t'], error: ApiError): Partial<Record<RequestField, string>> {
  if (error.issues.length > 0) return sentencesByField(t, error.issues, fieldOf);
  return { [CODE_FIELDS[error.code] ?? 'form']: codeSentence(t, error) };
}

function fieldOf(path: string | null): RequestField {
  const [first = '', second = ''] = path?.split('.') ?? [];
  if (first === 'terms') {
    if ((TERMS_FIELDS as readonly string[]).includes(second)) return second as TermsField;
    if (second === 'exclusivity') return 'exclusivity';
    return second === 'assetIds' || second === 'creatorId' ? 'content' : 'form';
  }
  if (first === 'assetIds') return 'content';
  return (['creatorId', 'message', 'language', 'expiresAt'] as const).find((f) => f === first) ?? 'form';
}
