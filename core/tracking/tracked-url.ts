import type { UtmTemplate } from '../config/utm-template';

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * The landing URL with the template's tags: each parameter the template sets replaces the
 * landing URL's own (all its occurrences); every other parameter stays exactly as written (the
 * query is edited as text, not re-serialised, so `a=b%20c` does not become `a=b+c`). A tag
 * whose template names a placeholder without a value (no campaign) is left out, and then the
 * landing URL's own tag of that name, if any, is kept.
 */
export function taggedUrl(landingUrl: string, template: UtmTemplate, values: Readonly<Record<string, string | null>>): string {
  const tags = renderTags(template, values);
  const url = new URL(landingUrl);
  const replaced = new Set(tags.map(([name]) => name));
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !replaced.has(parameterName(pair)));
  const added = tags.map(([name, value]) => new URLSearchParams([[name, value]]).toString());
  url.search = [...kept, ...added].join('&');
  return url.href;
}

/** The template's tags filled in, in the template's order; tags missing a value are left out. */
export function renderTags(template: UtmTemplate, values: Readonly<Record<string, string | null>>): Array<[string, string]> {
  return Object.entries(template).flatMap(([name, text]): Array<[string, string]> => {
    let missing = false;
    const value = text.replace(PLACEHOLDER, (_, key: string) => {
      const filled = values[key];
      if (filled === null || filled === undefined || filled === '') missing = true;
      return filled ?? '';
    });
    return missing || value === '' ? [] : [[name, value]];
  });
}

/** A query pair's name, decoded as a browser would (`utm%5Fsource` and `utm_source` are one name). */
function parameterName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
