import type { RequestLanguageCode } from '../vocabulary/rights-request-status';

export interface DmTextInput {
  language: RequestLanguageCode;
  brandName: string;
  creatorHandle: string;
  url: string;
  replyHashtag: string;
  message: string | null;
}

/**
 * The message a content manager pastes into a DM or a comment under the creator's post: who
 * asks, where the terms are in plain words, and the two ways to say yes.
 */
export function dmText({ language, brandName, creatorHandle, url, replyHashtag, message }: DmTextInput): string {
  const note = message ? `${message}\n\n` : '';
  return language === 'pl'
    ? `Cześć @${creatorHandle}! ${note}${brandName} chce użyć Twoich materiałów w swoich kanałach. ` +
        `Warunki prostymi słowami i odpowiedź (bez zakładania konta): ${url}\n` +
        `Możesz też po prostu odpowiedzieć ${replyHashtag} pod tą wiadomością.`
    : `Hi @${creatorHandle}! ${note}${brandName} would like to use your content in its channels. ` +
        `The terms in plain words, and your answer (no account needed): ${url}\n` +
        `Or simply reply ${replyHashtag} to this message.`;
}
