import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommentLang } from '../comment-classification';
import { FeatureBuffer, extractFeatures } from '../comment-features';
import { HEAD_NAMES, HEADS, type HeadName } from '../comment-heads';
import { detectLanguage } from '../detect-language';
import type { LinearModel } from '../linear-model';
import { serialiseModels, type ModelSet } from '../model-artifact';
import { MANIFEST_FILE, MODEL_FILE, modelVersionOf, type ModelManifest } from '../model-manifest';
import { normaliseComment } from '../normalise-comment';
import type { PolishSentimentModels } from '../review-sentiment';
import type { CorrectionExample } from './labelled-comment';
import { languageExamples } from './language-examples';
import { questionExamples } from './question-examples';
import { sentimentExamples } from './sentiment-examples';
import { spamExamples } from './spam-examples';
import { substantiveExamples } from './substantive-examples';
import { trainPolishSentiment } from './polish-sentiment-training';
import { featuriseExamples, trainHeadOn } from './train-head';
import { TRAINING_STEPS, type TrainingProgress } from './training-progress';
import { openTrainingData, type TrainingData } from './training-data';
import { CORPORA, type CorpusName } from './training-corpora';
import type { TrainingExample } from './training-example';
import { topicExamples } from './topic-examples';

export interface TrainCommentModelsOptions {
  /** The public corpora, normally ../shared/data/nlp. */
  dataDir: string;
  /** The project's seed examples; data/nlp-seeds by default. */
  seedsDir?: string;
  seed: number;
  /** Human corrections: they outweigh corpus rows (see CORRECTION_WEIGHT). */
  extraExamples?: CorrectionExample[];
  outDir: string;
  /** At most this many rows of each corpus (seeded sample): seconds instead of minutes, for tests. */
  rowsPerCorpus?: number;
  /** Recorded in the manifest only (the model file never holds a date); now by default. */
  trainedAt?: Date | string;
  log?: (line: string) => void;
  /** Told of each stage as it starts (corpora read up front then, not on first use). */
  onStage?: TrainingProgress;
}

export interface TrainCommentModelsResult {
  modelVersion: string;
  manifest: ModelManifest;
  modelFile: string;
}

/**
 * Trains every head and writes models/nlp (the model file and its manifest). Deterministic:
 * the same corpora, seeds, corrections and seed give a byte-identical model file. Throws
 * MissingCorporaError, naming the directory, when the corpora are not there.
 */
export async function trainCommentModels(options: TrainCommentModelsOptions): Promise<TrainCommentModelsResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const data = openTrainingData({
    dataDir: options.dataDir,
    seedsDir: options.seedsDir,
    corrections: options.extraExamples ?? [],
    rowsPerCorpus: options.rowsPerCorpus,
    seed: options.seed,
  });
  log(`Training comment models (seed ${options.seed}) from ${options.dataDir}`);
  if (options.onStage) readCorpora(data, options.onStage);
  const { models, examplesPerHead } = trainModelSet(data, options.seed, log, options.onStage);
  options.onStage?.({ stage: 'saving' });
  const artifact = serialiseModels(models);
  const modelVersion = modelVersionOf(createHash('sha256').update(artifact).digest('hex'));
  const manifest: ModelManifest = {
    modelVersion,
    seed: options.seed,
    trainedAt: new Date(options.trainedAt ?? Date.now()).toISOString(),
    corpora: Object.entries(CORPORA).map(([name, c]) => ({
      file: c.file,
      name: c.name,
      licence: c.licence,
      rows: data.corpus(name as keyof typeof CORPORA).length,
    })),
    seedExamples: data.seeds.length,
    corrections: data.corrections.length,
    heads: Object.fromEntries(
      HEAD_NAMES.map((name) => [name, { classes: HEADS[name].classes, bits: HEADS[name].bits, examples: examplesPerHead[name] }]),
    ) as ModelManifest['heads'],
    figures: { trainSeconds: Math.round((Date.now() - started) / 100) / 10, artifactBytes: artifact.length },
  };
  mkdirSync(options.outDir, { recursive: true });
  const modelFile = path.join(options.outDir, MODEL_FILE);
  writeFileSync(modelFile, artifact);
  writeFileSync(path.join(options.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`Wrote ${modelFile} (${(artifact.length / 1024 / 1024).toFixed(2)} MB, ${modelVersion}) in ${seconds(Date.now() - started)}`);
  return { modelVersion, manifest, modelFile };
}

export interface TrainedModelSet {
  models: ModelSet;
  examplesPerHead: Record<HeadName, number>;
}

/**
 * Every head from one TrainingData, in memory: what trainCommentModels writes, and what a
 * benchmark trains on corpora it has filtered or extended (bench:nlp's real-comments section).
 */
export function trainModelSet(
  data: TrainingData,
  seed: number,
  log: (line: string) => void = () => undefined,
  onStage: TrainingProgress = () => undefined,
): TrainedModelSet {
  const examplesPerHead = {} as Record<HeadName, number>;
  let step = 0;
  const train = (name: HeadName, examples: TrainingExample[]): LinearModel => {
    const headStarted = Date.now();
    onStage({ stage: 'features', head: name, done: step, total: TRAINING_STEPS });
    const features = featuriseExamples(name, examples);
    onStage({ stage: 'head', head: name, done: step, total: TRAINING_STEPS });
    const model = trainHeadOn(name, features, seed);
    step += 1;
    examplesPerHead[name] = examples.length;
    log(`  ${name.padEnd(12)} ${String(examples.length).padStart(7)} examples  ${seconds(Date.now() - headStarted)}`);
    return model;
  };
  const trainPolish = (examples: TrainingExample[]): PolishSentimentModels => {
    const polishStarted = Date.now();
    onStage({ stage: 'head', head: 'sentimentPl', done: step, total: TRAINING_STEPS });
    const trained = trainPolishSentiment(examples, seed);
    step += 1;
    Object.assign(examplesPerHead, trained.examples);
    log(
      `  ${'sentimentPl'.padEnd(12)} ${String(examples.length).padStart(7)} examples  ${seconds(Date.now() - polishStarted)} (with the review heads and stacker, ${trained.examples.reviewStacker} reviews)`,
    );
    return trained.models;
  };
  const language = train('language', languageExamples(data, seed));
  // Corrections without a language get the one the new detector gives them.
  const withLanguages: TrainingData = {
    ...data,
    corpus: data.corpus,
    corrections: data.corrections.map((c) => ({ ...c, lang: c.lang ?? detect(language, c.text) })),
  };
  const models: ModelSet = {
    language,
    ...trainPolish(sentimentExamples(withLanguages, 'pl')),
    sentimentEn: train('sentimentEn', sentimentExamples(withLanguages, 'en')),
    question: train('question', questionExamples(withLanguages, seed)),
    topic: train('topic', topicExamples(withLanguages, seed)),
    spam: train('spam', spamExamples(withLanguages, seed)),
    substantive: train('substantive', substantiveExamples(withLanguages, seed)),
  };
  return { models, examplesPerHead };
}

/** Reads every corpus now (TrainingData loads on first use), so reading them is a stage of its own. */
function readCorpora(data: TrainingData, onStage: TrainingProgress): void {
  const names = Object.keys(CORPORA) as CorpusName[];
  names.forEach((corpus, done) => {
    onStage({ stage: 'corpora', corpus, done, total: names.length });
    data.corpus(corpus);
  });
}

function detect(model: LinearModel, text: string): CommentLang {
  const comment = normaliseComment(text);
  const features = new FeatureBuffer();
  extractFeatures(comment, features);
  return detectLanguage(comment, features, model);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
