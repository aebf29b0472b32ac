import escapeHtml from 'escape-html';
import type { CreatorPage, CreatorPageAsset } from '../../core/creator-page/creator-page-view';
import { CHANNEL_PHRASES } from '../../core/rights-requests/terms-in-plain-words';
import { CHANNELS, type Channel } from '../../core/vocabulary/channels';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { pageDocument } from '../request-page/page-document';
import { CREATOR_PAGE_WORDS } from './creator-page-words';

/**
 * The creator's own page, rendered on the server as plain HTML like the acceptance page (no
 * script, forms alone, every stored value escaped): each asset with what the licenses allow,
 * where it went out, the ad versions made of it, and the takedown form.
 */
export interface CreatorPageHtmlInput {
  page: CreatorPage;
  language: RequestLanguageCode;
  brandName: string;
  timeZone: string;
  /** The form's action: /c/<token>/takedown. */
  takedownAction: string;
}

const e = escapeHtml;
const LOCALES: Record<RequestLanguageCode, string> = { pl: 'pl-PL', en: 'en-GB' };

export function creatorPageHtml(input: CreatorPageHtmlInput, nonce: string): string {
  const words = CREATOR_PAGE_WORDS[input.language];
  const title = words.title(input.brandName);
  const names = input.page.assets.map((asset, i) => asset.title ?? words.untitled(asset.kind, i + 1));
  const assets = input.page.assets.map((asset, i) => assetSection(asset, names[i]!, input)).join('');
  const picks = input.page.assets
    .map((asset, i) => `<label class="agree"><input type="checkbox" name="assetIds" value="${e(asset.id)}"> <span>${e(words.pick(names[i]!))}</span></label>`)
    .join('');
  const body = `
<h1>${e(title)}</h1>
<p class="note">${e(words.intro)}</p>
${assets || `<p>${e(words.none)}</p>`}
<section aria-labelledby="takedown"><h2 id="takedown">${e(words.takedownTitle)}</h2>
<p class="note">${e(words.takedownHelp)}</p>
<form method="post" action="${e(input.takedownAction)}">
${picks}
<label for="reason">${e(words.reason)}</label><textarea id="reason" name="reason" rows="3" maxlength="2000"></textarea>
<button type="submit" class="secondary">${e(words.send)}</button>
</form></section>`;
  return pageDocument(input.language, title, body, nonce);
}

function assetSection(asset: CreatorPageAsset, name: string, input: CreatorPageHtmlInput): string {
  const words = CREATOR_PAGE_WORDS[input.language];
  const date = dateFormat(input);
  const id = `asset-${asset.id}`;
  const licenses = asset.licenses.length
    ? `<ul>${asset.licenses.map((l) => `<li><span class="state">${e(words.states[l.state])}:</span> ${e(l.words)}</li>`).join('')}</ul>`
    : `<p>${e(words.noLicense)}</p>`;
  const live = asset.live.length
    ? `<ul>${asset.live.map((use) => `<li>${e(liveLine(use, input.language, date))}</li>`).join('')}</ul>`
    : `<p>${e(words.notUsed)}</p>`;
  const cuts = asset.cuts.length
    ? `<h3>${e(words.cuts)}</h3><ul>${asset.cuts.map((c) => `<li>${e(words.cut(c.aspect, c.durationS, c.label))}</li>`).join('')}</ul>`
    : '';
  return `
<section class="asset" aria-labelledby="${e(id)}">
${asset.posterUrl ? `<img src="${e(asset.posterUrl)}" alt="">` : ''}
<h2 id="${e(id)}">${e(name)}</h2>
${asset.withdrawn ? `<p class="withdrawn">${e(words.withdrawn)}</p>` : ''}
${asset.takedownRequestedAt ? `<p class="pending">${e(words.takedownPending(date(asset.takedownRequestedAt)))}</p>` : ''}
<h3>${e(words.licenses)}</h3>${licenses}
<h3>${e(words.live)}</h3>${live}
${cuts}
</section>`;
}

/** "In paid ads on social media · Poland · campaign “spring” · since 3 March 2027 (last 9 March 2027)". */
function liveLine(use: CreatorPageAsset['live'][number], language: RequestLanguageCode, date: (d: Date) => string): string {
  const words = CREATOR_PAGE_WORDS[language];
  const channel = (CHANNELS as readonly string[]).includes(use.channel) ? CHANNEL_PHRASES[use.channel as Channel][language] : use.channel;
  const place = use.territory === 'WW' ? words.worldwide : regionName(use.territory, language);
  const parts = [
    channel.charAt(0).toUpperCase() + channel.slice(1),
    place,
    use.campaign ? words.campaign(use.campaign) : null,
    words.since(date(use.since), date(use.lastPulledAt)),
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

/** A country's name in the page's language; a code Intl does not know shows as itself. */
function regionName(code: string, language: RequestLanguageCode): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormat = (input: CreatorPageHtmlInput) => {
  const format = new Intl.DateTimeFormat(LOCALES[input.language], { dateStyle: 'long', timeZone: input.timeZone });
  return (d: Date) => format.format(d);
};
