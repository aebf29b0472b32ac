import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { loadConfig } from '../../core/config';
import { licenses, type Database, type License } from '../../core/db';
import { openServices, type Services } from '../../core/runtime/services';
import { enqueueProbe } from '../../core/assets/register-asset';
import { addAsset, addCreator, addLicense } from '../core/ads/rights-fixtures';
import { startWorkers } from '../../worker/run-workers';
import { testDatabases } from '../helpers/test-database';
import { testEnv } from '../helpers/test-services';

/**
 * Several API replicas of one installation (same database, same Redis, same queue prefix) with
 * SHARE_REPLICA_STATE: a write through one drops the others' cached galleries, and the public
 * rate limit counts across them. Another installation on the same Redis (its own prefix) sees
 * neither.
 */
const SKU = 'SKU-REPLICAS';

describe.each(testDatabases())('replicas sharing state through Redis (%s)', ({ open }) => {
  let database: Database;
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const opened: Array<{ services: Services; dataDir: string }> = [];

  /** A replica: services of its own on the shared database (which the test closes itself). */
  const replica = async (queuePrefix: string, extra: Record<string, string> = {}): Promise<Services> => {
    const env = await testEnv({ QUEUE_PREFIX: queuePrefix, SHARE_REPLICA_STATE: 'true', ...extra });
    const services = await openServices(loadConfig(env), { database: { ...database, close: async () => {} } });
    opened.push({ services, dataDir: env.DATA_DIR! });
    return services;
  };
  const gallery = (app: Express) => request(app).get(`/public/v1/products/${SKU}/gallery?territory=PL`).expect(200);
  const itemCount = async (app: Express): Promise<number> => ((await gallery(app)).body as { items: unknown[] }).items.length;

  let one: Services;
  let two: Services;
  let elsewhere: Services;
  let license: License;

  beforeAll(async () => {
    database = await open();
    one = await replica(prefix);
    two = await replica(prefix);
    elsewhere = await replica(`${prefix}-other`);
    const creator = await addCreator(database.db);
    const asset = await addAsset(database.db, one.storage, { creatorId: creator.id, skus: [SKU], kind: 'image' });
    license = await addLicense(database.db, { assetIds: [asset.id], channels: ['product_page'] });
  });
  afterAll(async () => {
    for (const { services, dataDir } of opened) {
      await deleteKeys(services, `${services.config.queuePrefix}:*`);
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    }
    await database.close();
  });

  it('a write through one replica drops the cached gallery of another, and of no other installation', async () => {
    const [appOne, appTwo, appElsewhere] = [createApp(one), createApp(two), createApp(elsewhere)];
    await sleep(200); // the replicas' subscriptions are made with their apps
    expect(await itemCount(appTwo)).toBe(1);
    expect(await itemCount(appElsewhere)).toBe(1);

    // Changed behind every replica's back: each keeps serving its cached gallery.
    await database.db.update(licenses).set({ status: 'revoked' }).where(eq(licenses.id, license.id));
    expect(await itemCount(appTwo)).toBe(1);

    // Any write through replica one (revoking again answers the license unchanged) is announced.
    const admin = await createApiKey(database.db, 'admin', 'admin');
    await request(appOne).post(`/api/v1/licenses/${license.id}/revoke`).set('Authorization', `Bearer ${admin.key}`).send({}).expect(200);
    expect(await eventually(() => itemCount(appTwo), 0)).toBe(0);
    expect(await itemCount(appElsewhere)).toBe(1);
  });

  it('an asset a worker elsewhere makes ready drops the cached gallery of every replica', async () => {
    const sku = `${SKU}-WORKER`;
    const appTwo = createApp(two);
    const worker = await replica(prefix);
    const creator = await addCreator(database.db);
    const asset = await addAsset(database.db, worker.storage, { creatorId: creator.id, skus: [sku], kind: 'image', status: 'uploaded' });
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    await worker.storage.put(asset.storageKey, jpeg, { contentType: 'image/jpeg' });
    await addLicense(database.db, { assetIds: [asset.id], channels: ['product_page'] });
    await sleep(200); // replica two's subscription is made with its app
    const itemsOfTwo = async () =>
      ((await request(appTwo).get(`/public/v1/products/${sku}/gallery?territory=PL`).expect(200)).body as { items: unknown[] }).items.length;
    expect(await itemsOfTwo()).toBe(0); // cached while the asset is not ready

    const workers = await startWorkers(worker, ['media']);
    try {
      await enqueueProbe(worker, asset.id);
      expect(await eventually(itemsOfTwo, 1, 20_000)).toBe(1); // before the cache's own refresh (30 s)
    } finally {
      await workers.close();
    }
  });

  it('counts the public rate limit across replicas, apart from other installations', async () => {
    const limited = (services: Services, queuePrefix: string) =>
      createApp({ ...services, config: { ...services.config, queuePrefix, publicRateLimitPerMinute: 3 } });
    const limitPrefix = `${prefix}-limit`;
    const [appOne, appTwo, appElsewhere] = [limited(one, limitPrefix), limited(two, limitPrefix), limited(elsewhere, `${limitPrefix}-other`)];
    await gallery(appOne);
    await gallery(appTwo);
    await gallery(appOne);
    const refused = await request(appTwo).get(`/public/v1/products/${SKU}/gallery?territory=PL`).expect(429);
    expect(refused.body.error.code).toBe('rate_limited');
    await gallery(appElsewhere);
    await deleteKeys(one, `${limitPrefix}*`);
  });
});

/** Asks until `read` gives `expected` (pub/sub delivery takes a moment), at most `waitMs`; the last answer. */
async function eventually<T>(read: () => Promise<T>, expected: T, waitMs = 5_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await sleep(50);
    value = await read();
  }
  return value;
}

async function deleteKeys({ redis }: Services, pattern: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: pattern, count: 500 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}
