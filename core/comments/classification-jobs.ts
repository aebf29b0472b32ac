import { DEFAULT_JOB_OPTIONS } from '../queue/job-options';
import type { JobPayloads } from '../queue/queue-names';
import { isQueueUnavailable } from '../queue/queue-availability';
import type { Services } from '../runtime/services';

/** Comments per `classify` job: one SELECT, one UPDATE and one FAQ pass each; about a second of work. */
export const CLASSIFY_BATCH = 1000;

/**
 * Queues the classification of comments as one BullMQ flow: a `classify-import` parent whose
 * children are `classify` batches. Batches run on any number of workers; the parent runs once
 * they all have, sums their results, and is the one job id a client follows (its progress is
 * the share of batches done). A batch that fails for good fails the parent. Null when there is
 * nothing to classify. Throws `queue_unavailable` while Redis is down (the comments stay
 * unclassified in the database, which the queue reconciler notices).
 */
export async function queueClassification(services: Services, commentIds: readonly string[]): Promise<string | null> {
  if (commentIds.length === 0) return null;
  const children = classifyBatches(commentIds).map((data) => ({
    name: data.type,
    queueName: 'nlp' as const,
    data,
    opts: { ...DEFAULT_JOB_OPTIONS, failParentOnFailure: true },
  }));
  const data: JobPayloads['nlp'] = { type: 'classify-import', comments: commentIds.length };
  return services.queues.addFlow({ name: data.type, queueName: 'nlp', data, opts: DEFAULT_JOB_OPTIONS, children });
}

/** What happened to the classification of comments just stored. */
export type ClassificationQueued = { jobId: string | null; deferred: boolean };

/**
 * Like queueClassification, but the comments being stored already, an unreachable queue does
 * not fail the caller: the classification is deferred (the queue reconciler queues it once Redis
 * is back) and said so. Other errors still throw.
 */
export async function queueClassificationOrDefer(services: Services, commentIds: readonly string[]): Promise<ClassificationQueued> {
  try {
    return { jobId: await queueClassification(services, commentIds), deferred: false };
  } catch (err) {
    if (!isQueueUnavailable(err)) throw err;
    services.logger.warn({ comments: commentIds.length, err: err.message }, 'comments stored; their classification is queued once Redis is back');
    return { jobId: null, deferred: true };
  }
}

/** The `classify` payloads for these comments, CLASSIFY_BATCH at a time, in order. */
export function classifyBatches(commentIds: readonly string[]): Array<Extract<JobPayloads['nlp'], { type: 'classify' }>> {
  const batches = [];
  for (let i = 0; i < commentIds.length; i += CLASSIFY_BATCH) batches.push({ type: 'classify' as const, commentIds: commentIds.slice(i, i + CLASSIFY_BATCH) });
  return batches;
}
