import { ApiError } from '../api/api-error';
import type { I18n } from '../i18n/i18n';
import { codeSentence } from '../i18n/error-sentence';

/** A key without the content manager role: the API's 403, after which the creator's actions are not offered any more. */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;

/**
 * A refusal of an action on a creator (editing, their page link, export, erasure) in words for
 * the person who tried it: no content manager role, a creator who is gone, no connection;
 * otherwise the error in words (codeSentence), never the API's raw wording.
 */
export function creatorError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('creatorPanel.forbidden');
    if (error.status === 404 && error.code === 'creator_not_found') return t('creatorPanel.notFound');
    if (error.status === 0) return t('lifeCycle.offline');
  }
  return codeSentence(t, error);
}
