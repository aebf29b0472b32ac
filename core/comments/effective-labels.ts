import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { commentCorrections, type CommentSentiment, type CommentTopic, type Db } from '../db';

/** The labels people can correct. */
export const CORRECTABLE = ['topic', 'sentiment', 'isQuestion', 'spam'] as const;
export type CorrectableLabel = (typeof CORRECTABLE)[number];

/** A comment's corrections folded into one: per label, the latest value a person set (null: never set). */
export interface LatestCorrection {
  topic: CommentTopic | null;
  sentiment: CommentSentiment | null;
  isQuestion: boolean | null;
  spam: boolean | null;
}

/** The latest non-null value of one correction column, per comment. */
const latest = <T>(column: PgColumn): SQL<T | null> =>
  sql<T | null>`(array_agg(${column} order by ${commentCorrections.createdAt} desc, ${commentCorrections.id} desc) filter (where ${column} is not null))[1]`;

/**
 * A subquery with one row per corrected comment: `commentId` and the latest correction of each
 * label. Corrections are rows of their own (what the model said stays in `comments`), so what a
 * comment effectively is = the latest correction of a label, else the model's label; join this
 * and `coalesce`. Corrections are few next to comments, so grouping them all is cheap.
 */
export function latestCorrections(db: Db) {
  return db
    .select({
      commentId: commentCorrections.commentId,
      topic: latest<CommentTopic>(commentCorrections.topic).as('fixed_topic'),
      sentiment: latest<CommentSentiment>(commentCorrections.sentiment).as('fixed_sentiment'),
      isQuestion: latest<boolean>(commentCorrections.isQuestion).as('fixed_is_question'),
      spam: latest<boolean>(commentCorrections.spam).as('fixed_spam'),
    })
    .from(commentCorrections)
    .groupBy(commentCorrections.commentId)
    .as('corrections');
}
