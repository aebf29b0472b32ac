import { existsSync } from 'node:fs';
import path from 'node:path';
import { readRealComments, REAL_COMMENTS_FILE, type RealComment } from '../../core/nlp/evaluation/real-comments';
import { DEMO_CREATORS, DEMO_MEDIA, DEMO_PRODUCTS } from './demo-catalog';
import type { DemoComment } from './demo-comments';
import { DEMO_WEEKS, stableHash } from './generated-comments';

/**
 * Real comments from the labelled set in the corpora folder (../shared/data/nlp), read at demo
 * time and never copied into the repository: rows whose sources allow reuse (Allegro Reviews,
 * CC BY-SA 4.0; Bitext and semiPQA, CDLA-Sharing-1.0; SenTube, research and commercial use).
 * Polish tweets are left out (their text is under X's terms), and so are PolEmo's hotel and
 * clinic reviews. Only rows that read naturally under any product are taken (shipping, price,
 * returns; short), so a review of a vacuum cleaner does not appear under a mug.
 */
const REUSABLE_SOURCES = ['Allegro Reviews training split', 'Bitext', 'semiPQA', 'SenTube'];
const GENERIC_TOPICS = new Set(['shipping', 'price', 'returns']);
const MAX_CHARS = 120;
/** At most this many a language (about 16 Polish and 56 English rows qualify). */
export const REAL_PER_LANG = 40;

/** The chosen real comments, or none (and the reason) when the corpora are not installed. */
export function realDemoComments(corporaDir: string): { comments: DemoComment[]; missing: string | null } {
  const file = path.join(corporaDir, REAL_COMMENTS_FILE);
  if (!existsSync(file)) return { comments: [], missing: file };
  const rows = readRealComments(corporaDir).filter(usable);
  const chosen = (['pl', 'en'] as const).flatMap((lang) =>
    rows
      .filter((r) => r.lang === lang)
      .sort((a, b) => stableHash(a.text) - stableHash(b.text))
      .slice(0, REAL_PER_LANG),
  );
  return { comments: chosen.map(asDemoComment), missing: null };
}

const usable = (row: RealComment): boolean =>
  GENERIC_TOPICS.has(row.topic) && row.text.length <= MAX_CHARS && REUSABLE_SOURCES.some((source) => row.source.startsWith(source));

function asDemoComment(row: RealComment): DemoComment {
  const hash = stableHash(row.text);
  const skus = Object.values(DEMO_PRODUCTS);
  const sku = skus[hash % skus.length]!;
  const posts = DEMO_MEDIA.filter((m) => m.skus.includes(sku));
  const media = posts[(hash >>> 8) % posts.length]!;
  return {
    platform: DEMO_CREATORS.find((c) => c.handle === media.creator)!.platform,
    externalId: `demo-r-${hash.toString(16).padStart(8, '0')}`,
    text: row.text,
    author: row.lang === 'pl' ? `klient_${hash % 997}` : `customer_${hash % 997}`,
    sku,
    media: media.key,
    daysAgo: (hash >>> 16) % (DEMO_WEEKS * 7),
  };
}
