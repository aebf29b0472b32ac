import type { CommentLang } from '../comment-classification';
import { FeatureBuffer, addLanguageFeature, extractFeatures, type FeatureVector } from '../comment-features';
import { HEADS, type HeadName } from '../comment-heads';
import { languageByRule } from '../detect-language';
import type { LinearModel } from '../linear-model';
import { normaliseComment } from '../normalise-comment';
import { DEFAULT_TRAINING, trainLinearModel, type LabelledFeatures, type LinearTrainingOptions } from './train-linear-model';
import type { TrainingExample } from './training-example';

/** Per-head settings where they differ from the defaults (chosen by cross-validation in bench:nlp). */
const HEAD_TRAINING: Partial<Record<HeadName, Partial<LinearTrainingOptions>>> = {
  language: { epochs: 4 },
  // A review gives ~9 sentences: fewer passes over them do as well, in less time.
  sentimentPlSentence: { epochs: 4 },
  // Few rows a class (seeds): a smaller step and more shrinkage generalise better (seed CV 0.75 → 0.79 in Polish).
  topic: { learningRate: 0.5, l2: 1e-5 },
  spam: { classBalance: 1 },
  substantive: { classBalance: 1 },
};

export function trainHead(name: HeadName, examples: readonly TrainingExample[], seed: number): LinearModel {
  return trainHeadOn(name, featuriseExamples(name, examples), seed);
}

/** Trains a head on features already extracted (the Polish review heads reuse them across folds). */
export function trainHeadOn(name: HeadName, examples: readonly LabelledFeatures[], seed: number): LinearModel {
  const head = HEADS[name];
  return trainLinearModel(examples, head.classes, head.bits, { ...DEFAULT_TRAINING, ...HEAD_TRAINING[name], seed });
}

/**
 * Features for each example, with its language when the head sees it. A weight above 1 becomes
 * that many copies (sharing one feature vector): repeated rows are steadier under SGD than
 * one large step.
 */
export function featuriseExamples(name: HeadName, examples: readonly TrainingExample[]): LabelledFeatures[] {
  const out: LabelledFeatures[] = [];
  const buffer = new FeatureBuffer();
  for (const example of examples) {
    out.push(...weightedCopies(headFeatures(name, example.text, example.lang, buffer), labelIndex(name, example), example.weight));
  }
  return out;
}

export function labelIndex(name: HeadName, example: TrainingExample): number {
  const label = HEADS[name].classes.indexOf(example.label);
  if (label < 0) throw new Error(`${name}: unknown label ${example.label} (from ${example.source})`);
  return label;
}

/** A weight above 1 as that many copies of one feature vector (see featuriseExamples). */
export function weightedCopies(features: FeatureVector, label: number, weight: number): LabelledFeatures[] {
  const copies = weight > 1 ? Math.round(weight) : 1;
  return Array.from({ length: copies }, () => ({ features, label, weight: weight / copies }));
}

/** One text's features as `name` sees them (the classifier builds the same vector incrementally). */
export function headFeatures(name: HeadName, text: string, lang: CommentLang | undefined, buffer = new FeatureBuffer()): FeatureVector {
  const comment = normaliseComment(text);
  extractFeatures(comment, buffer);
  // "😍😍" is a Polish seed, but in use it is "other" (no letters): train it as it will be seen.
  const seenLang = languageByRule(comment) ?? lang;
  if (HEADS[name].seesLanguage && seenLang) addLanguageFeature(seenLang, buffer);
  return buffer.snapshot();
}
