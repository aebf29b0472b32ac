import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import { queueClassification } from '../../../core/comments/classification-jobs';
import { comments, creators, webhookDeliveries, webhooks } from '../../../core/db';
import { insertAsset } from '../../../core/assets/asset-store';
import { createRedisConnection } from '../../../core/queue/redis-connection';
import type { Services } from '../../../core/runtime/services';
import { openTestServices } from '../../helpers/test-services';
import { EXPIRY_SWEEP_SCHEDULER_ID } from '../../../worker/processors/licenses';
import { reconcileQueues } from '../../../worker/reconcile-queues';

/**
 * The reconciler puts back what the database says is unfinished, as Redis would have held it
 * before it lost its data, and nothing twice. No worker runs: jobs stay where it puts them.
 */
let services: Services;
let creatorId: string;
const reconcile = (classifyGraceMs = 0) => reconcileQueues(services, { classifyGraceMs });

beforeAll(async () => {
  services = await openTestServices();
  const [creator] = await services.database.db.insert(creators).values({ handle: 'rec', platform: 'tiktok', followers: 2000 }).returning();
  creatorId = creator!.id;
});
afterAll(() => services.close());

async function addAsset(status: 'uploaded' | 'processing' | 'ready' = 'uploaded'): Promise<string> {
  const id = randomUUID();
  await insertAsset(
    services.database.db,
    {
      id,
      creatorId,
      kind: 'image',
      status,
      sha256: randomBytes(32).toString('hex'),
      storageKey: `assets/${id}/original`,
      mimeType: 'image/png',
      sizeBytes: 10,
    },
    [],
  );
  return id;
}

/** Takes a queue's jobs until `jobId` and finishes it as a worker would, without running it (others taken on the way complete). */
async function finish(queue: 'media' | 'nlp' | 'licenses', jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
  const connection = createRedisConnection(services.config.redisUrl, 'worker');
  const worker = new Worker(queue, null, { connection, prefix: services.config.queuePrefix, autorun: false });
  try {
    for (;;) {
      const job = await worker.getNextJob('t', { block: false });
      if (!job) throw new Error(`job ${jobId} was not waiting`);
      if (job.id !== jobId || outcome === 'completed') await job.moveToCompleted('done', 't', false);
      else await job.moveToFailed(new Error('lost'), 't', false);
      if (job.id === jobId) return;
    }
  } finally {
    await worker.close();
    await connection.quit();
  }
}

it('queues a probe for every asset not processed yet, under the id uploads use, once', async () => {
  const uploaded = await addAsset('uploaded');
  const processing = await addAsset('processing');
  const ready = await addAsset('ready');
  const first = await reconcile();
  expect(first).toMatchObject({ probes: 2 });
  expect((await services.queues.find(`media.probe-${uploaded}`))?.state).toBe('waiting');
  expect((await services.queues.find(`media.probe-${processing}`))?.state).toBe('waiting');
  expect(await services.queues.find(`media.probe-${ready}`)).toBeNull();
  expect(await reconcile()).toMatchObject({ probes: 0, staleRemoved: 0 });
  expect(await services.queues.payloadsIn('media', ['waiting'])).toHaveLength(2);
  await drain('media');
});

it('replaces a finished probe job kept in Redis when the asset is still unprocessed, and leaves it when the asset is done', async () => {
  const stuck = await addAsset('uploaded');
  await services.queues.add('media', { type: 'probe', assetId: stuck }, { jobId: `probe-${stuck}`, attempts: 1 });
  await finish('media', `probe-${stuck}`, 'failed');
  expect((await services.queues.find(`media.probe-${stuck}`))?.state).toBe('failed');
  expect(await reconcile()).toMatchObject({ staleRemoved: 1 });
  expect((await services.queues.find(`media.probe-${stuck}`))?.state).toBe('waiting');
  await drain('media');
});

