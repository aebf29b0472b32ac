import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommentSentiment, CommentTopic } from '../../vocabulary/comment-labels';
import type { CommentClassification } from '../comment-classification';
import { HashedCommentClassifier } from '../comment-classifier';
import { parseModels, serialiseModels } from '../model-artifact';
import { trainModelSet } from '../training/train-comment-models';
import { checkedLabels } from '../training/labelled-comment';
import type { SeedExample } from '../training/seed-examples';
import { textKey, withoutFinalMarks, withoutQuestionMarks } from '../training/text-sampling';
import { parseJsonLines, type CorpusName } from '../training/training-corpora';
import type { TrainingData } from '../training/training-data';
import { finalise, hashString } from '../feature-hashing';

/** The real comments labelled for this project (../shared/data/nlp/LABELS.md): the figure that decides. */
export const REAL_COMMENTS_FILE = 'comments-real-labelled.jsonl';

export interface RealComment {
  text: string;
  lang: 'pl' | 'en';
  source: string;
  is_question: boolean;
  topic: CommentTopic;
  sentiment: CommentSentiment;
  substantive: boolean;
  spam: boolean;
}

/** One real comment and what a model that never trained on it said (the question head saw it without "?"). */
export interface RealPrediction {
  row: RealComment;
  /** Fold it was scored in (0 for the models trained without the file). */
  fold: number;
  classification: CommentClassification;
  /** The question head's answer on the text with every "?" and its final mark removed. */
  questionWithoutMarks: CommentClassification;
}

export interface RealCommentsEvaluation {
  /** Models trained without the file (and without the corpus rows it was cut from). */
  neverSeen: RealPrediction[];
  /** k-fold CV by text: the file's other folds trained too, as seed-weight examples. */
  crossValidated: RealPrediction[];
  /** Corpus rows left out of every training here because they hold a real comment's text. */
  leakingRows: number;
}

export interface RealCommentsOptions {
  /** The corpora as opened for training (rowsPerCorpus already applied, if any). */
  data: TrainingData;
  dataDir: string;
  folds: number;
  seed: number;
  /** Score the float weights instead of the int8 ones that ship. */
  unquantised?: boolean;
  /** Stop after this many folds (quicker, rougher). */
  maxFolds?: number;
  log?: (line: string) => void;
}

/**
 * Scores every head on the real labelled comments twice: with models that never saw the file,
 * and under k-fold CV by text with the file's other folds in training. Either way no model is
 * scored on a text it trained on: every corpus row whose text is a real comment, or (for the
 * Allegro and PolEmo reviews the review sentences were cut from) contains one, is removed from
 * training first, for both figures. One full training, then one a fold.
 */
export function evaluateRealComments(options: RealCommentsOptions): RealCommentsEvaluation {
  const log = options.log ?? (() => undefined);
  const rows = readRealComments(options.dataDir);
  const { data, leakingRows } = withoutLeaks(options.data, rows);
  log(`real comments: ${rows.length} rows; ${leakingRows} corpus rows hold one of them and are left out of training`);
  const neverSeen = predictAll(train(data, options, 'never seen'), rows, 0);
  const keys = rows.map((r) => textKey(r.text));
  const foldOf = keys.map((key) => finalise(hashString(key, options.seed)) % options.folds);
  const crossValidated: RealPrediction[] = [];
  for (let fold = 0; fold < Math.min(options.folds, options.maxFolds ?? options.folds); fold++) {
    const trainRows = rows.filter((_, i) => foldOf[i] !== fold);
    const withFile: TrainingData = { ...data, seeds: [...data.seeds, ...trainRows.map(asSeed)] };
    const classifier = train(withFile, options, `fold ${fold + 1}/${options.folds}`);
    crossValidated.push(
      ...predictAll(
        classifier,
        rows.filter((_, i) => foldOf[i] === fold),
        fold,
      ),
    );
  }
  return { neverSeen, crossValidated, leakingRows };
}

