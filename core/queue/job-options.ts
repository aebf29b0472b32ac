import type { JobsOptions } from 'bullmq';

/**
 * Defaults for every job: a few attempts with exponential backoff (transient failures such as
 * a storage hiccup heal; a corrupt input fails fast as UnrecoverableError in the processor),
 * and bounded retention so Redis does not grow without limit while recent results stay
 * readable through GET /api/v1/jobs/:id.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};
