import type { JobPayloads, QueueName } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';

/**
 * A job of a type no processor handles (as a newer release sharing Redis might queue) fails for
 * good, once, naming its type; it never completes quietly with no result. Real Redis and workers.
 */
let services: Services;
let workers: RunningWorkers;

beforeAll(async () => {
  services = await openTestServices();
  workers = await startWorkers(services);
});
afterAll(async () => {
  await workers.close();
  await services.close();
});

it.each<QueueName>(['system', 'media', 'licenses', 'nlp'])('the %s queue fails an unknown job type for good', async (queue) => {
  const jobId = await services.queues.add(queue, { type: 'from-the-future' } as unknown as JobPayloads[typeof queue], { attempts: 3 });
  const job = await settledJob(services, jobId);
  expect(job.state).toBe('failed');
  expect(job.error).toContain(`The ${queue} queue has no handler for jobs of type "from-the-future"`);
  expect(job.attempts).toBe(1);
});
