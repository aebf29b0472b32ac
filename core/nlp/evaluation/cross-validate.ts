import type { CommentLang } from '../comment-classification';
import { HEADS, type HeadName } from '../comment-heads';
import { finalise, hashString } from '../feature-hashing';
import { predictInto, type LinearModel } from '../linear-model';
import { quantised } from '../model-artifact';
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

/**
 * k-fold cross-validation that never scores a model on a text it trained on: folds are
 * assigned by the text itself (lower-cased, without "?" and spacing), so duplicates and
 * near-duplicates across sources land in the same fold, and every row sharing a test text is
 * kept out of that fold's training.
 */
export function crossValidate(cv: CrossValidation): Prediction[] {
  const keys = cv.examples.map((e) => textKey(e.text));
  const folds = keys.map((key) => finalise(hashString(key, cv.seed)) % cv.folds);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < Math.min(cv.folds, cv.maxFolds ?? cv.folds); fold++) {
    const testKeys = new Set(keys.filter((key, i) => folds[i] === fold && cv.isEvaluated(cv.examples[i] as TrainingExample)));
    const train = cv.examples.filter((_, i) => !(folds[i] === fold && testKeys.has(keys[i] as string)));
    const test = cv.examples.filter((e, i) => folds[i] === fold && cv.isEvaluated(e));
    const model = trainHead(cv.head, train, cv.seed);
    predictions.push(...predictAll(cv.head, cv.unquantised ? model : quantised(model), test, cv.testText));
  }
  return predictions;
}

/** Train on one set, score another (for a corpus that is only ever a test set). */
export function holdOut(head: HeadName, train: readonly TrainingExample[], test: readonly TrainingExample[], seed: number, unquantised = false): Prediction[] {
  const testKeys = new Set(test.map((e) => textKey(e.text)));
  const model = trainHead(head, train.filter((e) => !testKeys.has(textKey(e.text))), seed);
  return predictAll(head, unquantised ? model : quantised(model), test);
}

function predictAll(head: HeadName, model: LinearModel, test: readonly TrainingExample[], testText = (e: TrainingExample) => e.text): Prediction[] {
  return test.map((example) => {
    const features = headFeatures(head, testText(example), example.lang as CommentLang | undefined);
    return { example, classes: model.classes, truth: HEADS[head].classes.indexOf(example.label), probabilities: predictInto(model, features, new Float64Array(model.classes.length)).slice() };
  });
}

export const textKey = (text: string): string => text.toLowerCase().replace(/[?？\s]+/gu, ' ').trim();
