import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkedLabels, type LabelledComment } from './labelled-comment';
import { parseJsonLines } from './training-corpora';
import { PROJECT_ROOT } from '../../config/project-root';

/** The project's own examples (data/nlp-seeds/*.jsonl), shipped with it; they teach what no corpus labels. */
export const DEFAULT_SEEDS_DIR = path.join(PROJECT_ROOT, 'data', 'nlp-seeds');

export interface SeedExample extends LabelledComment {
  /** The file it came from, e.g. "product-comments-pl". */
  set: string;
}

/** Every seed file, in name order, each row checked so a typo in a label fails loudly. */
export function readSeedExamples(seedsDir = DEFAULT_SEEDS_DIR): SeedExample[] {
  if (!existsSync(seedsDir)) throw new Error(`The NLP seed examples are not at ${seedsDir} (the project keeps them in data/nlp-seeds)`);
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return files.flatMap((file) => {
    const origin = path.join(seedsDir, file);
    const rows = parseJsonLines<LabelledComment>(readFileSync(origin, 'utf8'), origin);
    return rows.map((row, i) => ({ ...checkedLabels(row, `${origin} row ${i + 1}`), set: file.replace(/\.jsonl$/, '') }));
  });
}