export function readRealComments(dataDir: string): RealComment[] {
  const file = path.join(dataDir, REAL_COMMENTS_FILE);
  if (!existsSync(file)) throw new Error(`The real labelled comments are not at ${file} (see ../shared/data/nlp/README.md)`);
  const rows = parseJsonLines<RealComment>(readFileSync(file, 'utf8'), file);
  rows.forEach((row, i) =>
    checkedLabels(
      { text: row.text, lang: row.lang, topic: row.topic, sentiment: row.sentiment, isQuestion: row.is_question, spam: row.spam, substantive: row.substantive },
      `${file} row ${i + 1}`,
    ),
  );
  return rows;
}

/** The corpora whose rows are whole reviews: the real file's review sentences were cut from them. */
const REVIEW_CORPORA: ReadonlySet<CorpusName> = new Set(['allegro', 'polemo']);

/**
 * The training data without any row that would leak a real comment: a corpus row or seed with
 * the same text (by textKey: case, spacing and "?" do not count), and a whole review that
 * contains a real review sentence. Checked against the data: every row of the file is found
 * this way, 1:1 for comments and questions, and the ~440 review sentences in ~465 reviews of
 * 15,360 (a sentence such as "Zgodna z opisem." sits in several; all of them go).
 */
export function withoutLeaks(data: TrainingData, rows: readonly RealComment[]): { data: TrainingData; leakingRows: number } {
  const keys = new Set(rows.map((r) => textKey(r.text)));
  const sentences = rows.filter((r) => /sentence/i.test(r.source)).map((r) => textKey(r.text));
  const cache = new Map<CorpusName, ReturnType<TrainingData['corpus']>>();
  let leakingRows = 0;
  const leaks = (name: CorpusName, text: string): boolean => {
    const key = textKey(text);
    return keys.has(key) || (REVIEW_CORPORA.has(name) && sentences.some((s) => key.includes(s)));
  };
  const corpus = (name: CorpusName): ReturnType<TrainingData['corpus']> => {
    let kept = cache.get(name);
    if (!kept) {
      const all = data.corpus(name);
      kept = all.filter((row) => !leaks(name, row.text));
      leakingRows += all.length - kept.length;
      cache.set(name, kept);
    }
    return kept;
  };
  // Read every corpus now, so leakingRows is complete before anything trains.
  for (const name of [
    'polemo',
    'allegro',
    'plTweets',
    'sst2',
    'tweetEval',
    'semEval',
    'goEmotions',
    'senTube',
    'youtubeSpam',
    'bitext',
    'semiPqa',
  ] as CorpusName[])
    corpus(name);
  const seeds = data.seeds.filter((s) => !keys.has(textKey(s.text)));
  return { data: { corpus, seeds, corrections: data.corrections }, leakingRows: leakingRows + data.seeds.length - seeds.length };
}

/**
 * A real row as a seed: it trains every head at seed weight. English "mixed" is left out of
 * sentiment (the English head has no corpus with that class; one label per rare class would
 * only add noise), Polish keeps it (PolEmo has it).
 */
function asSeed(row: RealComment): SeedExample {
  return {
    text: row.text,
    lang: row.lang,
    topic: row.topic,
    sentiment: row.sentiment === 'mixed' && row.lang === 'en' ? undefined : row.sentiment,
    isQuestion: row.is_question,
    spam: row.spam,
    substantive: row.substantive,
    set: 'real-comments',
  };
}

/** Trains every head and returns the classifier as it ships (int8 weights, through the artifact). */
function train(data: TrainingData, options: RealCommentsOptions, label: string): HashedCommentClassifier {
  const started = Date.now();
  const { models } = trainModelSet(data, options.seed);
  const shipped = options.unquantised ? models : parseModels(serialiseModels(models));
  options.log?.(`real comments: trained (${label}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return new HashedCommentClassifier(shipped, `bench-${label}`);
}

function predictAll(classifier: HashedCommentClassifier, rows: readonly RealComment[], fold: number): RealPrediction[] {
  return rows.map((row) => ({
    row,
    fold,
    classification: classifier.classify({ text: row.text, lang: row.lang }),
    questionWithoutMarks: classifier.classify({ text: withoutFinalMarks(withoutQuestionMarks(row.text)), lang: row.lang }),
  }));
}
