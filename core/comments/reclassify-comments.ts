import { asc, gt } from 'drizzle-orm';
import { comments, type Db } from '../db';
import type { CommentClassification, CommentClassifier } from '../nlp/comment-classification';
import { classifyInSlices } from './classify-in-slices';
import { CLASSIFY_BATCH } from './classification-jobs';
import { storeClassifications } from './comment-store';

/** The model's labels a person sees and filters on; a changed score alone is not a changed label. */
const LABELS = ['lang', 'topic', 'sentiment', 'isQuestion', 'spam', 'substantive'] as const;

export interface ReclassifyBatch {
  /** Comments of this batch whose model labels changed (the FAQ has to follow them). */
  changedIds: string[];
  done: number;
  total: number;
}

export interface ReclassifyOutcome {
  comments: number;
  /** Stored comments with at least one model label different from before. */
  changed: number;
  /** Per label, how many comments it changed on. */
  changedByLabel: Record<(typeof LABELS)[number], number>;
  modelVersion: string;
}

/**
 * Classifies every stored comment again with `classifier` (after a retrain) and writes the model's
 * labels and version on each. People's corrections are rows of their own (comment_corrections),
 * so they are untouched and still win over the new labels. Walks the table by id, CLASSIFY_BATCH
 * at a time, and tells `onBatch` after each so the caller can move the FAQ and the progress bar.
 */
export async function reclassifyStoredComments(
  db: Db,
  classifier: CommentClassifier,
  onBatch: (batch: ReclassifyBatch) => unknown = () => undefined,
): Promise<ReclassifyOutcome> {
  const total = await db.$count(comments);
  const changedByLabel = Object.fromEntries(LABELS.map((l) => [l, 0])) as ReclassifyOutcome['changedByLabel'];
  let done = 0;
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await nextBatch(db, after);
    if (rows.length === 0) break;
    const results = await classifyInSlices(classifier, rows);
    await storeClassifications(db, results);
    const changedIds = results.filter(({ labels }, i) => countChanges(rows[i]!, labels, changedByLabel)).map((r) => r.id);
    changed += changedIds.length;
    done += rows.length;
    after = rows.at(-1)!.id;
    await onBatch({ changedIds, done, total: Math.max(total, done) });
  }
  return { comments: done, changed, changedByLabel, modelVersion: classifier.modelVersion };
}

type StoredLabels = { id: string; text: string } & { [L in (typeof LABELS)[number]]: unknown };

async function nextBatch(db: Db, after: string | null): Promise<StoredLabels[]> {
  return db
    .select({
      id: comments.id,
      text: comments.text,
      lang: comments.lang,
      topic: comments.topic,
      sentiment: comments.sentiment,
      isQuestion: comments.isQuestion,
      spam: comments.spam,
      substantive: comments.substantive,
    })
    .from(comments)
    .where(after === null ? undefined : gt(comments.id, after))
    .orderBy(asc(comments.id))
    .limit(CLASSIFY_BATCH);
}

/** Counts each label that differs into `tally`; true when any did. */
function countChanges(before: StoredLabels, after: CommentClassification, tally: ReclassifyOutcome['changedByLabel']): boolean {
  const differing = LABELS.filter((label) => before[label] !== after[label]);
  for (const label of differing) tally[label] += 1;
  return differing.length > 0;
}
