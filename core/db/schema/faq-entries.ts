import { index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { FAQ_STATUSES } from '../../vocabulary/faq-status';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { commentTopic } from './comment-labels';

export const faqStatus = pgEnum('faq_status', FAQ_STATUSES);

export interface FaqExample {
  commentId: string;
  text: string;
}

/**
 * A cluster of similar questions about one product and topic. `centroid` holds the cluster's
 * term weights so new comments can join it without re-clustering everything.
 */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: id(),
    productSku: text('product_sku').notNull(),
    topic: commentTopic('topic').notNull(),
    /** The questions' language (pl, en, other): clustering never mixes languages. Null only on entries older than this rule. */
    lang: text('lang'),
    /** The canonical question, editable by a content manager. */
    question: text('question').notNull(),
    answer: text('answer'),
    status: faqStatus('status').notNull().default('draft'),
    commentCount: integer('comment_count').notNull().default(0),
    examples: jsonb('examples').$type<FaqExample[]>().notNull().default([]),
    centroid: jsonb('centroid').$type<Record<string, number>>().notNull().default({}),
    publishedAt: timestamptz('published_at'),
    /** Set when a content manager dismissed the entry from the review queue (not worth an answer); new questions still join it. */
    dismissedAt: timestamptz('dismissed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('faq_entries_product_sku_status_idx').on(t.productSku, t.status)],
);

export type FaqStatus = (typeof faqStatus.enumValues)[number];
export type FaqEntry = typeof faqEntries.$inferSelect;
export type NewFaqEntry = typeof faqEntries.$inferInsert;
