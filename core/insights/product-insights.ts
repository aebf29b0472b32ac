import { eq, sql } from 'drizzle-orm';
import { commentSentiment, comments, commentTopic, type CommentSentiment, type CommentTopic, type Db } from '../db';
import { listFaqEntries, type FaqView } from '../faq/faq-store';
import { latestCorrections } from '../comments/effective-labels';

export interface WeekInsights {
  /** The Monday (UTC) the week starts on, as YYYY-MM-DD. */
  weekStart: string;
  comments: number;
  questions: number;
  sentiment: Record<CommentSentiment, number>;
  topics: Record<CommentTopic, number>;
}

export interface ProductInsights {
  productSku: string;
  /** Every comment on the product, spam included; how many are spam, questions, not yet classified. */
  totals: { comments: number; spam: number; questions: number; unclassified: number };
  /** Comments that are not spam, by topic and by sentiment (every label present, 0 when none). */
  topics: Record<CommentTopic, number>;
  sentiment: Record<CommentSentiment, number>;
  /** The product's FAQ entries of every status, most asked first. */
  faq: FaqView[];
  /** The last `weeks` weeks, oldest first, ending with the current one; empty weeks included. */
  weekly: WeekInsights[];
}

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * What people say about a product, from its comments' effective labels (a person's correction
 * wins over the model): topics and sentiment without spam, the FAQ entries, and the same per
 * week, by when the comment was posted (or imported, when the export had no time).
 * Weeks are ISO weeks in UTC.
 */
export async function productInsights(db: Db, productSku: string, weeks: number, now = new Date()): Promise<ProductInsights> {
  const firstWeek = new Date(mondayOf(now).getTime() - (weeks - 1) * WEEK_MS);
  const [groups, faq] = await Promise.all([labelGroups(db, productSku, firstWeek), listFaqEntries(db, { productSku })]);
  const insights: ProductInsights = {
    productSku,
    totals: { comments: 0, spam: 0, questions: 0, unclassified: 0 },
    topics: zeros(commentTopic.enumValues),
    sentiment: zeros(commentSentiment.enumValues),
    faq,
    weekly: Array.from({ length: weeks }, (_, i) => emptyWeek(new Date(firstWeek.getTime() + i * WEEK_MS))),
  };
  const weekIndex = new Map(insights.weekly.map((w, i) => [w.weekStart, i]));
  for (const g of groups) {
    insights.totals.comments += g.n;
    if (g.spam) insights.totals.spam += g.n;
    if (g.unclassified) insights.totals.unclassified += g.n;
    if (g.spam) continue;
    if (g.isQuestion) insights.totals.questions += g.n;
    if (g.topic) insights.topics[g.topic] += g.n;
    if (g.sentiment) insights.sentiment[g.sentiment] += g.n;
    const week = g.week === null ? undefined : insights.weekly[weekIndex.get(g.week) ?? -1];
    if (!week) continue;
    week.comments += g.n;
    if (g.isQuestion) week.questions += g.n;
    if (g.topic) week.topics[g.topic] += g.n;
    if (g.sentiment) week.sentiment[g.sentiment] += g.n;
  }
  return insights;
}

/**
 * Comment counts by effective labels, and by week for the weeks asked (null week: earlier).
 * One grouped scan of the product's comments, so the answer costs the same whatever the size.
 */
async function labelGroups(db: Db, productSku: string, firstWeek: Date) {
  const fixes = latestCorrections(db);
  const at = sql`coalesce(${comments.postedAt}, ${comments.importedAt})`;
  const week = sql<
    string | null
  >`case when ${at} >= ${firstWeek.toISOString()}::timestamptz then to_char(date_trunc('week', ${at} at time zone 'UTC'), 'YYYY-MM-DD') end`;
  const topic = sql<CommentTopic | null>`coalesce(${fixes.topic}, ${comments.topic})`;
  const sentiment = sql<CommentSentiment | null>`coalesce(${fixes.sentiment}, ${comments.sentiment})`;
  const isQuestion = sql<boolean>`coalesce(${fixes.isQuestion}, ${comments.isQuestion}, false)`;
  const spam = sql<boolean>`coalesce(${fixes.spam}, ${comments.spam}, false)`;
  const unclassified = sql<boolean>`${comments.classifiedAt} is null`;
  return (
    db
      .select({ week, topic, sentiment, isQuestion, spam, unclassified, n: sql<number>`count(*)::int` })
      .from(comments)
      .leftJoin(fixes, eq(fixes.commentId, comments.id))
      .where(eq(comments.productSku, productSku))
      // By position: the week expression carries a parameter, and PostgreSQL does not see two
      // copies with separately bound parameters as the same expression.
      .groupBy(sql`1, 2, 3, 4, 5, 6`)
  );
}

/** Monday 00:00 UTC of the ISO week `at` falls in. */
export function mondayOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 24 * 3600_000);
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const emptyWeek = (monday: Date): WeekInsights => ({
  weekStart: monday.toISOString().slice(0, 10),
  comments: 0,
  questions: 0,
  sentiment: zeros(commentSentiment.enumValues),
  topics: zeros(commentTopic.enumValues),
});
