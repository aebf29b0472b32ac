/**
 * `npm run nlp:train [-- --seed 1 --data ../shared/data/nlp --seeds data/nlp-seeds --out models/nlp
 *                      --corrections corrections.jsonl --from-db --rows-per-corpus 500]`
 *
 * Rebuilds the shipped comment models from the public corpora plus the project's seed
 * examples. Deterministic: the same inputs and seed give a byte-identical model file (only the
 * manifest's trainedAt differs). Without the corpora it says where it looked and stops; the
 * models already in models/nlp keep working. --corrections folds in people's corrections
 * (JSON Lines, see core/nlp/training/corrections-file.ts); --from-db folds in those stored in
 * the product's database (DATABASE_URL, else DATA_DIR's PGlite, with npm start stopped); --rows-per-corpus trains on a
 * seeded sample of each corpus (seconds instead of a minute: tests).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { storedCorrections } from '../core/comments/stored-corrections';
import { loadConfig } from '../core/config';
import { DEFAULT_MODEL_DIR } from '../core/nlp/load-comment-classifier';
import { trainCommentModels } from '../core/nlp/training/train-comment-models';
import { readCorrectionsFile } from '../core/nlp/training/corrections-file';
import type { CorrectionExample } from '../core/nlp/training/labelled-comment';
import { DEFAULT_SEEDS_DIR } from '../core/nlp/training/seed-examples';
import { MissingCorporaError } from '../core/nlp/training/training-corpora';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      data: { type: 'string', default: loadConfig().nlpCorporaDir },
      seeds: { type: 'string', default: DEFAULT_SEEDS_DIR },
      out: { type: 'string', default: DEFAULT_MODEL_DIR },
      'rows-per-corpus': { type: 'string' },
      corrections: { type: 'string' },
      'from-db': { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0 (got ${values.seed})`);
  const rowsPerCorpus = values['rows-per-corpus'] === undefined ? undefined : Number(values['rows-per-corpus']);
  if (rowsPerCorpus !== undefined && !(Number.isInteger(rowsPerCorpus) && rowsPerCorpus > 0))
    throw new UsageError('--rows-per-corpus must be a positive whole number');
  const result = await trainCommentModels({
    dataDir: path.resolve(values.data),
    seedsDir: path.resolve(values.seeds),
    outDir: path.resolve(values.out),
    seed,
    rowsPerCorpus,
    extraExamples: [...(values.corrections ? corrections(path.resolve(values.corrections)) : []), ...(values['from-db'] ? await fromDatabase() : [])],
    log: (line) => console.log(line),
  });
  console.log(`Model version ${result.modelVersion}; run npm run bench:nlp for accuracy and speed.`);
}

class UsageError extends Error {}

async function fromDatabase(): Promise<CorrectionExample[]> {
  const examples = await storedCorrections(loadConfig());
  console.log(`Folding in ${examples.length} corrected comment(s) from the database.`);
  return examples;
}

function corrections(file: string): CorrectionExample[] {
  try {
    return readCorrectionsFile(file);
  } catch (err) {
    throw new UsageError(`--corrections: ${(err as Error).message}`);
  }
}

main().catch((err: unknown) => {
  // The expected failures get one clear line; anything else its stack.
  if (err instanceof MissingCorporaError || err instanceof UsageError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
