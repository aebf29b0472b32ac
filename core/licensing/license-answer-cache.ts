import type { Db } from '../db';
import type { UrlLicense } from '../storage';
import { licenseStillAllows } from './license-queries';

/** A few seconds at most: see cacheLicenseAnswers. */
export const LICENSE_ANSWER_TTL_MS = 2_000;
/** About a megabyte of answers, far more licensed files than are fetched within one TTL. */
const MAX_LICENSE_ANSWERS = 10_000;

export type LicenseQuestion = (license: UrlLicense, at: Date) => Promise<boolean>;

export interface LicenseAnswerCacheOptions {
  /** How long an answer is reused. */
  ttlMs: number;
  /** Answers are kept for this many (license, use) pairs at most; the oldest go first. */
  maxEntries: number;
  /** Moves whenever this process changes something licenses decide on: every answer given before is dropped. */
  changeCount: () => number;
}

interface Entry {
  answer: Promise<boolean>;
  until: number;
  changeCount: number;
}

/**
 * `ask`, with each answer reused for `ttlMs` (a few seconds at most). The file server asks on
 * every request for a licensed file, and a gallery page or a video player makes many: a page of
 * 20 images would cost 20 lookups (about 1 ms of PGlite's single thread each) per view, a video
 * one per range request. A change made in this process (a revoke, a PATCH) drops every answer at
 * once, so the embedded setup refuses at the very next request; `ttlMs` bounds how long a change
 * made through another API replica takes to show here. Time alone never needs the cache dropped:
 * a URL given under a license expires by that license's end anyway.
 */
export function cacheLicenseAnswers(ask: LicenseQuestion, opts: LicenseAnswerCacheOptions): LicenseQuestion {
  const entries = new Map<string, Entry>();
  return (license, at) => {
    const key = `${license.id}|${license.use}`;
    const now = at.getTime();
    const changeCount = opts.changeCount();
    const cached = entries.get(key);
    if (cached && cached.changeCount === changeCount && cached.until > now) return cached.answer;
    // The count is read before asking: an answer read across a change is stored under the old count, never reused.
    const entry: Entry = { answer: ask(license, at), until: now + opts.ttlMs, changeCount };
    entries.delete(key); // re-inserted last: Map order is age order
    entries.set(key, entry);
    if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
    entry.answer.catch(() => {
      if (entries.get(key) === entry) entries.delete(key); // a failed lookup is asked again next time
    });
    return entry.answer;
  };
}

/**
 * What the fs file server asks of every licensed URL (api/routes/media-files.ts): licenseStillAllows
 * over `db`, cached as above and dropped whenever `changeCount` moves (the API passes the signal
 * that drops its cached galleries, see dropGalleriesOnWrite: every change made through it).
 */
export function licenseCheckForFiles(db: Db, changeCount: () => number): LicenseQuestion {
  return cacheLicenseAnswers((license, at) => licenseStillAllows(db, license, at), {
    ttlMs: LICENSE_ANSWER_TTL_MS,
    maxEntries: MAX_LICENSE_ANSWERS,
    changeCount,
  });
}
