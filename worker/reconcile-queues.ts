import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { classifyBatches } from '../core/comments/classification-jobs';
import { assets, comments, webhookDeliveries } from '../core/db';
import { probeJobId } from '../core/queue/job-ids';
import { LIVE_STATES } from '../core/queue/job-queues';
import type { JobPayloads, QueueName } from '../core/queue/queue-names';
import type { JobsOptions } from 'bullmq';
import type { Services } from '../core/runtime/services';
import { pendingDeliveryIds, queueDeliveries } from '../core/webhooks/webhook-outbox';
import { scheduleExpirySweep } from './processors/licenses';

/**
 * The database is the source of truth; the queue can be rebuilt from it. Redis may lose its
 * data (a restart without persistence, FLUSHALL, a failover) or be unreachable when work is
 * recorded (an upload, an import, a webhook event): this puts back what the database says is
 * unfinished, idempotently, under the same job ids the API uses, and re-creates the repeatable
 * schedules. Workers run it at start, whenever Redis comes back, and every
 * QUEUE_RECONCILE_INTERVAL_S.
 */
export interface ReconcileReport {
  /** Probe jobs queued for assets still `uploaded` or `processing` with no live job. */
  probes: number;
  /** `classify` batches queued for comments with no classification and no job covering them. */
  classifyBatches: number;
  /** Pending webhook deliveries with no live job, queued again. */
  deliveries: number;
  /** Finished jobs removed because the database says their work is still to do. */
  staleRemoved: number;
}

export interface ReconcileOptions {
  /**
   * Comments imported less than this long ago are left alone: their import may be about to
   * queue them itself (in a flow whose batches the reconciler cannot predict).
   */
  classifyGraceMs: number;
}

/** Reconciles once; null when another process is doing it right now. */
export async function reconcileQueues(services: Services, options: ReconcileOptions): Promise<ReconcileReport | null> {
  const unlock = await lockReconciliation(services);
  if (!unlock) return null;
  try {
    const report: ReconcileReport = { probes: 0, classifyBatches: 0, deliveries: 0, staleRemoved: 0 };
    await requeueProbes(services, report);
    await requeueClassification(services, report, options.classifyGraceMs);
    await requeueDeliveries(services, report);
    await scheduleExpirySweep(services);
    return report;
  } finally {
    await unlock();
  }
}

/** Every asset not processed yet gets its probe job back (`probe-<assetId>`, as uploads queue it). */
async function requeueProbes(services: Services, report: ReconcileReport): Promise<void> {
  const { db } = services.database;
  const unfinished = await db
    .select({ id: assets.id })
    .from(assets)
    .where(inArray(assets.status, ['uploaded', 'processing']));
  for (const { id } of unfinished) {
    const stillUnfinished = async () => {
      const [row] = await db.select({ status: assets.status }).from(assets).where(eq(assets.id, id));
      return row?.status === 'uploaded' || row?.status === 'processing';
    };
    const outcome = await ensureJob(services, 'media', probeJobId(id), { type: 'probe', assetId: id }, {}, stillUnfinished);
    count(report, outcome, 'probes');
  }
}

/**
 * Comments with no classification that no live (or failed, kept for people to see) `classify`
 * job covers are queued in batches whose ids derive from their comments, so the same batch
 * is never queued twice.
 */
async function requeueClassification(services: Services, report: ReconcileReport, graceMs: number): Promise<void> {
  const { db } = services.database;
  const importedBefore = new Date(Date.now() - graceMs);
  const unclassified = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(isNull(comments.classifiedAt), lt(comments.importedAt, importedBefore)))
    .orderBy(asc(comments.importedAt), asc(comments.id));
  if (unclassified.length === 0) return;
  const covered = await commentsInClassifyJobs(services);
  const missing = unclassified.map((c) => c.id).filter((id) => !covered.has(id));
  for (const batch of classifyBatches(missing)) {
    const stillUnclassified = async () =>
      (
        await db
          .select({ id: comments.id })
          .from(comments)
          .where(and(inArray(comments.id, batch.commentIds), isNull(comments.classifiedAt)))
      ).length > 0;
    const outcome = await ensureJob(services, 'nlp', classifyJobId(batch.commentIds), batch, {}, stillUnclassified);
    count(report, outcome, 'classifyBatches');
  }
}

async function commentsInClassifyJobs(services: Services): Promise<Set<string>> {
  const jobs = await services.queues.payloadsIn('nlp', [...LIVE_STATES, 'failed']);
  const ids = new Set<string>();
  for (const { data } of jobs) if (data.type === 'classify') for (const id of data.commentIds) ids.add(id);
  return ids;
}

const classifyJobId = (commentIds: readonly string[]): string => `classify-${createHash('sha256').update(commentIds.join(',')).digest('hex').slice(0, 40)}`;

