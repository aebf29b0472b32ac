import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Services } from '../../core/runtime/services';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';

/**
 * A probe job for an asset this database does not know (another installation's job on a shared
 * Redis and prefix) fails for good, and says so loudly: an error naming the prefix and the fix.
 */
let services: Services;
let workers: RunningWorkers;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const opened = await openTestServices();
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  services = { ...opened, logger };
  workers = await startWorkers(services, ['media']);
});
afterAll(async () => {
  await workers.close();
  await services.close();
});

it('fails the job for good and logs an error with the queue prefix and the hint', async () => {
  const assetId = randomUUID();
  const job = await settledJob(services, await services.queues.add('media', { type: 'probe', assetId }, { jobId: `probe-${assetId}` }));
  expect(job).toMatchObject({ state: 'failed', attempts: 1, error: expect.stringContaining(services.config.queuePrefix) });
  const logged = lines.find((l) => l.entityId === assetId);
  expect(logged).toMatchObject({ level: 50, entity: 'asset', queuePrefix: services.config.queuePrefix, hint: expect.stringMatching(/QUEUE_PREFIX/) });
});
