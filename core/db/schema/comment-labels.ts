import { pgEnum } from 'drizzle-orm/pg-core';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../nlp/label-sets';

/** The labels the NLP models give comments, shared by comments, corrections and FAQ entries. */
export const commentTopic = pgEnum('comment_topic', COMMENT_TOPICS);
export const commentSentiment = pgEnum('comment_sentiment', COMMENT_SENTIMENTS);

export type CommentTopic = (typeof commentTopic.enumValues)[number];
export type CommentSentiment = (typeof commentSentiment.enumValues)[number];
