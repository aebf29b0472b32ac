import type { CorrectionExample } from './labelled-comment';
import { readSeedExamples, type SeedExample } from './seed-examples';
import { assertCorporaPresent, readCorpus, type CorpusName, type CorpusRow } from './training-corpora';
import { sampleOf } from './text-sampling';

/** Everything one training run reads: the corpora (loaded once, on demand), the seeds, the corrections. */
export interface TrainingData {
  corpus(name: CorpusName): CorpusRow[];
  readonly seeds: readonly SeedExample[];
  readonly corrections: readonly CorrectionExample[];
}

export interface TrainingDataOptions {
  dataDir: string;
  seedsDir?: string;
  corrections?: readonly CorrectionExample[];
  /** Keep at most this many rows of each corpus (a seeded sample): fast training for tests. */
  rowsPerCorpus?: number;
  seed: number;
}

/** Checks the corpora are there first, so a fresh clone gets one clear message. */
export function openTrainingData(options: TrainingDataOptions): TrainingData {
  assertCorporaPresent(options.dataDir);
  const cache = new Map<CorpusName, CorpusRow[]>();
  return {
    corpus(name) {
      let rows = cache.get(name);
      if (!rows) {
        rows = readCorpus(options.dataDir, name);
        if (options.rowsPerCorpus !== undefined) rows = sampleOf(rows, options.rowsPerCorpus, options.seed);
        cache.set(name, rows);
      }
      return rows;
    },
    seeds: readSeedExamples(options.seedsDir),
    corrections: options.corrections ?? [],
  };
}

/** How much rows count: the project's own seeds and, most, a person's corrections outweigh a corpus row. */
export const SEED_WEIGHT = 2;
export const CORRECTION_WEIGHT = 10;
