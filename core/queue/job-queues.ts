import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QUEUE_NAMES, isQueueName, type JobPayloads, type QueueName } from './queue-names';

/** What clients see of a job (GET /api/v1/jobs/:id). */
export interface JobView {
  id: string;
  queue: QueueName;
  name: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  attempts: number;
  result?: unknown;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

/**
 * The producer side of every queue. Public job ids carry their queue (`media.42`), so a job
 * can be found again from its id alone without scanning every queue.
 */
export class JobQueues {
  private readonly queues: { [Q in QueueName]: Queue };

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
    /** Connection trouble is reported here instead of crashing the process; calls still fail fast. */
    onError: (error: Error) => void,
  ) {
    this.queues = Object.fromEntries(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
        queue.on('error', onError);
        return [name, queue];
      }),
    ) as { [Q in QueueName]: Queue };
  }

  async add<Q extends QueueName>(queue: Q, payload: JobPayloads[Q], opts: JobsOptions = {}): Promise<string> {
    const job = await this.queues[queue].add(payload.type, payload, opts);
    return publicJobId(queue, job.id!);
  }

  /** Registers (or updates) a repeatable job under a fixed id: idempotent across processes. */
  async schedule<Q extends QueueName>(queue: Q, schedulerId: string, everyMs: number, payload: JobPayloads[Q], opts: JobsOptions = {}): Promise<void> {
    await this.queues[queue].upsertJobScheduler(schedulerId, { every: everyMs }, { name: payload.type, data: payload, opts });
  }

  async find(publicId: string): Promise<JobView | null> {
    const parsed = parseJobId(publicId);
    if (!parsed) return null;
    const queue = this.queues[parsed.queue];
    // State first, then the job: read the other way round, a job finishing in between would
    // show as completed without its result.
    const state = await queue.getJobState(parsed.id);
    const job = state === 'unknown' ? undefined : await queue.getJob(parsed.id);
    return job ? toView(parsed.queue, job, state) : null;
  }

  /**
   * Cancels a job that has not finished: one not started (waiting, or delayed before a retry)
   * is removed at once, 'cancelled'; a running one is asked to stop through the cancel channel,
   * 'cancelling': the worker running it aborts it and it ends failed. Null when there is no
   * such job; a finished one is refused with 409 `job_finished`.
   */
  async cancel(publicId: string): Promise<'cancelled' | 'cancelling' | null> {
    const parsed = parseJobId(publicId);
    if (!parsed) return null;
    const queue = this.queues[parsed.queue];
    const state = await queue.getJobState(parsed.id);
    if (state === 'unknown') return null;
    if (state === 'completed' || state === 'failed') throw new DomainError('conflict', 'job_finished', `Job ${publicId} has already ${state}: there is nothing to cancel`, { state });
    // remove() leaves a job a worker holds (it answers 0): one taken since its state was read is running.
    if (state !== 'active' && (await queue.remove(parsed.id)) === 1) return 'cancelled';
    await this.connection.publish(cancelChannel(this.prefix), JSON.stringify(parsed));
    return 'cancelling';
  }

  /** Drops a job that is no longer wanted (e.g. a ping nobody answered). */
  async remove(publicId: string): Promise<void> {
    const parsed = parseJobId(publicId);
    if (parsed) await this.queues[parsed.queue].remove(parsed.id);
  }

  /** Waiting/active/failed/delayed counts per queue, for /metrics. */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (name) => [name, await this.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed')] as const),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  async ping(): Promise<void> {
    const reply = await this.connection.ping();
    if (reply !== 'PONG') throw new Error(`Redis answered ${reply}`);
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}

export const publicJobId = (queue: QueueName, id: string): string => `${queue}.${id}`;

/** Where cancellations of running jobs are published, as `{ queue, id }`: every worker process listens. */
export const cancelChannel = (prefix: string): string => `${prefix}:cancel-jobs`;

/** What a cancelled job's worker is told, and so what its failure says. */
export const CANCELLED_REASON = 'Cancelled at a client\'s request';

/** A cancel-channel message: the job in its queue, or null when the message is not one. */
export function readCancellation(message: string): { queue: QueueName; id: string } | null {
  try {
    const { queue, id } = JSON.parse(message) as { queue?: unknown; id?: unknown };
    return typeof queue === 'string' && typeof id === 'string' ? parseJobId(publicJobId(queue as QueueName, id)) : null;
  } catch {
    return null;
  }
}

function parseJobId(publicId: string): { queue: QueueName; id: string } | null {
  const dot = publicId.indexOf('.');
  const queue = publicId.slice(0, dot);
  const id = publicId.slice(dot + 1);
  if (dot < 1 || !isQueueName(queue) || !/^[A-Za-z0-9_-]{1,128}$/.test(id)) return null;
  return { queue, id };
}

function toView(queue: QueueName, job: Job, raw: string): JobView {
  const state = raw === 'completed' || raw === 'failed' || raw === 'active' ? raw : 'waiting';
  return {
    id: publicJobId(queue, job.id!),
    queue,
    name: job.name,
    state,
    progress: state === 'completed' ? 100 : progressPercent(job.progress),
    attempts: job.attemptsMade,
    ...(state === 'completed' ? { result: job.returnvalue } : {}),
    ...(state === 'failed' ? { error: job.failedReason } : {}),
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
  };
}

function progressPercent(progress: unknown): number {
  const value = typeof progress === 'number' ? progress : Number((progress as { percent?: number } | null)?.percent);
  return Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}

export const jobNotFound = (id: string): DomainError => new DomainError('not_found', 'job_not_found', `No job with id ${id}`);
