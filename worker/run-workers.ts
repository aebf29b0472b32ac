import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Services } from '../core/runtime/services';
import { announceGalleryChange } from '../core/gallery/gallery-changes';
import { createRedisConnection } from '../core/queue/redis-connection';
import { QUEUE_NAMES, type QueueName } from '../core/queue/queue-names';
import { listenForCancellations } from './job-cancellation';
import { PROCESSORS, type Processor } from './processors';
import { sweepDeadCutWorkspaces } from './processors/cut-workspace';
import { scheduleExpirySweep } from './processors/licenses';
import { startQueueReconciler } from './reconcile-queues';

export interface RunningWorkers {
  /** Stops taking jobs and waits for the active ones to finish. */
  close(): Promise<void>;
}

/** Starts one BullMQ worker per queue, each on its own blocking Redis connection. */
export async function startWorkers(services: Services, queues: readonly QueueName[] = QUEUE_NAMES): Promise<RunningWorkers> {
  // Before any job starts: what a killed media worker left in the temp dir would stay forever.
  if (queues.includes('media')) await sweepStaleWorkspaces(services);
  const started = queues.map((name) => startWorker(services, name, PROCESSORS[name] as Processor<QueueName>));
  await Promise.all(started.map(({ worker }) => worker.waitUntilReady()));
  const stopListening = await listenForCancellations(services, new Map(queues.map((name, i) => [name, started[i]!.worker])));
  if (queues.includes('licenses')) await scheduleExpirySweep(services);
  // Only where every queue has a worker: re-queued work must have somewhere to run.
  const reconciler = QUEUE_NAMES.every((name) => queues.includes(name)) ? startQueueReconciler(services) : undefined;
  const closeAll = async (): Promise<void> => {
    await reconciler?.stop();
    await stopListening();
    await Promise.all(
      started.map(async ({ worker, connection }) => {
        await worker.close();
        // BullMQ leaves a connection it was handed open, so quit it once the worker drained.
        await connection.quit();
      }),
    );
  };
  // Idempotent: a second close (a second signal, a test's cleanup) waits for the first.
  let closing: Promise<void> | undefined;
  return { close: () => (closing ??= closeAll()) };
}

async function sweepStaleWorkspaces({ logger }: Services): Promise<void> {
  const removed = await sweepDeadCutWorkspaces();
  if (removed.length) logger.info({ removed }, 'removed scratch directories of dead workers');
}

function startWorker(services: Services, name: QueueName, processor: Processor<QueueName>): { worker: Worker; connection: Redis } {
  const { config, logger } = services;
  const log = logger.child({ queue: name });
  const connection = createRedisConnection(config.redisUrl, 'worker');
  // Three parameters: BullMQ then creates an abort signal per job, which cancelJob aborts.
  const worker = new Worker(name, (job, _token, signal) => processor(job, services, signal), {
    connection,
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency,
    // A killed worker's job is found by the others once its lock lapses (the lock is renewed at half).
    lockDuration: config.workerLockMs,
    stalledInterval: config.workerLockMs,
  });
  worker.on('completed', (job) => log.debug({ jobId: job.id, name: job.name }, 'job completed'));
  // Media jobs make assets ready and add renditions: the galleries cached in this process (the
  // embedded setup, API and worker in one) and, sharing replica state, in every API replica must show them.
  if (name === 'media') worker.on('completed', () => announceGalleryChange(services));
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  return { worker, connection };
}
