import type { RightsReason } from '../../../../core/vocabulary/rights-reasons';
import type { MessageKey } from './messages-en';

/**
 * The part of I18n (i18n.tsx) a sentence needs: words, labels, dates and countries. Declared
 * here rather than picked from I18n so tests build one without React or JSX.
 */
export interface Words {
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  label(group: string, code: string): string;
  date(iso: string): string;
  country(code: string): string;
}

/**
 * What a reason is about, when known: the use that was refused (channel, territory) and the
 * license's period. A sentence with it says "does not cover Email" or "starts on 7 Mar 2027";
 * without it, it still says what is wrong in words.
 */
export interface ReasonContext {
  channel?: string | undefined;
  territory?: string | undefined;
  startsAt?: string | undefined;
  endsAt?: string | null | undefined;
}

type Sentence = (words: Words, context: ReasonContext) => string;

/** Every rights reason has a sentence: a new reason without one does not compile. */
const SENTENCES: Record<RightsReason, Sentence> = {
  no_license: ({ t }) => t('why.no_license'),
  not_active: ({ t }) => t('why.not_active'),
  revoked: ({ t }) => t('why.revoked'),
  not_started: ({ t, date }, { startsAt }) => (startsAt ? t('why.not_started', { date: date(startsAt) }) : t('why.not_started.undated')),
  expired: ({ t, date }, { endsAt }) => (endsAt ? t('why.expired', { date: date(endsAt) }) : t('why.expired.undated')),
  // Without a channel the question was "any paid channel?" (making ad cuts), not one channel.
  channel_not_granted: ({ t, label }, { channel }) =>
    channel ? t('why.channel_not_granted', { channel: label('channel', channel) }) : t('why.channel_not_granted.paid'),
  territory_not_granted: ({ t, country }, { territory }) =>
    territory ? t('why.territory_not_granted', { country: country(territory) }) : t('why.territory_not_granted.any'),
  derivatives_not_allowed: ({ t }) => t('why.derivatives_not_allowed'),
};

export const isRightsReason = (code: string): code is RightsReason => Object.hasOwn(SENTENCES, code);

/** A rights reason as a sentence a content manager can act on, in the UI language (a code from a newer API: a general one). */
export function reasonSentence(words: Words, reason: string, context: ReasonContext = {}): string {
  return isRightsReason(reason) ? SENTENCES[reason](words, context) : words.t('why.unknown');
}
