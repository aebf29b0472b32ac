import { boolean, index, jsonb, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys';
import { assets } from './assets';
import { createdAt, id, timestamptz } from './columns';
import { commentSentiment, commentTopic, type CommentSentiment, type CommentTopic } from './comment-labels';
import { faqEntries } from './faq-entries';

/**
 * A comment imported from a platform export, with the model's labels (null until classified).
 * (platform, externalId) is unique, so re-importing never duplicates a comment.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    text: text('text').notNull(),
    author: text('author'),
    /** The comment's address on its platform, when the export gives one (a hashtag reply's evidence links to it). */
    permalink: text('permalink'),
    postedAt: timestamptz('posted_at'),
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'set null' }),
    productSku: text('product_sku'),
    lang: text('lang'),
    sentiment: commentSentiment('sentiment'),
    sentimentScores: jsonb('sentiment_scores').$type<Record<CommentSentiment, number>>(),
    isQuestion: boolean('is_question'),
    questionScore: real('question_score'),
    topic: commentTopic('topic'),
    topicScores: jsonb('topic_scores').$type<Record<CommentTopic, number>>(),
    spam: boolean('spam'),
    spamScore: real('spam_score'),
    substantive: boolean('substantive'),
    substantiveScore: real('substantive_score'),
    modelVersion: text('model_version'),
    classifiedAt: timestamptz('classified_at'),
    faqEntryId: uuid('faq_entry_id').references(() => faqEntries.id, { onDelete: 'set null' }),
    importedAt: timestamptz('imported_at').notNull().defaultNow(),
  },
  (t) => [
    unique('comments_platform_external_id_unique').on(t.platform, t.externalId),
    index('comments_product_sku_idx').on(t.productSku),
    index('comments_topic_idx').on(t.topic),
    index('comments_faq_entry_id_idx').on(t.faqEntryId),
  ],
);

/** A human's correction of a comment's labels, kept apart from model output: only what they set. */
export const commentCorrections = pgTable(
  'comment_corrections',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    topic: commentTopic('topic'),
    sentiment: commentSentiment('sentiment'),
    isQuestion: boolean('is_question'),
    spam: boolean('spam'),
    actorKeyId: uuid('actor_key_id').references(() => apiKeys.id),
    createdAt: createdAt(),
  },
  (t) => [index('comment_corrections_comment_id_idx').on(t.commentId, t.createdAt)],
);

export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type CommentCorrection = typeof commentCorrections.$inferSelect;
export type NewCommentCorrection = typeof commentCorrections.$inferInsert;
