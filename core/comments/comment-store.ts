import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { comments, type Comment, type CommentSentiment, type CommentTopic, type Db } from '../db';
import type { CommentClassification } from '../nlp/comment-classification';
import { micros, olderThan, toPage } from '../paging/newest-first';
import type { Page } from '../contract/page';
import type { PageCursor } from '../paging/page-cursor';
import { commentView, type CommentView } from './comment-view';
import { latestCorrections, type LatestCorrection } from './effective-labels';

export interface CommentFilter {
  productSku?: string;
  assetId?: string;
  topic?: CommentTopic;
  sentiment?: CommentSentiment;
  isQuestion?: boolean;
  spam?: boolean;
}

/** One comment with its effective labels, or null. */
export async function findComment(db: Db, id: string): Promise<CommentView | null> {
  const fixes = latestCorrections(db);
  const [row] = await db
    .select({ comment: comments, ...fixedColumns(fixes) })
    .from(comments)
    .leftJoin(fixes, eq(fixes.commentId, comments.id))
    .where(eq(comments.id, id));
  return row ? commentView(row.comment, fixOf(row)) : null;
}

/** Comments newest first (by import), filtered on their effective labels, a page at a time. */
export async function listComments(db: Db, filter: CommentFilter, limit: number, after?: PageCursor): Promise<Page<CommentView>> {
  const fixes = latestCorrections(db);
  const effective = (fixed: SQL.Aliased, own: PgColumn): SQL => sql`coalesce(${fixed}, ${own})`;
  const rows = await db
    .select({ comment: comments, ...fixedColumns(fixes), importedUs: micros(comments.importedAt) })
    .from(comments)
    .leftJoin(fixes, eq(fixes.commentId, comments.id))
    .where(
      and(
        filter.productSku === undefined ? undefined : eq(comments.productSku, filter.productSku),
        filter.assetId === undefined ? undefined : eq(comments.assetId, filter.assetId),
        filter.topic === undefined ? undefined : sql`${effective(fixes.topic, comments.topic)} = ${filter.topic}`,
        filter.sentiment === undefined ? undefined : sql`${effective(fixes.sentiment, comments.sentiment)} = ${filter.sentiment}`,
        filter.isQuestion === undefined ? undefined : sql`${effective(fixes.isQuestion, comments.isQuestion)} = ${filter.isQuestion}`,
        filter.spam === undefined ? undefined : sql`${effective(fixes.spam, comments.spam)} = ${filter.spam}`,
        after ? olderThan(comments.importedAt, comments.id, after) : undefined,
      ),
    )
    .orderBy(desc(comments.importedAt), desc(comments.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAtUs: r.importedUs, id: r.comment.id }),
    (r) => commentView(r.comment, fixOf(r)),
  );
}

/** The correction subquery's columns, selected beside a comment (a whole subquery cannot be selected as one field). */
const fixedColumns = (fixes: ReturnType<typeof latestCorrections>) => ({
  corrected: fixes.commentId,
  fixedTopic: fixes.topic,
  fixedSentiment: fixes.sentiment,
  fixedIsQuestion: fixes.isQuestion,
  fixedSpam: fixes.spam,
});

type FixedColumns = {
  corrected: string | null;
  fixedTopic: CommentTopic | null;
  fixedSentiment: CommentSentiment | null;
  fixedIsQuestion: boolean | null;
  fixedSpam: boolean | null;
};

const fixOf = (r: FixedColumns): LatestCorrection | null =>
  r.corrected === null ? null : { topic: r.fixedTopic, sentiment: r.fixedSentiment, isQuestion: r.fixedIsQuestion, spam: r.fixedSpam };

/** The texts to classify, in the order asked. */
export async function commentTexts(db: Db, ids: readonly string[]): Promise<Array<Pick<Comment, 'id' | 'text'>>> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: comments.id, text: comments.text })
    .from(comments)
    .where(inArray(comments.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Writes the model's labels of many comments in one statement: the whole batch travels as one
 * JSON parameter, unpacked by jsonb_to_recordset, so a thousand comments cost one round trip
 * and one plan. Writing the same labels again changes nothing but `classifiedAt`.
 */
export async function storeClassifications(db: Db, results: ReadonlyArray<{ id: string; labels: CommentClassification }>): Promise<number> {
  if (results.length === 0) return 0;
  const rows = results.map(({ id, labels }) => ({ id, ...labels }));
  const updated = await db.execute<{ id: string }>(sql`
    update ${comments} as c set
      lang = v."lang", sentiment = v."sentiment", sentiment_scores = v."sentimentScores",
      is_question = v."isQuestion", question_score = v."questionScore",
      topic = v."topic", topic_scores = v."topicScores",
      spam = v."spam", spam_score = v."spamScore",
      substantive = v."substantive", substantive_score = v."substantiveScore",
      model_version = v."modelVersion", classified_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      "id" uuid, "lang" text, "sentiment" comment_sentiment, "sentimentScores" jsonb,
      "isQuestion" boolean, "questionScore" real, "topic" comment_topic, "topicScores" jsonb,
      "spam" boolean, "spamScore" real, "substantive" boolean, "substantiveScore" real, "modelVersion" text)
    where c.id = v."id"
    returning c.id`);
  return updated.rows.length;
}
