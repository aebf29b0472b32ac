import { FlowProducer, Queue, type FlowJob, type Job, type JobsOptions, type JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QueueAvailability } from './queue-availability';
import { QUEUE_NAMES, isQueueName, type JobPayloads, type QueueName } from './queue-names';

/** What clients see of a job (GET /api/v1/jobs/:id). */
export interface JobView {
  id: string;
  queue: QueueName;
  name: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  /** What a running job is doing, when its progress names it (`{ percent, stage, detail }`). */
  stage?: string;
  stageDetail?: string;
  attempts: number;
  result?: unknown;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

/** Job states in which a job is still to run or running: not finished, not gone. */
export const LIVE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;

/**
 * The producer side of every queue. Public job ids carry their queue (`media.42`), so a job
 * can be found again from its id alone without scanning every queue. Every call goes through
 * QueueAvailability: while Redis is down it fails within QUEUE_CALL_TIMEOUT_MS as
 * `queue_unavailable` (503) instead of hanging on ioredis's reconnection.
 */
export class JobQueues {
  private readonly queues: { [Q in QueueName]: Queue };
  private readonly flows: FlowProducer;
  private readonly availability: QueueAvailability;

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
    /** Connection trouble is reported here instead of crashing the process; calls still fail fast. */
    onError: (error: Error) => void,
  ) {
    this.availability = new QueueAvailability(connection);
    this.queues = Object.fromEntries(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
        queue.on('error', onError);
        return [name, queue];
      }),
    ) as { [Q in QueueName]: Queue };
    this.flows = new FlowProducer({ connection, prefix });
    this.flows.on('error', onError);
  }

  /** True while the producer connection is up (a hint: a call may still fail). */
  get isUp(): boolean {
    return this.availability.isUp;
  }

  async add<Q extends QueueName>(queue: Q, payload: JobPayloads[Q], opts: JobsOptions = {}): Promise<string> {
    const job = await this.availability.run(`queueing a ${payload.type} job`, () => this.queues[queue].add(payload.type, payload, opts));
    return publicJobId(queue, job.id!);
  }

  /** Adds a parent job with its children in one step (a BullMQ flow); the parent's public id. */
  async addFlow(flow: FlowJob & { queueName: QueueName }): Promise<string> {
    const { job } = await this.availability.run(`queueing a ${flow.name} flow`, () => this.flows.add(flow));
    return publicJobId(flow.queueName, job.id!);
  }

  /** Registers (or updates) a repeatable job under a fixed id: idempotent across processes. */
  async schedule<Q extends QueueName>(queue: Q, schedulerId: string, everyMs: number, payload: JobPayloads[Q], opts: JobsOptions = {}): Promise<void> {
    await this.availability.run(`scheduling ${schedulerId}`, () =>
      this.queues[queue].upsertJobScheduler(schedulerId, { every: everyMs }, { name: payload.type, data: payload, opts }),
    );
  }

  async find(publicId: string): Promise<JobView | null> {
    return (await this.findWithData(publicId))?.view ?? null;
  }

  /** The job as clients see it, and the payload it carries (for decisions such as who may cancel it). */
  async findWithData(publicId: string): Promise<{ view: JobView; data: unknown } | null> {
    const parsed = parseJobId(publicId);
    if (!parsed) return null;
    const queue = this.queues[parsed.queue];
    return this.availability.run('reading a job', async () => {
      // State first, then the job: read the other way round, a job finishing in between would
      // show as completed without its result.
      const state = await queue.getJobState(parsed.id);
      const job = state === 'unknown' ? undefined : await queue.getJob(parsed.id);
      return job ? { view: await toView(parsed.queue, queue, job, state), data: job.data as unknown } : null;
    });
  }

  /**
   * Cancels a job that has not finished: one not started (waiting, or delayed before a retry,
   * or a flow's parent waiting for its batches, which go with it) is removed at once,
   * 'cancelled'; a running one is asked to stop through the cancel channel, 'cancelling': the
   * worker running it aborts it and it ends failed. Null when there is no such job; a finished
   * one is refused with 409 `job_finished`.
   */
  async cancel(publicId: string): Promise<'cancelled' | 'cancelling' | null> {
    const parsed = parseJobId(publicId);
    if (!parsed) return null;
    const queue = this.queues[parsed.queue];
    return this.availability.run('cancelling a job', async () => {
      const state = await queue.getJobState(parsed.id);
      if (state === 'unknown') return null;
      if (state === 'completed' || state === 'failed')
        throw new DomainError('conflict', 'job_finished', `Job ${publicId} has already ${state}: there is nothing to cancel`, { state });
      // remove() leaves a job a worker holds (it answers 0): one taken since its state was read is running.
      if (state !== 'active' && (await queue.remove(parsed.id)) === 1) return 'cancelled';
      await this.connection.publish(cancelChannel(this.prefix), JSON.stringify(parsed));
      return 'cancelling';
    });
  }

  /** Drops a job that is no longer wanted (e.g. a ping nobody answered). */
  async remove(publicId: string): Promise<void> {
    const parsed = parseJobId(publicId);
    if (parsed) await this.availability.run('removing a job', () => this.queues[parsed.queue].remove(parsed.id));
  }

  /** The raw BullMQ state of a job by its queue and BullMQ id ('unknown' when there is none). */
  async stateOf(queue: QueueName, id: string): Promise<string> {
    return this.availability.run('reading a job state', () => this.queues[queue].getJobState(id));
  }

  /**
   * The payloads of a queue's jobs in the given states, oldest first, read `page` at a time.
   * For the reconciler, which must know what work Redis already holds.
   */
  async payloadsIn<Q extends QueueName>(queue: Q, states: readonly string[], page = 500): Promise<Array<{ id: string; data: JobPayloads[Q] }>> {
    const found: Array<{ id: string; data: JobPayloads[Q] }> = [];
    for (let start = 0; ; start += page) {
      const jobs = await this.availability.run('listing jobs', () => this.queues[queue].getJobs(states as JobType[], start, start + page - 1, true));
      for (const job of jobs) if (job) found.push({ id: job.id!, data: job.data as JobPayloads[Q] });
      if (jobs.length < page) return found;
    }
  }

  /** Whether a repeatable schedule is registered under this id. */
  async hasScheduler(queue: QueueName, schedulerId: string): Promise<boolean> {
    return this.availability.run('reading a schedule', async () => Boolean(await this.queues[queue].getJobScheduler(schedulerId)));
  }

  /** Waiting/active/failed/delayed counts per queue, for /metrics; fails fast (`timeoutMs`) while Redis is down. */
  async counts(timeoutMs?: number): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await this.availability.run(
      'counting jobs',
      () => Promise.all(QUEUE_NAMES.map(async (name) => [name, await this.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed')] as const)),
      timeoutMs,
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  async ping(): Promise<void> {
    const reply = await this.availability.run('a ping', () => this.connection.ping());
    if (reply !== 'PONG') throw new Error(`Redis answered ${reply}`);
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.queues).map((q) => q.close()), this.flows.close()]);
  }
}

