import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { commentCorrections, comments, type CommentSentiment, type CommentTopic, type Db } from '../db';
import { notFound, unprocessable } from '../errors/domain-error';
import { latestCorrections, type LatestCorrection } from './effective-labels';
import type { CorrectionExample as TrainingCorrection } from '../nlp/training/labelled-comment';

/** What a person may correct; absent fields are left as they are. */
export interface CorrectionInput {
  topic?: CommentTopic;
  sentiment?: CommentSentiment;
  isQuestion?: boolean;
  spam?: boolean;
}

/** The audit log's entity type for comments. */
export const COMMENT_ENTITY = 'comment';

/**
 * Records a person's correction as a row of its own, holding only the labels they set: the
 * model's output stays untouched in `comments` (a reclassification may overwrite it; it never
 * overwrites people), and retraining reads the corrections as examples. Audited like every
 * other change people make.
 */
export async function recordCorrection(db: Db, actorKeyId: string | null, commentId: string, input: CorrectionInput): Promise<void> {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as CorrectionInput;
  if (Object.keys(given).length === 0) throw unprocessable('empty_correction', 'Give at least one of topic, sentiment, isQuestion, spam');
  await db.transaction(async (tx) => {
    const [comment] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, commentId)).for('update');
    if (!comment) throw notFound('comment', commentId);
    const [row] = await tx
      .insert(commentCorrections)
      .values({ commentId, actorKeyId, ...given })
      .returning();
    await recordAudit(tx, {
      actorKeyId,
      action: 'comment.correct',
      entityType: COMMENT_ENTITY,
      entityId: commentId,
      before: null,
      after: { correctionId: row!.id, ...given },
    });
  });
}

/** A corrected comment as a training example: its text and what people said it is (latest per label). */
export interface CorrectionExample extends LatestCorrection {
  commentId: string;
  text: string;
  lang: string | null;
}

/**
 * Every corrected comment with the latest correction of each label, in text order: training
 * shuffles with a seed, so a stable input order keeps a retrain reproducible.
 */
export async function correctionExamples(db: Db): Promise<CorrectionExample[]> {
  const fixes = latestCorrections(db);
  return db
    .select({
      commentId: comments.id,
      text: comments.text,
      lang: comments.lang,
      topic: fixes.topic,
      sentiment: fixes.sentiment,
      isQuestion: fixes.isQuestion,
      spam: fixes.spam,
    })
    .from(fixes)
    .innerJoin(comments, eq(comments.id, fixes.commentId))
    .orderBy(asc(comments.text), asc(comments.id));
}

/** How many corrections exist (for reporting what a retrain folded in). */
export async function countCorrections(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(commentCorrections);
  return row?.n ?? 0;
}

/** A corrected comment as a training example: only the labels people set. */
export function asTrainingExample(example: CorrectionExample): TrainingCorrection {
  const out: TrainingCorrection = { text: example.text };
  if (example.lang === 'pl' || example.lang === 'en' || example.lang === 'other') out.lang = example.lang;
  if (example.topic !== null) out.topic = example.topic;
  if (example.sentiment !== null) out.sentiment = example.sentiment;
  if (example.isQuestion !== null) out.isQuestion = example.isQuestion;
  if (example.spam !== null) out.spam = example.spam;
  return out;
}
