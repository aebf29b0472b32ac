import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../errors/domain-error';
import type { JobQueues } from './job-queues';

/**
 * Proves the whole job path works: enqueue on `system`, a worker picks it up, the result
 * comes back through Redis. Used by the launcher at start and by admins (POST /api/v1/jobs/ping).
 * It polls rather than listening to QueueEvents: a ping is rare, and polling cannot miss an
 * event that fired before a subscription was in place.
 */
export async function pingWorker(queues: JobQueues, timeoutMs = 15_000): Promise<{ ms: number; worker: string }> {
  const started = Date.now();
  const jobId = await queues.add('system', { type: 'ping', sentAt: new Date().toISOString() }, { attempts: 1 });
  while (Date.now() - started < timeoutMs) {
    const job = await queues.find(jobId);
    if (job?.state === 'completed') return { ms: Date.now() - started, worker: (job.result as { worker: string }).worker };
    if (job?.state === 'failed') throw new Error(`Worker ping failed: ${job.error}`);
    await sleep(50);
  }
  await queues.remove(jobId);
  throw new DomainError('unavailable', 'worker_unavailable', `No worker answered within ${timeoutMs} ms`);
}
