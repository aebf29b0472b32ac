import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import type { CommentClassifier } from '../nlp/comment-classification';
import { loadCommentClassifier } from '../nlp/load-comment-classifier';

/**
 * Which models classify comments in this deployment: the ones shipped in models/nlp, until a
 * retrain (which learns from people's corrections) writes new ones under DATA_DIR/models/nlp/
 * <version>/ and points `DATA_DIR/models/nlp/current` at them. Every process sharing DATA_DIR
 * (the API for POST /comments/classify, each worker) reads that pointer before classifying and
 * loads a new version once; the models themselves are pure and stay in memory.
 */
export const retrainedModelsRoot = (config: Pick<Config, 'dataDir'>): string => path.join(config.dataDir, 'models', 'nlp');
const pointerFile = (config: Pick<Config, 'dataDir'>): string => path.join(retrainedModelsRoot(config), 'current');

const loaded = new Map<string, { version: string | null; classifier: Promise<CommentClassifier> }>();

export async function activeClassifier(config: Pick<Config, 'dataDir'>): Promise<CommentClassifier> {
  const version = await currentVersion(config);
  const cached = loaded.get(config.dataDir);
  if (cached && cached.version === version) return cached.classifier;
  const dir = version === null ? undefined : path.join(retrainedModelsRoot(config), version);
  const classifier = Promise.resolve().then(() => loadCommentClassifier(dir));
  loaded.set(config.dataDir, { version, classifier });
  // A failed load is not remembered: the next call tries again.
  classifier.catch(() => loaded.get(config.dataDir)?.classifier === classifier && loaded.delete(config.dataDir));
  return classifier;
}

/** The retrained version in use, or null for the shipped models. */
export async function currentVersion(config: Pick<Config, 'dataDir'>): Promise<string | null> {
  const text = await readFile(pointerFile(config), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  return text.trim() || null;
}

/** Makes `version` (a folder under retrainedModelsRoot) the models every process uses from its next batch on. */
export async function switchToVersion(config: Pick<Config, 'dataDir'>, version: string): Promise<void> {
  await mkdir(retrainedModelsRoot(config), { recursive: true });
  // Written aside and renamed: a reader never sees half a pointer.
  const temporary = `${pointerFile(config)}.${process.pid}.tmp`;
  await writeFile(temporary, `${version}\n`);
  await rename(temporary, pointerFile(config));
}
