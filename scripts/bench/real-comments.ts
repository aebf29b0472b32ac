import { f1, macroF1, type Scored } from '../../core/nlp/evaluation/classification-metrics';
import type { RealCommentsEvaluation, RealPrediction } from '../../core/nlp/evaluation/real-comments';
import { COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';
import type { Figure } from './nlp-figure';

/** The three sentiment classes the target is set on; see sentimentScored for "mixed". */
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/**
 * bench:nlp's figures on the real labelled comments (issue 12's targets), for the models that
 * never saw the file and for k-fold CV with it in training.
 */
export function realCommentFigures(evaluation: RealCommentsEvaluation, folds: number): Figure[] {
  const leaks = `${evaluation.leakingRows} corpus rows holding a real comment's text (or, for Allegro/PolEmo reviews, one of its sentences) left out of training`;
  return [
    ...figuresFor(evaluation.neverSeen, 'never seen', `trained without the file; ${leaks}`),
    ...figuresFor(evaluation.crossValidated, `${folds}-fold CV`, `${folds}-fold CV by text, the file's other folds in training at seed weight; ${leaks}`),
  ];
}

function figuresFor(predictions: readonly RealPrediction[], tag: string, how: string): Figure[] {
  const topic = topicScored(predictions);
  const questions = predictions.filter((p) => p.row.is_question);
  const statements = predictions.filter((p) => !p.row.is_question);
  const question = (rows: readonly RealPrediction[]): Scored[] =>
    rows.map((p) => ({ truth: Number(p.row.is_question), predicted: Number(p.questionWithoutMarks.isQuestion) }));
  const questionCounts = (rows: readonly RealPrediction[]): string =>
    `${rows.filter((p) => p.row.is_question).length} questions, ${rows.filter((p) => !p.row.is_question).length} others, every "?" and final mark removed`;
  const sentiment = sentimentScored(predictions);
  const mixed = predictions.length - sentiment.length;
  const polish = predictions.filter((p) => p.row.lang === 'pl');
  const english = predictions.filter((p) => p.row.lang === 'en');
  return [
    {
      name: `real topic macro-F1 (${tag})`,
      value: macroF1(topic),
      unit: 'F1',
      target: { value: 0.6 },
      reference: 'annotators 0.77',
      how: `${predictions.length} real comments and review sentences, 10 topics; ${how}`,
    },
    {
      name: '  of which questions',
      value: macroF1(topicScored(questions)),
      unit: 'F1',
      target: { value: 0.6 },
      how: `${questions.length} rows labelled is_question (macro over the topics they have)`,
    },
    {
      name: '  of which statements',
      value: macroF1(topicScored(statements)),
      unit: 'F1',
      target: { value: 0.6 },
      how: `${statements.length} rows not questions: review sentences, comments (macro over the topics they have)`,
    },
    ...COMMENT_TOPICS.map((t, c): Figure => ({
      name: `  topic F1 ${t}`,
      value: f1(topic, c),
      unit: 'F1',
      how: `${topic.filter((s) => s.truth === c).length} rows labelled ${t}, ${topic.filter((s) => s.predicted === c).length} predicted`,
    })),
    {
      name: `real question F1 without "?" (${tag})`,
      value: f1(question(predictions), 1),
      unit: 'F1',
      target: { value: 0.92 },
      reference: 'annotators 0.99',
      how: `${questionCounts(predictions)}; ${how}`,
    },
    { name: '  of which Polish', value: f1(question(polish), 1), unit: 'F1', target: { value: 0.9 }, how: questionCounts(polish) },
    { name: '  of which English', value: f1(question(english), 1), unit: 'F1', how: questionCounts(english) },
    {
      name: `real sentiment macro-F1 (${tag})`,
      value: macroF1(sentiment),
      unit: 'F1',
      target: { value: 0.8 },
      reference: 'annotators 0.94',
      how: `${sentiment.length} rows, negative/neutral/positive (the most probable of the three); ${mixed} rows labelled mixed not scored; ${how}`,
    },
    {
      name: `real substantive F1 (${tag})`,
      value: f1(
        binary(
          predictions,
          (p) => p.row.substantive,
          (p) => p.classification.substantive,
        ),
        1,
      ),
      unit: 'F1',
      reference: 'annotators 0.98',
      how: `${predictions.filter((p) => p.row.substantive).length} substantive of ${predictions.length}; ${how}`,
    },
    {
      name: `real spam F1 (${tag})`,
      value: f1(
        binary(
          predictions,
          (p) => p.row.spam,
          (p) => p.classification.spam,
        ),
        1,
      ),
      unit: 'F1',
      how: `only ${predictions.filter((p) => p.row.spam).length} spam rows of ${predictions.length}: a rough figure; ${how}`,
    },
  ];
}

function topicScored(predictions: readonly RealPrediction[]): Scored[] {
  return predictions.map((p) => ({ truth: COMMENT_TOPICS.indexOf(p.row.topic), predicted: COMMENT_TOPICS.indexOf(p.classification.topic) }));
}

/**
 * The target is on three classes: rows labelled "mixed" (3 % of the file) are not scored, and
 * the prediction is the most probable of negative, neutral and positive, so the Polish head's
 * "mixed" never counts as a fourth answer.
 */
function sentimentScored(predictions: readonly RealPrediction[]): Scored[] {
  return predictions
    .filter((p) => p.row.sentiment !== 'mixed')
    .map((p) => {
      const scores = p.classification.sentimentScores;
      const predicted = SENTIMENTS.reduce((best, s) => (scores[s] > scores[best] ? s : best), SENTIMENTS[0] as (typeof SENTIMENTS)[number]);
      return { truth: SENTIMENTS.indexOf(p.row.sentiment as (typeof SENTIMENTS)[number]), predicted: SENTIMENTS.indexOf(predicted) };
    });
}

function binary(predictions: readonly RealPrediction[], truth: (p: RealPrediction) => boolean, predicted: (p: RealPrediction) => boolean): Scored[] {
  return predictions.map((p) => ({ truth: Number(truth(p)), predicted: Number(predicted(p)) }));
}