it('queues classification for comments no job covers, after the grace period, once', async () => {
  const db = services.database.db;
  const rows = await db
    .insert(comments)
    .values(['a', 'b', 'c'].map((x) => ({ platform: 'instagram', externalId: `rec-${x}-${randomUUID()}`, text: `text ${x}`, productSku: 'SKU-REC' })))
    .returning({ id: comments.id });
  const covered = await db
    .insert(comments)
    .values({ platform: 'instagram', externalId: `rec-covered-${randomUUID()}`, text: 'covered', productSku: 'SKU-REC' })
    .returning({ id: comments.id });
  await queueClassification(services, [covered[0]!.id]); // an import's flow, still waiting

  expect(await reconcile(60_000)).toMatchObject({ classifyBatches: 0 }); // just imported: their import may queue them
  expect(await reconcile()).toMatchObject({ classifyBatches: 1 });
  const batches = (await services.queues.payloadsIn('nlp', ['waiting'])).filter((j) => j.id.startsWith('classify-'));
  expect(batches).toHaveLength(1);
  expect(batches[0]!.data).toEqual({ type: 'classify', commentIds: expect.arrayContaining(rows.map((r) => r.id)) });
  expect(batches[0]!.data).toMatchObject({ commentIds: { length: 3 } });
  expect(await reconcile()).toMatchObject({ classifyBatches: 0 });
});

it('queues pending webhook deliveries with no job, not delivered ones, and re-creates the expiry sweep schedule', async () => {
  const db = services.database.db;
  const [hook] = await db
    .insert(webhooks)
    .values({ url: 'http://127.0.0.1:9/hook', events: ['license.expired'], secret: 's'.repeat(32) })
    .returning();
  const [pending] = await db.insert(webhookDeliveries).values({ webhookId: hook!.id, event: 'license.expired', payload: {} }).returning();
  const [delivered] = await db
    .insert(webhookDeliveries)
    .values({ webhookId: hook!.id, event: 'license.expired', payload: {}, status: 'delivered' })
    .returning();
  await loseRedisData();
  expect(await services.queues.hasScheduler('licenses', EXPIRY_SWEEP_SCHEDULER_ID)).toBe(false);

  expect(await reconcile()).toMatchObject({ deliveries: 1 });
  expect((await services.queues.find(`licenses.${pending!.id}`))?.state).toBe('waiting');
  expect(await services.queues.find(`licenses.${delivered!.id}`)).toBeNull();
  expect(await services.queues.hasScheduler('licenses', EXPIRY_SWEEP_SCHEDULER_ID)).toBe(true);
  expect(await reconcile()).toMatchObject({ deliveries: 0 });

  // Its job finished while the delivery still says pending (Redis kept an old result): queued again.
  expect((await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, pending!.id)))[0]!.status).toBe('pending');
  await services.queues.remove(`licenses.${pending!.id}`);
  await services.queues.add('licenses', { type: 'deliver-webhook', deliveryId: pending!.id }, { jobId: pending!.id, attempts: 1 });
  await finish('licenses', pending!.id, 'completed');
  expect(await reconcile()).toMatchObject({ deliveries: 1, staleRemoved: 1 });
  expect((await services.queues.find(`licenses.${pending!.id}`))?.state).toBe('waiting');
});

it('after Redis lost everything, every unfinished asset and comment is queued again', async () => {
  const assetId = await addAsset('uploaded');
  await reconcile();
  await loseRedisData();
  const report = await reconcile();
  expect(report!.probes).toBeGreaterThanOrEqual(1);
  expect((await services.queues.find(`media.probe-${assetId}`))?.state).toBe('waiting');
  expect(report!.classifyBatches).toBeGreaterThanOrEqual(1);
});

it('runs in one process at a time', async () => {
  const [a, b] = await Promise.all([reconcile(), reconcile()]);
  expect([a, b].filter((r) => r === null)).toHaveLength(1);
});

/** What a FLUSHALL does to this test's keys. */
async function loseRedisData(): Promise<void> {
  for await (const keys of services.redis.scanStream({ match: `${services.config.queuePrefix}:*`, count: 500 })) {
    if ((keys as string[]).length) await services.redis.del(...(keys as string[]));
  }
}

/** Removes a queue's waiting jobs, so the next test starts from an empty queue. */
async function drain(queue: 'media'): Promise<void> {
  for (const { id } of await services.queues.payloadsIn(queue, ['waiting'])) await services.queues.remove(`${queue}.${id}`);
}
