import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SEEDS_DIR } from '../../core/nlp/training/seed-examples';
import { loadCommentClassifier } from '../../core/nlp/load-comment-classifier';
import type { Services } from '../../core/runtime/services';
import { activeClassifier, retrainedModelsRoot, switchToVersion } from '../../core/comments/active-classifier';
import { asTrainingExample, correctionExamples } from '../../core/comments/comment-corrections';
import { reclassifyStoredComments, type ReclassifyOutcome } from '../../core/comments/reclassify-comments';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import { modelFigures, yardstick, type ModelFigures } from './model-figures';
import { EVALUATION, reclassifyProgress, trainingProgress, type RetrainProgress } from './retrain-progress';
import { trainInChildProcess } from './train-in-child';

export interface RetrainOptions {
  /** Classify every stored comment again with the new models (people's corrections stay). */
  reclassify: boolean;
  /** Train on a seeded sample of this many rows per corpus: seconds instead of minutes. */
  rowsPerCorpus?: number;
  onProgress?: (progress: RetrainProgress) => unknown;
  /**
   * Aborted when a person cancels the job: the training child is killed and its folder removed,
   * and the models in use stay. Once the new models are switched to, a cancel stops the
   * re-classification between batches (the comments done so far keep the new labels, each
   * with its model version).
   */
  signal?: AbortSignal;
}

export interface RetrainResult {
  /** The folder under DATA_DIR/models/nlp now in use, and the models' own version string. */
  version: string;
  modelVersion: string;
  /** The models in use before this retrain. */
  previousModelVersion: string;
  /** Corrected comments folded in as examples. */
  corrections: number;
  trainSeconds: number;
  /** Old and new models scored on the labelled real comments; null without the corpora's file. */
  figures: { before: ModelFigures; after: ModelFigures } | null;
  /** The stored comments classified again, and how many changed label; null when not asked for. */
  reclassified: (Omit<ReclassifyOutcome, 'modelVersion'> & { faqJoined: number; faqEntriesCreated: number }) | null;
}

/** The same seed as the shipped models: a retrain differs from them by the corrections only. */
const TRAINING_SEED = 1;

/**
 * Trains new models from the training corpora and seeds plus every corrected comment (the
 * latest correction of each label: a person's word outweighs corpus rows), into a new
 * versioned folder under DATA_DIR (the shipped models are never overwritten), scores the old and
 * the new models on the same real comments, switches every process sharing DATA_DIR to the new
 * ones (see active-classifier.ts) and, if asked, classifies the stored comments again. Progress
 * moves with each stage (see retrain-progress.ts).
 */
export async function retrainModels(services: Services, options: RetrainOptions): Promise<RetrainResult> {
  const { config, database } = services;
  const report = (progress: RetrainProgress) => options.onProgress?.(progress);
  await report({ percent: 1, stage: 'corrections' });
  const examples = await correctionExamples(database.db);
  const previous = await activeClassifier(config);
  const version = `retrained-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomUUID().slice(0, 8)}`;
  const outDir = path.join(retrainedModelsRoot(config), version);
  const trained = await trainInChildProcess(
    {
      dataDir: config.nlpCorporaDir,
      seedsDir: DEFAULT_SEEDS_DIR,
      seed: TRAINING_SEED,
      extraExamples: examples.map(asTrainingExample),
      outDir,
      ...(options.rowsPerCorpus === undefined ? {} : { rowsPerCorpus: options.rowsPerCorpus }),
    },
    (stage) => report(trainingProgress(stage)),
    options.signal,
  );
  await report({ percent: EVALUATION, stage: 'evaluation' });
  const figures = await compareModels(config.nlpCorporaDir, previous, loadCommentClassifier(outDir));
  if (options.signal?.aborted) {
    await rm(outDir, { recursive: true, force: true });
    options.signal.throwIfAborted();
  }
  await switchToVersion(config, version);
  const classifier = await activeClassifier(config);
  const reclassified = options.reclassify ? await reclassify(services, report, options.signal) : null;
  return {
    version,
    modelVersion: classifier.modelVersion,
    previousModelVersion: previous.modelVersion,
    corrections: examples.length,
    trainSeconds: trained.trainSeconds,
    figures,
    reclassified,
  };
}

async function compareModels(
  corporaDir: string,
  before: Parameters<typeof modelFigures>[0],
  after: Parameters<typeof modelFigures>[0],
): Promise<RetrainResult['figures']> {
  const rows = yardstick(corporaDir);
  return rows ? { before: await modelFigures(before, rows), after: await modelFigures(after, rows) } : null;
}

/** Every stored comment with the models now active; the FAQ follows the ones whose labels changed. */
async function reclassify(services: Services, report: (progress: RetrainProgress) => unknown, signal?: AbortSignal): Promise<RetrainResult['reclassified']> {
  const { db } = services.database;
  let faqJoined = 0;
  let faqEntriesCreated = 0;
  await report(reclassifyProgress(0, 1));
  const outcome = await reclassifyStoredComments(db, await activeClassifier(services.config), async ({ changedIds, done, total }) => {
    const faq = await updateFaqEntries(db, changedIds);
    faqJoined += faq.joined;
    faqEntriesCreated += faq.created;
    await report(reclassifyProgress(done, total));
    signal?.throwIfAborted();
  });
  const { comments, changed, changedByLabel } = outcome;
  return { comments, changed, changedByLabel, faqJoined, faqEntriesCreated };
}
