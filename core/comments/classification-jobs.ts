import { FlowProducer } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '../queue/job-options';
import { publicJobId } from '../queue/job-queues';
import type { JobPayloads } from '../queue/queue-names';
import type { Services } from '../runtime/services';

/** Comments per `classify` job: one SELECT, one UPDATE and one FAQ pass each; about a second of work. */
export const CLASSIFY_BATCH = 1000;

/**
 * Queues the classification of comments as one BullMQ flow: a `classify-import` parent whose
 * children are `classify` batches. Batches run on any number of workers; the parent runs once
 * they all have, sums their results, and is the one job id a client follows (its progress is
 * the share of batches done). A batch that fails for good fails the parent. Null when there is
 * nothing to classify.
 */
export async function queueClassification(services: Services, commentIds: readonly string[]): Promise<string | null> {
  if (commentIds.length === 0) return null;
  const children = [];
  for (let i = 0; i < commentIds.length; i += CLASSIFY_BATCH) {
    const data: JobPayloads['nlp'] = { type: 'classify', commentIds: commentIds.slice(i, i + CLASSIFY_BATCH) };
    children.push({ name: data.type, queueName: 'nlp', data, opts: { ...DEFAULT_JOB_OPTIONS, failParentOnFailure: true } });
  }
  const data: JobPayloads['nlp'] = { type: 'classify-import', comments: commentIds.length };
  // On the shared producer connection: BullMQ leaves a connection it was handed open on close.
  const flows = new FlowProducer({ connection: services.redis, prefix: services.queues.prefix });
  try {
    const { job } = await flows.add({ name: data.type, queueName: 'nlp', data, opts: DEFAULT_JOB_OPTIONS, children });
    return publicJobId('nlp', job.id!);
  } finally {
    await flows.close();
  }
}
