import { and, asc, desc, eq } from 'drizzle-orm';
import { faqEntries, type CommentTopic, type Db, type FaqEntry, type FaqExample, type FaqStatus } from '../db';

/** An FAQ entry as clients see it; `count` is how many comments asked it. */
export interface FaqView {
  id: string;
  productSku: string;
  topic: CommentTopic;
  question: string;
  answer: string | null;
  status: FaqStatus;
  count: number;
  examples: FaqExample[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const faqView = (e: FaqEntry): FaqView => ({
  id: e.id,
  productSku: e.productSku,
  topic: e.topic,
  question: e.question,
  answer: e.answer,
  status: e.status,
  count: e.commentCount,
  examples: e.examples,
  publishedAt: e.publishedAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export interface FaqFilter {
  productSku?: string;
  topic?: CommentTopic;
  status?: FaqStatus;
}

/** Entries, most asked first (then oldest), at most `limit`. */
export async function listFaqEntries(db: Db, filter: FaqFilter, limit = 200): Promise<FaqView[]> {
  const rows = await db
    .select()
    .from(faqEntries)
    .where(
      and(
        filter.productSku === undefined ? undefined : eq(faqEntries.productSku, filter.productSku),
        filter.topic === undefined ? undefined : eq(faqEntries.topic, filter.topic),
        filter.status === undefined ? undefined : eq(faqEntries.status, filter.status),
      ),
    )
    .orderBy(desc(faqEntries.commentCount), asc(faqEntries.createdAt), asc(faqEntries.id))
    .limit(limit);
  return rows.map(faqView);
}

export async function findFaqEntry(db: Db, id: string): Promise<FaqView | null> {
  const [row] = await db.select().from(faqEntries).where(eq(faqEntries.id, id));
  return row ? faqView(row) : null;
}
