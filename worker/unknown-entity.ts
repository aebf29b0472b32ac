import { UnrecoverableError, type Job } from 'bullmq';
import type { Services } from '../core/runtime/services';

/**
 * A job names something this process's database does not have. Either it was deleted since,
 * or — the case that must not pass quietly — another installation with its own database shares
 * this Redis and queue prefix, and this worker took its job. Logged as an error naming the
 * prefix and what to do; the job fails for good (retrying cannot make the row appear).
 */
export function unknownEntity(services: Services, job: Job, entity: string, id: string): UnrecoverableError {
  const queuePrefix = services.config.queuePrefix;
  services.logger.error(
    {
      queue: job.queueName,
      jobId: job.id,
      job: job.name,
      entity,
      entityId: id,
      queuePrefix,
      hint: 'If another installation (another checkout, DATA_DIR or database) uses this Redis with the same QUEUE_PREFIX, give each its own prefix, or leave QUEUE_PREFIX unset so each derives one from its database',
    },
    `job for a ${entity} this database does not know`,
  );
  return new UnrecoverableError(
    `${entity} ${id} is not in this worker's database (deleted, or queued by another installation sharing Redis prefix "${queuePrefix}")`,
  );
}
