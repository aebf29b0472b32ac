/**
 * The label sets in their fixed order (the order of the models' outputs), spelled out once: the
 * database enums (core/db/schema/comment-labels.ts) are made from these, and the classify
 * command starts without loading the ORM.
 */
export const COMMENT_TOPICS = ['shipping', 'price', 'size_fit', 'material', 'availability', 'usage', 'quality', 'returns', 'compatibility', 'other'] as const;
export const COMMENT_SENTIMENTS = ['negative', 'neutral', 'positive', 'mixed'] as const;
