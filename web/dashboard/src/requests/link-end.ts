import type { I18n } from '../i18n/i18n';
import { endsAtMidnight } from '../licenses/license-timing';

/**
 * Until when a creator's link works, as people say it: "the end of 21 Dec 2026" for the
 * midnight after a chosen last day (what the form sends), else the exact time.
 */
export function linkEndText(i18n: I18n, expiresAt: string): string {
  if (!endsAtMidnight(expiresAt)) return i18n.dateTime(expiresAt);
  return i18n.t('requests.endOfDay', { date: i18n.date(new Date(Date.parse(expiresAt) - 1).toISOString()) });
}
