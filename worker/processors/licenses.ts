import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';

// Placeholder while expiry sweeps and webhooks land (issue 3); replaced by the real processor.
export async function processLicensesJob(job: Job<JobPayloads['licenses']>, _services: Services): Promise<unknown> {
  throw new UnrecoverableError(`licenses job ${job.data.type} is not available yet`);
}
