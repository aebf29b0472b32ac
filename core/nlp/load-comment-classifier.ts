import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommentClassifier } from './comment-classification';
import { HashedCommentClassifier } from './comment-classifier';
import { parseModels } from './model-artifact';
import { MODEL_FILE, MANIFEST_FILE, modelVersionOf, type ModelManifest } from './model-manifest';
import { PROJECT_ROOT } from '../config/project-root';

/** The models shipped in the repository (rebuilt by `npm run nlp:train`). */
export const DEFAULT_MODEL_DIR = path.join(PROJECT_ROOT, 'models', 'nlp');

/**
 * Reads the trained models (synchronously: a few MB, tens of milliseconds) into a classifier.
 * Fails with a clear message when the directory holds no models or the manifest does not
 * belong to the model file next to it.
 */
export function loadCommentClassifier(modelDir: string = DEFAULT_MODEL_DIR): CommentClassifier {
  const artifact = readRequired(path.join(modelDir, MODEL_FILE));
  const manifest = JSON.parse(readRequired(path.join(modelDir, MANIFEST_FILE)).toString('utf8')) as ModelManifest;
  const version = modelVersionOf(createHash('sha256').update(artifact).digest('hex'));
  if (manifest.modelVersion !== version) {
    throw new Error(`${path.join(modelDir, MANIFEST_FILE)} says ${manifest.modelVersion} but ${MODEL_FILE} is ${version}: retrain with npm run nlp:train`);
  }
  return new HashedCommentClassifier(parseModels(artifact), manifest.modelVersion);
}

function readRequired(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`Cannot read the comment models at ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}): run npm run nlp:train`, { cause: err });
  }
}