/** Pending deliveries whose job is gone (or finished while the delivery is still pending) are queued again. */
async function requeueDeliveries(services: Services, report: ReconcileReport): Promise<void> {
  const { db } = services.database;
  const toQueue: string[] = [];
  for (const id of await pendingDeliveryIds(db)) {
    const state = await services.queues.stateOf('licenses', id);
    if (isLive(state)) continue;
    if (state !== 'unknown') {
      const [row] = await db.select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
      if (row?.status !== 'pending') continue;
      await services.queues.remove(`licenses.${id}`);
      report.staleRemoved++;
    }
    toQueue.push(id);
  }
  // The outbox's own options (attempts, backoff), so a re-queued delivery retries like any other.
  await queueDeliveries(services, toQueue);
  report.deliveries += toQueue.length;
}

type EnsureOutcome = 'live' | 'done' | 'queued' | 'requeued';

/**
 * Makes sure a job with this id is waiting or running. A finished one kept in Redis would make
 * an add with the same id a no-op, so when the database (asked again, in case the job finished
 * just now) still says the work is to do, the stale job is removed first.
 */
async function ensureJob<Q extends QueueName>(
  services: Services,
  queue: Q,
  jobId: string,
  payload: JobPayloads[Q],
  opts: JobsOptions,
  stillToDo: () => Promise<boolean>,
): Promise<EnsureOutcome> {
  const state = await services.queues.stateOf(queue, jobId);
  if (isLive(state)) return 'live';
  const stale = state !== 'unknown';
  if (stale) {
    if (!(await stillToDo())) return 'done';
    await services.queues.remove(`${queue}.${jobId}`);
  }
  await services.queues.add(queue, payload, { ...opts, jobId });
  return stale ? 'requeued' : 'queued';
}

const isLive = (state: string): boolean => (LIVE_STATES as readonly string[]).includes(state);

function count(report: ReconcileReport, outcome: EnsureOutcome, field: 'probes' | 'classifyBatches'): void {
  if (outcome === 'queued' || outcome === 'requeued') report[field]++;
  if (outcome === 'requeued') report.staleRemoved++;
}

/**
 * One reconciliation at a time across every worker process on this prefix: a lock in Redis
 * that expires on its own should its holder die. Returns how to release it, or null when held.
 */
async function lockReconciliation(services: Services): Promise<(() => Promise<void>) | null> {
  const key = `${services.config.queuePrefix}:reconcile-lock`;
  const token = randomUUID();
  const taken = await services.redis.set(key, token, 'PX', RECONCILE_LOCK_MS, 'NX');
  if (taken !== 'OK') return null;
  return async () => {
    // Only our own lock: one that expired and was taken by another process is theirs.
    await services.redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, key, token).catch(() => {});
  };
}

const RECONCILE_LOCK_MS = 60_000;

/** What a run did, for the log: only counts that are not zero. */
export const nonZero = (report: ReconcileReport): Partial<ReconcileReport> =>
  Object.fromEntries(Object.entries(report).filter(([, n]) => n > 0)) as Partial<ReconcileReport>;

/** Stops the periodic and on-reconnect runs, waiting for one under way. */
export type StopReconciler = () => Promise<void>;

/**
 * Runs reconcileQueues now, every `intervalMs`, and whenever the producer connection comes back
 * after losing Redis (the moment a flushed or restarted Redis most needs it). Runs never overlap;
 * a run while Redis is down is skipped, failures are logged and the next run tries again.
 */
export function startQueueReconciler(
  services: Services,
  intervalMs = services.config.queueReconcileIntervalS * 1000,
): { stop: StopReconciler; runNow: () => Promise<void> } {
  const { logger, redis } = services;
  const log = logger.child({ component: 'queue-reconciler', queuePrefix: services.config.queuePrefix });
  let running: Promise<void> | undefined;
  let stopped = false;
  const runOnce = async (trigger: string): Promise<void> => {
    if (stopped || !services.queues.isUp) return;
    try {
      const report = await reconcileQueues(services, { classifyGraceMs: Math.min(intervalMs, 60_000) });
      const changed = report ? nonZero(report) : {};
      if (Object.keys(changed).length) log.info({ trigger, ...changed }, 're-queued work the database says is unfinished');
      else log.debug({ trigger, skipped: report === null }, 'queues match the database');
    } catch (err) {
      log.warn({ trigger, err: (err as Error).message }, 'queue reconciliation failed; it runs again later');
    }
  };
  const runNow = (trigger = 'request'): Promise<void> => (running ??= runOnce(trigger).finally(() => (running = undefined)));
  const timer = setInterval(() => void runNow('interval'), intervalMs);
  timer.unref();
  // 'ready' fires at every (re)connection; the first one was before the workers started.
  const onReady = () => void runNow('redis reconnected');
  redis.on('ready', onReady);
  void runNow('start');
  return {
    runNow: () => runNow(),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      redis.off('ready', onReady);
      await running;
    },
  };
}
