import { ApiError } from '../api/api-error';
import type { I18n } from '../i18n/i18n';
import { codeSentence } from '../i18n/error-sentence';

/**
 * A refusal of a change to an asset (its details, archiving, deleting) in words for the person
 * who tried it: a key without the content manager role, an asset deleted meanwhile, one that is
 * gone, no connection; otherwise the error in words (codeSentence), never the API's raw wording.
 */
export function lifeCycleError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('lifeCycle.forbidden');
    if (error.code === 'asset_deleted') return t('lifeCycle.alreadyDeleted');
    if (error.status === 404) return t('lifeCycle.notFound');
    if (error.status === 0) return t('lifeCycle.offline');
  }
  return codeSentence(t, error);
}
