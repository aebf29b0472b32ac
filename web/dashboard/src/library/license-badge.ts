import type { ListedAsset } from '../api/api-types';
import type { Words } from '../i18n/reason-sentence';
import { daysLeft } from '../licenses/license-timing';

type Note = NonNullable<ListedAsset['licenseNote']>;

/** Words and dates as in I18n, with its "in 5 days". */
type BadgeWords = Pick<Words, 't' | 'label' | 'date'> & { inDays(days: number): string };

/**
 * The library badge's words: the state with the day that matters ("Expires in 5 days",
 * "License starts 7 Mar 2027", "License revoked"), so "No license" means there is none.
 * Falls back to the plain state when the API sent no note.
 */
export function licenseBadge(i18n: BadgeWords, asset: Pick<ListedAsset, 'licenseState' | 'licenseNote'>, now: Date): string {
  const note = asset.licenseNote;
  if (!note) return i18n.label('assetLicense', asset.licenseState);
  return noteWords(i18n, note, now) ?? i18n.label('assetLicense', asset.licenseState);
}

function noteWords(i18n: BadgeWords, { state, at }: Note, now: Date): string | null {
  if (state === 'draft' || state === 'revoked') return i18n.t(`licenseNote.${state}`);
  if (!at) return null;
  if (state === 'expiring') return i18n.t('licenseNote.expiring', { when: i18n.inDays(daysLeft(at, now)) });
  if (state === 'active' || state === 'expired' || state === 'not_started') return i18n.t(`licenseNote.${state}`, { date: i18n.date(lastDay(state, at)) });
  return null;
}

/** An end is exclusive: a license ending at midnight was last usable the day before. */
const lastDay = (state: Note['state'], at: string): string => (state === 'not_started' ? at : new Date(Date.parse(at) - 1).toISOString());
