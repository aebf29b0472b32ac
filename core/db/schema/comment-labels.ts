import { pgEnum } from 'drizzle-orm/pg-core';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../vocabulary/comment-labels';

/** The labels the NLP models give comments, shared by comments, corrections and FAQ entries. */
export const commentTopic = pgEnum('comment_topic', COMMENT_TOPICS);
export const commentSentiment = pgEnum('comment_sentiment', COMMENT_SENTIMENTS);

export type { CommentSentiment, CommentTopic } from '../../vocabulary/comment-labels';
