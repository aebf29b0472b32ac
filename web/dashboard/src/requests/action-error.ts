import { ApiError } from '../api/api-error';
import type { I18n } from '../i18n/i18n';
import { codeSentence } from '../i18n/error-sentence';

/** Refusals of a renewal, about the license it names rather than any field of the form. */
export const RENEWAL_REFUSALS = ['license_revoked', 'license_not_of_creator', 'unknown_license'] as const;

/**
 * A refusal of an action on rights requests in words for the person who tried it: a key
 * without the content manager role, a request answered or expired meanwhile, a license that
 * cannot be renewed; otherwise the error in words (codeSentence), never the API's raw wording.
 */
export function actionError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('requests.forbidden');
    if (error.code === 'rights_request_closed') return t('requests.closed');
    if (error.code === 'license_revoked') return t('renewal.revoked');
    if (error.code === 'license_not_of_creator') return t('renewal.notOfCreator');
    if (error.code === 'unknown_license') return t('renewal.unknown');
  }
  return codeSentence(t, error);
}
