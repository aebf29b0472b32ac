import { UnrecoverableError, type Job } from 'bullmq';

/**
 * The `default` of every processor's switch over its job types: `type` is `never` there when
 * every type has its case, so a type added to JobPayloads without a handler does not compile;
 * and a job of a type this worker does not know (queued by a newer release sharing Redis) fails
 * for good with its name, instead of completing with no result.
 */
export function unknownJobType(job: Job, type: never): never {
  throw new UnrecoverableError(`The ${job.queueName} queue has no handler for jobs of type ${JSON.stringify(type)} (job ${job.id})`);
}
