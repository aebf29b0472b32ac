import { setTimeout as sleep } from 'node:timers/promises';
import type { JobView } from '../../core/queue/job-queues';
import type { Services } from '../../core/runtime/services';

/** Polls a job until it completes or fails for good, telling its progress as it changes. */
export async function waitForJob(services: Services, jobId: string, onProgress: (percent: number) => void = () => {}, pollMs = 200): Promise<JobView> {
  let last = -1;
  for (;;) {
    const job = await services.queues.find(jobId);
    if (!job) throw new Error(`Job ${jobId} is gone (expired from Redis?)`);
    if (job.progress !== last) onProgress((last = job.progress));
    if (job.state === 'completed' || job.state === 'failed') return job;
    await sleep(pollMs);
  }
}
