import { ApiError } from '../api/api-error';
import { codeSentence } from '../i18n/error-sentence';
import type { I18n } from '../i18n/i18n';

/**
 * A refused code action in words: the roles that may act (performance teams as well as content
 * managers, so not the creator panel's sentence), the discount and campaign in this form's own
 * words; everything else, a taken or malformed code included, as codeSentence says it.
 */
export function codeError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('codes.forbidden');
    if (error.code === 'invalid_discount') return t('codes.badDiscount');
    if (error.code === 'invalid_campaign') return t('codes.badCampaign');
  }
  return codeSentence(t, error);
}
