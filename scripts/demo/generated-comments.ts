import { createHash } from 'node:crypto';
import { foldDiacritics } from '../../core/nlp/diacritics';
import { DEMO_CREATORS, DEMO_MEDIA } from './demo-catalog';
import type { DemoComment } from './demo-comments';
import { ANY_PRODUCT_TEMPLATES, PRODUCT_TEMPLATES } from './comment-templates';

/** Twelve weeks of comments: enough for the weekly trend to show a shape. */
export const DEMO_WEEKS = 12;

// prettier-ignore
const AUTHORS = {
  pl: ['kasia.k', 'tomek_b', 'ola_w_biegu', 'marcin.nowak', 'gosia.pl', 'bartek99', 'ewa_z_krakowa', 'pawel.k', 'natalia_m', 'kuba.z', 'ania_ania', 'michal.w'],
  en: ['jess.h', 'mike_r', 'sarah.j', 'dan_the_runner', 'emily.w', 'chris_p', 'laura.k', 'tom.b', 'nina_s', 'alex_m', 'kate.o', 'ben.h'],
} as const;

/** Stable pseudo-random number from a text: the same demo on every run, and no two runs adding copies. */
export const stableHash = (text: string): number => createHash('sha1').update(text).digest().readUInt32BE(0);

/**
 * The product templates and the any-product ones, each written once or twice more the way people
 * type: as written, or lower case without the final "?" or "!" (Polish without diacritics), under
 * the product's posts, on each post's platform, spread over DEMO_WEEKS weeks.
 */
export function generatedComments(): DemoComment[] {
  return Object.entries(PRODUCT_TEMPLATES).flatMap(([sku, own]) =>
    (['pl', 'en'] as const).flatMap((lang) =>
      [...own[lang], ...ANY_PRODUCT_TEMPLATES[lang]].flatMap((text, i) => {
        const copies = 1 + (stableHash(`${sku}|${lang}|${i}`) % 2);
        return Array.from({ length: copies }, (_, copy) => generated(sku, lang, copy === 0 ? text : typed(text, lang), `${sku}-${lang}-${i}-${copy}`));
      }),
    ),
  );
}

/** As typed on a phone: lower case, no final punctuation, Polish letters folded. */
function typed(text: string, lang: 'pl' | 'en'): string {
  const plain = text.toLowerCase().replace(/[?!.]+$/u, '');
  return lang === 'pl' ? foldDiacritics(plain) : plain;
}

function generated(sku: string, lang: 'pl' | 'en', text: string, key: string): DemoComment {
  const hash = stableHash(key);
  const posts = DEMO_MEDIA.filter((m) => m.skus.includes(sku));
  const media = posts[hash % posts.length]!;
  const authors = AUTHORS[lang];
  return {
    platform: DEMO_CREATORS.find((c) => c.handle === media.creator)!.platform,
    externalId: `demo-t-${key.toLowerCase()}`,
    text,
    author: authors[(hash >>> 8) % authors.length]!,
    sku,
    media: media.key,
    daysAgo: (hash >>> 16) % (DEMO_WEEKS * 7),
  };
}
