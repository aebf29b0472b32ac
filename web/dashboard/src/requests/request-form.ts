import type { ApiError } from '../api/api-error';
import type { RequestLanguageCode } from '../api/api-types';
import { endFromLastDay, localDate } from '../licenses/license-timing';
import { newTermsForm, TERMS_FIELDS, termsToBody, type TermsField, type TermsForm } from '../licenses/terms-form';

/** How long a creator has to answer unless the form says otherwise, and the longest the API allows. */
export const DEFAULT_EXPIRY_DAYS = 14;
export const MAX_EXPIRY_DAYS = 90;

/** The "Ask for rights" form's state: the terms proposed, who is asked for what, and how. */
export interface RequestForm extends TermsForm {
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
export type RequestField = TermsField | 'creatorId' | 'content' | 'message' | 'language' | 'expiresAt' | 'form';

/** A new request: `?creatorId=` and `?assetId=` (from an asset's page) say who and what; the creator's language starts as the UI's. */
export function newRequestForm(query: URLSearchParams, language: RequestLanguageCode, today = new Date()): RequestForm {
  const assetIds = query.getAll('assetId');
  return {
    ...newTermsForm(today),
    creatorId: query.get('creatorId') ?? '',
    content: assetIds.length > 0 ? 'assets' : 'all',
    assetIds,
    message: '',
    language,
    expiryDay: localDate(addDays(today, DEFAULT_EXPIRY_DAYS)),
  };
}

export const addDays = (day: Date, days: number): Date => new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);

/** The body of POST /api/v1/rights-requests. No assetIds means all of the creator's content. */
export function requestToBody(form: RequestForm): Record<string, unknown> {
  return {
    creatorId: form.creatorId,
    assetIds: form.content === 'assets' ? form.assetIds : [],
    terms: termsToBody(form),
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
    ...(form.content === 'assets' && form.assetIds.length === 0 ? { content: 'needAssets' as const } : {}),
  };
}

/** Refusals that name no field in their issues, by the control they concern. */
const CODE_FIELDS: Record<string, RequestField> = {
  unknown_creator: 'creatorId',
  asset_not_of_creator: 'content',
  unknown_asset_ids: 'content',
};

/** The API's refusal by the control that shows it (the first message per control). */
export function requestErrors(error: ApiError): Partial<Record<RequestField, string>> {
  const byField: Partial<Record<RequestField, string>> = {};
  for (const issue of error.issues) byField[fieldOf(issue.field)] ??= issue.message;
  if (error.issues.length === 0) byField[CODE_FIELDS[error.code] ?? 'form'] = error.message;
  return byField;
}

function fieldOf(path: string | null): RequestField {
  const [first = '', second = ''] = path?.split('.') ?? [];
  if (first === 'terms') {
    if ((TERMS_FIELDS as readonly string[]).includes(second)) return second as TermsField;
    return second === 'assetIds' || second === 'creatorId' ? 'content' : 'form';
  }
  if (first === 'assetIds') return 'content';
  return (['creatorId', 'message', 'language', 'expiresAt'] as const).find((f) => f === first) ?? 'form';
}
