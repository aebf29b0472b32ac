import type { HeadName } from './comment-heads';

/** What models/nlp/manifest.json records about a training run, next to the model file. */
export interface ModelManifest {
  /** "comments-1-" + the first 12 hex digits of the model file's SHA-256: changes exactly when the models do. */
  modelVersion: string;
  seed: number;
  trainedAt: string;
  corpora: Array<{ file: string; name: string; licence: string; rows: number }>;
  seedExamples: number;
  corrections: number;
  heads: Record<HeadName, { classes: readonly string[]; bits: number; examples: number; storedColumns?: number }>;
  figures: { trainSeconds: number; artifactBytes: number };
}

export const MODEL_FILE = 'comment-models.bin.gz';
export const MANIFEST_FILE = 'manifest.json';

export const modelVersionOf = (sha256Hex: string): string => `comments-1-${sha256Hex.slice(0, 12)}`;
