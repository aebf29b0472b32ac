import { pgEnum } from 'drizzle-orm/pg-core';

/** The labels the NLP models give comments, shared by comments, corrections and FAQ entries. */
export const commentTopic = pgEnum('comment_topic', [
  'shipping',
  'price',
  'size_fit',
  'material',
  'availability',
  'usage',
  'quality',
  'returns',
  'compatibility',
  'other',
]);
export const commentSentiment = pgEnum('comment_sentiment', ['negative', 'neutral', 'positive', 'mixed']);

export type CommentTopic = (typeof commentTopic.enumValues)[number];
export type CommentSentiment = (typeof commentSentiment.enumValues)[number];
