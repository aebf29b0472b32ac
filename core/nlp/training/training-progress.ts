/**
 * Where a training run is, for a progress bar: each corpus read, each head's features built and
 * its model trained, the files written. Training is minutes long; without these a caller can
 * only say "started" and "done".
 */
export type TrainingStage =
  | { stage: 'corpora'; corpus: string; done: number; total: number }
  | { stage: 'features' | 'head'; head: string; done: number; total: number }
  | { stage: 'saving' };

export type TrainingProgress = (stage: TrainingStage) => void;

/** The steps trainModelSet reports: the language head, the Polish sentiment set, then five more heads. */
export const TRAINING_STEPS = 7;
