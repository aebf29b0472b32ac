/**
 * The labels the NLP models give comments, in their fixed order (the order of the models'
 * outputs), spelled out once: the database enums (core/db/schema/comment-labels.ts), the models
 * and the dashboard read these, and the classify command starts without loading the ORM.
 */
export const COMMENT_TOPICS = ['shipping', 'price', 'size_fit', 'material', 'availability', 'usage', 'quality', 'returns', 'compatibility', 'other'] as const;
export const COMMENT_SENTIMENTS = ['negative', 'neutral', 'positive', 'mixed'] as const;

export type CommentTopic = (typeof COMMENT_TOPICS)[number];
export type CommentSentiment = (typeof COMMENT_SENTIMENTS)[number];