export const publicJobId = (queue: QueueName, id: string): string => `${queue}.${id}`;

/** Where cancellations of running jobs are published, as `{ queue, id }`: every worker process listens. */
export const cancelChannel = (prefix: string): string => `${prefix}:cancel-jobs`;

/** What a cancelled job's worker is told, and so what its failure says. */
export const CANCELLED_REASON = "Cancelled at a client's request";

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

/**
 * A flow's parent waiting for its children (an import's classification while its batches run)
 * is shown `active` once one of them has started, its progress the share of children done: to
 * a client the work it asked for is under way. Until then, like delayed and prioritized jobs,
 * it is `waiting`.
 */
async function toView(queue: QueueName, bullQueue: Queue, job: Job, raw: string): Promise<JobView> {
  const flow = raw === 'waiting-children' ? await flowProgress(bullQueue, job) : undefined;
  const state = raw === 'completed' || raw === 'failed' || raw === 'active' ? raw : flow?.started ? 'active' : 'waiting';
  const progress = state === 'completed' ? 100 : Math.max(progressPercent(job.progress), flow?.percent ?? 0);
  return {
    id: publicJobId(queue, job.id!),
    queue,
    name: job.name,
    state,
    progress,
    ...(state === 'active' ? stageOf(job.progress) : {}),
    attempts: job.attemptsMade,
    ...(state === 'completed' ? { result: job.returnvalue } : {}),
    ...(state === 'failed' ? { error: job.failedReason } : {}),
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
  };
}

/** How many children to look at for one running, when none has finished yet. */
const CHILDREN_CHECKED = 20;

/**
 * Share of a parent's children that have finished (99 at most: the parent itself has still to
 * run), and whether any has started. Its children are in the parent's queue (our flows are).
 */
async function flowProgress(queue: Queue, job: Job): Promise<{ started: boolean; percent: number }> {
  const { processed = 0, unprocessed = 0, failed = 0, ignored = 0 } = await job.getDependenciesCount();
  const finished = processed + ignored + failed;
  const total = finished + unprocessed;
  const percent = total === 0 ? 0 : Math.min(99, Math.round(((processed + ignored) / total) * 100));
  if (finished > 0) return { started: true, percent };
  const { unprocessed: keys = [] } = await job.getDependencies({ unprocessed: { cursor: 0, count: CHILDREN_CHECKED } });
  const states = await Promise.all(keys.slice(0, CHILDREN_CHECKED).map((key) => queue.getJobState(key.slice(key.lastIndexOf(':') + 1))));
  return { started: states.includes('active'), percent };
}

/** The stage a job's object progress names (a retrain's `{ percent, stage, detail }`), if any. */
function stageOf(progress: unknown): { stage?: string; stageDetail?: string } {
  const { stage, detail } = (typeof progress === 'object' && progress !== null ? progress : {}) as { stage?: unknown; detail?: unknown };
  return { ...(typeof stage === 'string' ? { stage } : {}), ...(typeof detail === 'string' ? { stageDetail: detail } : {}) };
}

function progressPercent(progress: unknown): number {
  const value = typeof progress === 'number' ? progress : Number((progress as { percent?: number } | null)?.percent);
  return Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}

export const jobNotFound = (id: string): DomainError => new DomainError('not_found', 'job_not_found', `No job with id ${id}`);
