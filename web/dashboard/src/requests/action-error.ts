import { ApiError } from '../api/api-error';
import type { I18n } from '../i18n/i18n';

/**
 * A refusal of an action on rights requests in words for the person who tried it: a key
 * without the content manager role, or a request answered or expired meanwhile; otherwise
 * the API's own message.
 */
export function actionError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('requests.forbidden');
    if (error.code === 'rights_request_closed') return t('requests.closed');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
