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
  // Few rows a class (seeds): a smaller step and more shrinkage generalise better (seed CV 0.75 → 0.79 in Polish).
  topic: { learningRate: 0.5, l2: 1e-5 },
  spam: { classBalance: 1 },
  substantive: { classBalance: 1 },
};

export function trainHead(name: HeadName, examples: readonly TrainingExample[], seed: number): LinearModel {
  const head = HEADS[name];
  const options = { ...DEFAULT_TRAINING, ...HEAD_TRAINING[name], seed };
  return trainLinearModel(featuriseExamples(name, examples), head.classes, head.bits, options);
}

/**
 * Features for each example, with its language when the head sees it. A weight above 1 becomes
 * that many copies (sharing one feature vector): repeated rows are steadier under SGD than
 * one large step.
 */
export function featuriseExamples(name: HeadName, examples: readonly TrainingExample[]): LabelledFeatures[] {
  const head = HEADS[name];
  const out: LabelledFeatures[] = [];
  const buffer = new FeatureBuffer();
  for (const example of examples) {
    const label = head.classes.indexOf(example.label);
    if (label < 0) throw new Error(`${name}: unknown label ${example.label} (from ${example.source})`);
    const features = headFeatures(name, example.text, example.lang, buffer);
    const copies = example.weight > 1 ? Math.round(example.weight) : 1;
    const weight = example.weight / copies;
    for (let i = 0; i < copies; i++) out.push({ features, label, weight });
  }
  return out;
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
