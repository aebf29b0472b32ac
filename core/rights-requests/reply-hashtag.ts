import type { RequestLanguageCode } from '../vocabulary/rights-request-status';

/** What a creator comments to say yes, unless the request sets its own: `#takMarka` in Polish, `#yesMarka` in English. */
export function defaultReplyHashtag(brandName: string, language: RequestLanguageCode): string {
  const brand = brandName.normalize('NFKC').replace(/[^\p{L}\p{N}_]/gu, '');
  return `#${language === 'pl' ? 'tak' : 'yes'}${brand || 'Brand'}`;
}

/** A hashtag as platforms match it: `#` then letters, digits or `_`; compared without case. */
export const HASHTAG = /^#[\p{L}\p{N}_]{2,60}$/u;
