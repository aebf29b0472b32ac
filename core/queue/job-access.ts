import type { QueueName } from './queue-names';

/**
 * Who may see and cancel which background job (GET and DELETE /api/v1/jobs/:id).
 *
 * - Reading: any key may follow the jobs clients start or wait on (probes, cuts, imports'
 *   classification, retraining): their results hold nothing one role may not see of another's
 *   work. The `licenses` and `system` queues (expiry sweeps, webhook deliveries, which name the
 *   receivers in their errors; pings) are the admins': to others they do not exist (404).
 * - Cancelling: only jobs a client starts. `performance` cancels the ad cuts it asked for (the
 *   job's `requestedBy` is its key); `content_manager` cancels any ad cuts, an import's
 *   classification (the `classify-import` flow, its batches with it) and retraining, all of
 *   which it may start itself; `admin` the same. System work (probes, single classification
 *   batches, sweeps, webhook deliveries, pings) is never cancelled by a client: 403
 *   `job_not_cancellable`, since clients could not restart it and an asset would stay
 *   `uploaded` or a delivery pending for good.
 */
export interface JobCaller {
  keyId: string;
  role: string;
}

export interface JobIdentity {
  queue: QueueName;
  /** The job's name, which is its payload's `type`. */
  name: string;
  data: unknown;
}

const ADMIN_ONLY_QUEUES: readonly QueueName[] = ['licenses', 'system'];

export const mayRead = (caller: JobCaller, job: Pick<JobIdentity, 'queue'>): boolean => caller.role === 'admin' || !ADMIN_ONLY_QUEUES.includes(job.queue);

/** Why a caller may not cancel a job, or null when they may. */
export function cancelRefusal(caller: JobCaller, job: JobIdentity): string | null {
  const kind = `${job.queue}:${job.name}`;
  if (!CLIENT_JOBS.has(kind)) return `a ${job.name} job is system work, which clients cannot cancel`;
  if (caller.role === 'admin' || caller.role === 'content_manager') return null;
  if (caller.role === 'performance' && kind === 'media:cuts') {
    return requestedBy(job.data) === caller.keyId ? null : 'these ad cuts were requested by another key';
  }
  return `the ${caller.role} role cannot cancel a ${job.name} job`;
}

/** Jobs clients start, and so may stop. */
const CLIENT_JOBS = new Set(['media:cuts', 'nlp:classify-import', 'nlp:retrain']);

const requestedBy = (data: unknown): string | null => {
  const value = (data as { requestedBy?: unknown } | null)?.requestedBy;
  return typeof value === 'string' ? value : null;
};
