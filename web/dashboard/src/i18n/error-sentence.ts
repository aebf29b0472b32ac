import { ApiError } from '../api/api-error';
import { fieldWords } from './field-words';
import { hasSentences, issueSentence } from './issue-sentence';
import type { MessageKey } from './messages-en';
import { isRightsReason, reasonSentence, type ReasonContext, type Words } from './reason-sentence';

/** One sentence of a refusal, and the license it is about when there is one (to link to it). */
export interface RefusalLine {
  text: string;
  licenseId: string | null;
}

/** Codes with a sentence of their own; any other falls back to one for its HTTP status. */
const CODE_SENTENCES: Record<string, MessageKey> = {
  asset_not_ready: 'apiError.asset_not_ready',
  asset_failed: 'apiError.asset_failed',
  asset_deleted: 'apiError.asset_deleted',
  not_a_video: 'apiError.not_a_video',
  cut_too_long: 'apiError.cut_too_long',
  disclosure_required: 'apiError.disclosure_required',
  invalid_disclosure: 'apiError.invalid_disclosure',
  creator_exists: 'apiError.creator_exists',
  code_exists: 'apiError.code_exists',
  invalid_code: 'apiError.invalid_code',
  unknown_creator: 'apiError.unknown_creator',
  missing_file: 'apiError.missing_file',
  empty_file: 'apiError.empty_file',
  file_too_large: 'apiError.file_too_large',
  payload_too_large: 'apiError.file_too_large',
  image_too_large: 'apiError.image_too_large',
  unsupported_media_type: 'apiError.unsupported_media_type',
  unknown_asset_ids: 'apiError.unknown_asset_ids',
  asset_not_of_creator: 'apiError.asset_not_of_creator',
  license_revoked: 'apiError.license_revoked',
  unknown_license: 'renewal.unknown',
  license_not_of_creator: 'renewal.notOfCreator',
  answer_required: 'faq.answerRequired',
  invalid_transition: 'faq.invalidTransition',
  unpublish_first: 'faq.unpublishFirst',
  faq_dismissed: 'faq.dismissedNotPublished',
};

/**
 * Any error in the UI language, never the API's raw wording (a validator's "expected string,
 * received undefined", a code, an id): rights refusals as their reasons' sentences, known codes
 * as their own sentence, field problems naming the fields, anything else by its HTTP status.
 */
export function errorSentence(words: Words, error: unknown): string {
  const refusal = error instanceof ApiError ? refusalLines(words, error) : [];
  if (refusal.length > 0) return refusal.map((line) => line.text).join(' ');
  return codeSentence(words.t, error);
}

/** errorSentence for screens that meet no rights refusal: it needs words only, no dates or countries. */
export function codeSentence(t: Words['t'], error: unknown): string {
  if (!(error instanceof ApiError)) return t('apiError.server');
  const own = CODE_SENTENCES[error.code];
  if (own) return t(own);
  if (error.status === 400 || error.status === 422) return invalidSentence(t, error);
  return statusSentence(t, error.status);
}

/**
 * A rights refusal as sentences: each refused license's reasons with its dates when the API
 * sent `details.licenses`, else the combined `details.reasons` (or the code itself, when it is
 * a reason). Empty for any other error.
 */
export function refusalLines(words: Words, error: ApiError): RefusalLine[] {
  const use: ReasonContext = { channel: stringOf(error.details.channel), territory: stringOf(error.details.territory) };
  const licenses = refusedLicensesOf(error.details.licenses);
  const lines =
    licenses.length > 0
      ? licenses.flatMap((license) => license.reasons.map((reason) => ({ text: reasonSentence(words, reason, { ...use, ...license }), licenseId: license.id })))
      : reasonsOf(error).map((reason) => ({ text: reasonSentence(words, reason, use), licenseId: null }));
  return lines.filter((line, i) => lines.findIndex((other) => other.text === line.text && other.licenseId === line.licenseId) === i);
}

function reasonsOf(error: ApiError): string[] {
  if (error.reasons.length > 0) return error.reasons;
  return error.status === 403 && isRightsReason(error.code) ? [error.code] : [];
}

/**
 * A refused form in sentences: each field that has its own says what to do ("Pick at least one
 * channel."); the others are named together in one; a field without words makes it the form's.
 */
function invalidSentence(t: Words['t'], error: ApiError): string {
  const issues = error.issues;
  const own = issues.filter((issue) => hasSentences(issue.field)).map((issue) => issueSentence(t, issue));
  const others = issues.filter((issue) => !hasSentences(issue.field)).map((issue) => fieldWords(t, issue.field));
  const named =
    others.includes(null) || issues.length === 0
      ? [t('apiError.invalidAny')]
      : others.length
        ? [t('apiError.invalid', { fields: [...new Set(others)].join(', ') })]
        : [];
  return [...new Set([...own, ...named])].join(' ');
}

function statusSentence(t: Words['t'], status: number): string {
  if (status === 0) return t('apiError.offline');
  if (status === 401 || status === 403) return t('apiError.forbidden');
  if (status === 404 || status === 410) return t('apiError.notFound');
  if (status === 409) return t('apiError.conflict');
  if (status === 413) return t('apiError.file_too_large');
  if (status === 415) return t('apiError.unsupported_media_type');
  if (status === 429) return t('apiError.rateLimited');
  if (status >= 400 && status < 500) return t('apiError.invalidAny');
  return t('apiError.server');
}

interface RefusedLicense {
  id: string;
  reasons: string[];
  startsAt: string;
  endsAt: string | null;
}

function refusedLicensesOf(value: unknown): RefusedLicense[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (l): l is RefusedLicense => typeof l === 'object' && l !== null && typeof l.id === 'string' && Array.isArray(l.reasons) && typeof l.startsAt === 'string',
  );
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
