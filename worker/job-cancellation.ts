import type { Worker } from 'bullmq';
import { CANCELLED_REASON, cancelChannel, readCancellation } from '../core/queue/job-queues';
import type { QueueName } from '../core/queue/queue-names';
import { createRedisConnection } from '../core/queue/redis-connection';
import type { Services } from '../core/runtime/services';

/**
 * Aborts running jobs that clients cancel (DELETE /api/v1/jobs/:id). The API publishes the job
 * on the cancel channel, since it cannot know which worker process holds it; every process
 * hears it, and the one running the job aborts the signal its processor was given (BullMQ's
 * cancelJob; the others have nothing to abort). On its own connection: a subscribed Redis
 * connection can do nothing else. Returns how to stop listening.
 */
export async function listenForCancellations(services: Services, workers: ReadonlyMap<QueueName, Worker>): Promise<() => Promise<void>> {
  const { config, logger } = services;
  const subscriber = createRedisConnection(config.redisUrl, 'worker');
  subscriber.on('error', (err) => logger.warn({ err }, 'cancel channel: redis error'));
  subscriber.on('message', (_channel, message: string) => {
    const job = readCancellation(message);
    if (job && workers.get(job.queue)?.cancelJob(job.id, CANCELLED_REASON)) logger.info({ queue: job.queue, jobId: job.id }, 'job cancelled');
  });
  await subscriber.subscribe(cancelChannel(config.queuePrefix));
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
