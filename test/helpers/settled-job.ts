import { setTimeout as sleep } from 'node:timers/promises';
import type { JobView } from '../../core/queue/job-queues';
import type { Services } from '../../core/runtime/services';

/** Polls a job until it has completed or failed for good; throws if it has not within `timeoutMs`. */
export async function settledJob(services: Services, jobId: string, timeoutMs = 30_000): Promise<JobView> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const job = await services.queues.find(jobId);
    if (job?.state === 'completed' || job?.state === 'failed') return job;
    await sleep(50);
  }
  throw new Error(`job ${jobId} did not finish within ${timeoutMs} ms`);
}
