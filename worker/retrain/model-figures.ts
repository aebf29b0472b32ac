import { existsSync } from 'node:fs';
import path from 'node:path';
import { classifyInSlices } from '../../core/comments/classify-in-slices';
import { f1, macroF1, type Scored } from '../../core/nlp/evaluation/classification-metrics';
import { readRealComments, REAL_COMMENTS_FILE, type RealComment } from '../../core/nlp/evaluation/real-comments';
import type { CommentClassification, CommentClassifier } from '../../core/nlp/comment-classification';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';

/**
 * How well a model set labels the real comments labelled for this project (LABELS.md): the same
 * figures for the old and the new models, so a retrain shows what it changed. Neither set trains
 * on that file, so it is a fair yardstick for both (corrections are not: the new set learnt them).
 */
export interface ModelFigures {
  modelVersion: string;
  /** Rows scored. */
  comments: number;
  questionF1: number;
  topicMacroF1: number;
  sentimentMacroF1: number;
  spamF1: number;
  substantiveF1: number;
}

/** The labelled real comments, or null where the corpora are not installed (then no figures, not a failure). */
export function yardstick(corporaDir: string): RealComment[] | null {
  return existsSync(path.join(corporaDir, REAL_COMMENTS_FILE)) ? readRealComments(corporaDir) : null;
}

export async function modelFigures(classifier: CommentClassifier, rows: readonly RealComment[]): Promise<ModelFigures> {
  const predicted = (
    await classifyInSlices(
      classifier,
      rows.map((row, i) => ({ id: String(i), text: row.text })),
    )
  ).map((r) => r.labels);
  const scored = (truth: (row: RealComment) => number, guess: (c: CommentClassification) => number): Scored[] =>
    rows.map((row, i) => ({ truth: truth(row), predicted: guess(predicted[i]!) }));
  const yes = (b: boolean) => (b ? 1 : 0);
  return {
    modelVersion: classifier.modelVersion,
    comments: rows.length,
    questionF1: round(
      f1(
        scored(
          (r) => yes(r.is_question),
          (c) => yes(c.isQuestion),
        ),
        1,
      ),
    ),
    topicMacroF1: round(
      macroF1(
        scored(
          (r) => COMMENT_TOPICS.indexOf(r.topic),
          (c) => COMMENT_TOPICS.indexOf(c.topic),
        ),
      ),
    ),
    sentimentMacroF1: round(
      macroF1(
        scored(
          (r) => COMMENT_SENTIMENTS.indexOf(r.sentiment),
          (c) => COMMENT_SENTIMENTS.indexOf(c.sentiment),
        ),
      ),
    ),
    spamF1: round(
      f1(
        scored(
          (r) => yes(r.spam),
          (c) => yes(c.spam),
        ),
        1,
      ),
    ),
    substantiveF1: round(
      f1(
        scored(
          (r) => yes(r.substantive),
          (c) => yes(c.substantive),
        ),
        1,
      ),
    ),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
