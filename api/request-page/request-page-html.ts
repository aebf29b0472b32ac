import escapeHtml from 'escape-html';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { pageDocument } from './page-document';
import { PAGE_WORDS } from './page-words';

/**
 * The creator's pages, rendered on the server as plain HTML: no script, one small stylesheet,
 * readable on a phone, usable with a keyboard or a screen reader, and working with the forms
 * alone. Every value from the database or the creator is escaped.
 */

export interface RequestPageData {
  language: RequestLanguageCode;
  /** The action URLs' base: /r/<token>. */
  path: string;
  title: string;
  message: string | null;
  sentences: readonly string[];
  expires: string;
  /** Pictures of the assets asked for, or the creator's content as a whole. */
  posters: ReadonlyArray<{ url: string | null; label: string }> | 'future_posts';
  /** What the last submission got wrong, in words, and what it said (so nothing is typed twice). */
  problems?: readonly string[];
  values?: { name?: string; email?: string };
}

export function requestPage(data: RequestPageData, nonce: string): string {
  const words = PAGE_WORDS[data.language];
  const e = escapeHtml;
  const problems = data.problems?.length
    ? `<div class="problems" role="alert"><p>${e(words.problem)}</p><ul>${data.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>`
    : '';
  const posters =
    data.posters === 'future_posts'
      ? `<p>${e(words.futurePosts)}</p>`
      : `<ul class="posters">${data.posters.map((p) => `<li>${p.url ? `<img src="${e(p.url)}" alt="${e(p.label)}">` : e(p.label)}</li>`).join('')}</ul>`;
  const body = `
<h1>${e(data.title)}</h1>
${data.message ? `<p class="note">${e(data.message).replace(/\n/g, '<br>')}</p>` : ''}
<section aria-labelledby="content"><h2 id="content">${e(words.content)}</h2>${posters}</section>
<section aria-labelledby="terms"><h2 id="terms">${e(words.terms)}</h2><ul class="terms">${data.sentences.map((s) => `<li>${e(s)}</li>`).join('')}</ul>
<p class="note">${e(words.expires(data.expires))}</p></section>
${problems}
<form method="post" action="${e(data.path)}/accept">
<label for="name">${e(words.name)}</label><input type="text" id="name" name="name" required maxlength="200" autocomplete="name" value="${e(data.values?.name ?? '')}">
<label for="email">${e(words.email)}</label><input type="email" id="email" name="email" required maxlength="254" autocomplete="email" value="${e(data.values?.email ?? '')}">
<label class="agree"><input type="checkbox" name="agree" value="true" required> <span>${e(words.agree)}</span></label>
<button type="submit">${e(words.accept)}</button>
</form>
<section aria-labelledby="decline"><h2 id="decline">${e(words.declineTitle)}</h2>
<form method="post" action="${e(data.path)}/decline">
<label for="reason">${e(words.reason)}</label><textarea id="reason" name="reason" rows="3" maxlength="2000"></textarea>
<button type="submit" class="secondary">${e(words.decline)}</button>
</form></section>`;
  return pageDocument(data.language, data.title, body, nonce);
}

/** A page that only says something: the answer recorded, or why the link answers nothing. */
export function messagePage(language: RequestLanguageCode, heading: string, detail: string | null, nonce: string): string {
  const body = `<h1>${escapeHtml(heading)}</h1>${detail ? `<p>${escapeHtml(detail)}</p>` : ''}`;
  return pageDocument(language, heading, body, nonce);
}

/** Where the creator may send original files, how many more, and until when (already formatted). */
export interface OriginalsOffer {
  /** The form's action: /r/<token>/originals. */
  action: string;
  remaining: number;
  until: string;
}

/** The thank-you page after accepting: the answer recorded, and the optional upload of the originals in full quality. */
export function acceptedPage(language: RequestLanguageCode, offer: OriginalsOffer, nonce: string): string {
  const words = PAGE_WORDS[language];
  const e = escapeHtml;
  const body = `<h1>${e(words.accepted)}</h1><p>${e(words.acceptedDetail)}</p>
<section aria-labelledby="originals"><h2 id="originals">${e(words.originals.title)}</h2>
<p class="note">${e(words.originals.help(offer.remaining, offer.until))}</p>
${originalsForm(language, offer.action)}</section>`;
  return pageDocument(language, words.accepted, body, nonce);
}

/** After a file was sent: received, or refused and why; and the form again while the link takes more. */
export function originalsPage(language: RequestLanguageCode, heading: string, detail: string | null, offer: OriginalsOffer | null, nonce: string): string {
  const words = PAGE_WORDS[language];
  const e = escapeHtml;
  const more = offer ? `<p class="note">${e(words.originals.more(offer.remaining, offer.until))}</p>${originalsForm(language, offer.action)}` : '';
  const body = `<h1>${e(heading)}</h1>${detail ? `<p>${e(detail)}</p>` : ''}${more}`;
  return pageDocument(language, heading, body, nonce);
}

/** One file at a time, streamed as it is sent: no script, the browser's own file picker. */
function originalsForm(language: RequestLanguageCode, action: string): string {
  const words = PAGE_WORDS[language].originals;
  const e = escapeHtml;
  return `<form method="post" action="${e(action)}" enctype="multipart/form-data">
<label for="file">${e(words.file)}</label><input type="file" id="file" name="file" required accept="image/*,video/*">
<button type="submit">${e(words.send)}</button>
</form>`;
}
