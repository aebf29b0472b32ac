import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';

// Placeholder while the upload/probe work lands (issue 3); replaced by the real processor.
export async function processMediaJob(job: Job<JobPayloads['media']>, _services: Services): Promise<unknown> {
  throw new UnrecoverableError(`media job ${job.data.type} is not available yet`);
}
