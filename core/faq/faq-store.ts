import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { latestCorrections } from '../comments/effective-labels';
import { comments, faqEntries, type CommentSentiment, type CommentTopic, type Db, type FaqEntry, type FaqExample, type FaqStatus } from '../db';

/** Comments asked in the last 7 days, and in the 7 before: whether a question is rising. */
export interface FaqTrend {
  thisWeek: number;
  lastWeek: number;
}

/** An FAQ entry as clients see it; `count` is how many comments asked it. */
export interface FaqView {
  id: string;
  productSku: string;
  topic: CommentTopic;
  lang: string | null;
  question: string;
  answer: string | null;
  status: FaqStatus;
  dismissed: boolean;
  count: number;
  examples: FaqExample[];
  publishedAt: string | null;
  dismissedAt: string | null;
  createdAt: string;
  updatedAt: string;
  trend?: FaqTrend;
}

export const faqView = (e: FaqEntry): FaqView => ({
  id: e.id,
  productSku: e.productSku,
  topic: e.topic,
  lang: e.lang,
  question: e.question,
  answer: e.answer,
  status: e.status,
  dismissed: e.dismissedAt !== null,
  count: e.commentCount,
  examples: e.examples,
  publishedAt: e.publishedAt?.toISOString() ?? null,
  dismissedAt: e.dismissedAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export interface FaqFilter {
  productSku?: string;
  topic?: CommentTopic;
  status?: FaqStatus;
  lang?: string;
  /** Words the question contains (case-insensitive). */
  q?: string;
  /** Entries with at least one comment of this (effective) sentiment. */
  sentiment?: CommentSentiment;
  /** Entries asked at least once in this period (by posting time, else import time). */
  since?: Date;
  until?: Date;
  /** Dismissed entries are left out unless asked for: `only` them, or `any`. */
  dismissed?: 'hide' | 'only' | 'any';
}

const askedAt = sql`coalesce(${comments.postedAt}, ${comments.importedAt})`;
const DAY_MS = 24 * 3600_000;

/** Entries, most asked first (then oldest), at most `limit`, each with its trend. */
export async function listFaqEntries(db: Db, filter: FaqFilter, limit = 200, now = new Date()): Promise<FaqView[]> {
  const rows = await db
    .select()
    .from(faqEntries)
    .where(and(...entryConditions(filter), commentCondition(db, filter)))
    .orderBy(desc(faqEntries.commentCount), asc(faqEntries.createdAt), asc(faqEntries.id))
    .limit(limit);
  const trends = await trendsOf(
    db,
    rows.map((r) => r.id),
    now,
  );
  return rows.map((r) => ({ ...faqView(r), trend: trends.get(r.id) ?? { thisWeek: 0, lastWeek: 0 } }));
}

function entryConditions(filter: FaqFilter): Array<SQL | undefined> {
  const dismissed = filter.dismissed ?? 'hide';
  return [
    filter.productSku === undefined ? undefined : eq(faqEntries.productSku, filter.productSku),
    filter.topic === undefined ? undefined : eq(faqEntries.topic, filter.topic),
    filter.status === undefined ? undefined : eq(faqEntries.status, filter.status),
    filter.lang === undefined ? undefined : eq(faqEntries.lang, filter.lang),
    // The pattern's own wildcards are escaped: a shopper's "100%" is text, not a pattern.
    filter.q === undefined ? undefined : ilike(faqEntries.question, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    dismissed === 'hide' ? isNull(faqEntries.dismissedAt) : dismissed === 'only' ? isNotNull(faqEntries.dismissedAt) : undefined,
  ];
}

/** Sentiment and period are properties of the comments behind an entry: one semi-join over them. */
function commentCondition(db: Db, filter: FaqFilter): SQL | undefined {
  if (!filter.sentiment && !filter.since && !filter.until) return undefined;
  const fixes = latestCorrections(db);
  const matching = db
    .select({ entry: comments.faqEntryId })
    .from(comments)
    .leftJoin(fixes, eq(fixes.commentId, comments.id))
    .where(
      and(
        isNotNull(comments.faqEntryId),
        filter.sentiment ? sql`coalesce(${fixes.sentiment}, ${comments.sentiment}) = ${filter.sentiment}` : undefined,
        filter.since ? gte(askedAt, filter.since) : undefined,
        filter.until ? lt(askedAt, filter.until) : undefined,
      ),
    );
  return inArray(faqEntries.id, matching);
}

async function trendsOf(db: Db, ids: string[], now: Date): Promise<Map<string, FaqTrend>> {
  if (ids.length === 0) return new Map();
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const twoWeeksAgo = new Date(now.getTime() - 14 * DAY_MS);
  const rows = await db
    .select({
      entry: comments.faqEntryId,
      thisWeek: sql<number>`count(*) filter (where ${askedAt} >= ${weekAgo.toISOString()}::timestamptz)::int`,
      lastWeek: sql<number>`count(*) filter (where ${askedAt} < ${weekAgo.toISOString()}::timestamptz)::int`,
    })
    .from(comments)
    .where(and(inArray(comments.faqEntryId, ids), gte(askedAt, twoWeeksAgo)))
    .groupBy(comments.faqEntryId);
  return new Map(rows.map((r) => [r.entry!, { thisWeek: r.thisWeek, lastWeek: r.lastWeek }]));
}

export async function findFaqEntry(db: Db, id: string): Promise<FaqView | null> {
  const [row] = await db.select().from(faqEntries).where(eq(faqEntries.id, id));
  return row ? faqView(row) : null;
}
