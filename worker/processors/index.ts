import type { Job } from 'bullmq';
import type { JobPayloads, QueueName } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';
import { processLicensesJob } from './licenses';
import { processMediaJob } from './media';
import { processNlpJob } from './nlp';
import { processSystemJob } from './system';
import type { JobResult } from './job-results';

/**
 * A processor is a plain async function of a typed job and the services it may use; `signal`
 * is aborted when a client cancels the running job (long work should stop and throw).
 */
export type Processor<Q extends QueueName> = (job: Job<JobPayloads[Q]>, services: Services, signal?: AbortSignal) => Promise<JobResult<Q>>;

/**
 * Which function consumes which queue. Each feature registers its processor here; the map's type
 * holds each processor to its queue's payloads and results (job-results.ts).
 */
export const PROCESSORS: { [Q in QueueName]: Processor<Q> } = {
  system: processSystemJob,
  media: processMediaJob,
  licenses: processLicensesJob,
  nlp: processNlpJob,
};
