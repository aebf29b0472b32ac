import type { TrainingStage } from '../../core/nlp/training/training-progress';

/** The stages of a retrain job as its progress names them (GET /api/v1/jobs/:id `stage`). */
export type RetrainStage = 'corrections' | 'corpora' | 'features' | 'training' | 'saving' | 'evaluation' | 'reclassifying';

/** A retrain job's BullMQ progress: the percent clients read, and where it is. */
export interface RetrainProgress {
  percent: number;
  stage: RetrainStage;
  /** The corpus or head at hand, or "done/total" comments. */
  detail?: string;
}

/**
 * Shares of the bar, from timings of a full run on one core: reading the corpora ~15 %, the heads
 * ~60 % (features and training), the rest saving, evaluating and re-classifying.
 */
const CORPORA = { from: 3, to: 18 };
const HEADS = { from: 20, to: 78 };
export const SAVING = 79;
export const EVALUATION = 82;
const RECLASSIFY = { from: 85, to: 99 };

const between = (span: { from: number; to: number }, share: number): number => Math.round(span.from + (span.to - span.from) * Math.min(1, share));

/** Where the training child is, as the job's progress. */
export function trainingProgress(stage: TrainingStage): RetrainProgress {
  switch (stage.stage) {
    case 'corpora':
      return { percent: between(CORPORA, stage.done / stage.total), stage: 'corpora', detail: stage.corpus };
    case 'features':
      return { percent: between(HEADS, stage.done / stage.total), stage: 'features', detail: stage.head };
    case 'head':
      // Features take about a third of a head's time.
      return { percent: between(HEADS, (stage.done + 0.3) / stage.total), stage: 'training', detail: stage.head };
    case 'saving':
      return { percent: SAVING, stage: 'saving' };
  }
}

export function reclassifyProgress(done: number, total: number): RetrainProgress {
  return { percent: between(RECLASSIFY, total === 0 ? 1 : done / total), stage: 'reclassifying', detail: `${done}/${total}` };
}
