import escapeHtml from 'escape-html';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
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

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f6f4}
main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;line-height:1.3}h2{font-size:1.1rem;margin-top:1.5rem}
ul.terms li{margin:.4rem 0}.posters{display:grid;grid-template-columns:repeat(auto-fill,minmax(6rem,1fr));gap:.5rem;padding:0;list-style:none}
.posters img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:.4rem;background:#ddd}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input[type=text],input[type=email],textarea{width:100%;padding:.7rem;font:inherit;border:1px solid #767676;border-radius:.4rem}
.agree{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}.agree input{width:1.4rem;height:1.4rem;margin-top:.1rem;flex:none}
button{display:block;width:100%;margin-top:1rem;padding:.9rem;font:inherit;font-weight:700;border:0;border-radius:.4rem;background:#0b57d0;color:#fff}
button.secondary{background:#fff;color:#1b1b1b;border:1px solid #767676}.problems{border-left:4px solid #b3261e;padding:.2rem .8rem;background:#fdecea}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}.note{color:#444}
`;

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
  return document(data.language, data.title, body, nonce);
}

/** A page that only says something: the answer recorded, or why the link answers nothing. */
export function messagePage(language: RequestLanguageCode, heading: string, detail: string | null, nonce: string): string {
  const body = `<h1>${escapeHtml(heading)}</h1>${detail ? `<p>${escapeHtml(detail)}</p>` : ''}`;
  return document(language, heading, body, nonce);
}

function document(language: RequestLanguageCode, title: string, body: string, nonce: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}
