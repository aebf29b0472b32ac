import type { CommentLang } from '../comment-classification';
import { HEADS, type HeadName } from '../comment-heads';
import { finalise, hashString } from '../feature-hashing';
import { predictInto, type LinearModel } from '../linear-model';
import { quantised } from '../model-artifact';
import { PolishSentiment, type PolishSentimentModels } from '../review-sentiment';
import { trainPolishSentiment } from '../training/polish-sentiment-training';
import { textKey } from '../training/text-sampling';
import { headFeatures, trainHead } from '../training/train-head';
import type { TrainingExample } from '../training/training-example';

export interface Prediction {
  example: TrainingExample;
  classes: readonly string[];
  /** Index of the true class. */
  truth: number;
  probabilities: Float64Array;
}

export interface CrossValidation {
  head: HeadName;
  examples: readonly TrainingExample[];
  /** Rows the figure is about; every other row only ever trains. */
  isEvaluated: (example: TrainingExample) => boolean;
  folds: number;
  seed: number;
  /** What the model is shown at test time (e.g. the text without its "?"). */
  testText?: (example: TrainingExample) => string;
  /** Score the float weights instead of the int8 ones that ship. */
  unquantised?: boolean;
  /** Stop after this many folds (a quicker, rougher figure). */
  maxFolds?: number;
}

/** A trained model as a function: the probabilities of the head's classes for a text. */
export type TextScorer = (text: string, example: TrainingExample) => Float64Array;

/** Cross-validates one head (trained by trainHead). */
export function crossValidate(cv: CrossValidation): Prediction[] {
  return crossValidateWith(cv, (train) => headScorer(cv.head, trainHead(cv.head, train, cv.seed), cv.unquantised));
}

/** Cross-validates Polish sentiment as the classifier computes it: whole-text head, review heads and stacker. */
export function crossValidatePolishSentiment(cv: Omit<CrossValidation, 'head'>): Prediction[] {
  return crossValidateWith({ ...cv, head: 'sentimentPl' }, (train) => polishSentimentScorer(trainPolishSentiment(train, cv.seed).models, cv.unquantised));
}

/**
 * k-fold cross-validation that never scores a model on a text it trained on: folds are
 * assigned by the text itself (lower-cased, without "?" and spacing), so duplicates and
 * near-duplicates across sources land in the same fold, and every row sharing a test text is
 * kept out of that fold's training.
 */
export function crossValidateWith(cv: CrossValidation, train: (examples: TrainingExample[]) => TextScorer): Prediction[] {
  const keys = cv.examples.map((e) => textKey(e.text));
  const folds = keys.map((key) => finalise(hashString(key, cv.seed)) % cv.folds);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < Math.min(cv.folds, cv.maxFolds ?? cv.folds); fold++) {
    const testKeys = new Set(keys.filter((key, i) => folds[i] === fold && cv.isEvaluated(cv.examples[i] as TrainingExample)));
    const scorer = train(cv.examples.filter((_, i) => !(folds[i] === fold && testKeys.has(keys[i] as string))));
    const test = cv.examples.filter((e, i) => folds[i] === fold && cv.isEvaluated(e));
    predictions.push(...predictAll(cv.head, scorer, test, cv.testText));
  }
  return predictions;
}

/** Train on one set, score another (for a corpus that is only ever a test set). */
export function holdOut(head: HeadName, train: readonly TrainingExample[], test: readonly TrainingExample[], seed: number, unquantised = false): Prediction[] {
  const testKeys = new Set(test.map((e) => textKey(e.text)));
  const model = trainHead(
    head,
    train.filter((e) => !testKeys.has(textKey(e.text))),
    seed,
  );
  return predictAll(head, headScorer(head, model, unquantised), test);
}

function headScorer(head: HeadName, trained: LinearModel, unquantised = false): TextScorer {
  const model = unquantised ? trained : quantised(trained);
  return (text, example) => predictInto(model, headFeatures(head, text, example.lang as CommentLang | undefined), new Float64Array(model.classes.length));
}

function polishSentimentScorer(trained: PolishSentimentModels, unquantised = false): TextScorer {
  const heads = {
    sentimentPl: trained.sentimentPl,
    sentimentPlSentence: trained.sentimentPlSentence,
    sentimentPlOpening: trained.sentimentPlOpening,
    sentimentPlClosing: trained.sentimentPlClosing,
  };
  const shipped = unquantised ? heads : (Object.fromEntries(Object.entries(heads).map(([name, model]) => [name, quantised(model)])) as typeof heads);
  const sentiment = new PolishSentiment({ ...shipped, reviewStacker: trained.reviewStacker });
  return (text, example) =>
    sentiment.predictInto(
      text,
      headFeatures('sentimentPl', text, example.lang as CommentLang | undefined),
      new Float64Array(trained.sentimentPl.classes.length),
    );
}

function predictAll(head: HeadName, score: TextScorer, test: readonly TrainingExample[], testText = (e: TrainingExample) => e.text): Prediction[] {
  const classes = HEADS[head].classes;
  return test.map((example) => ({ example, classes, truth: classes.indexOf(example.label), probabilities: score(testText(example), example).slice() }));
}
