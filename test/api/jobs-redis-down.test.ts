import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { Services } from '../../core/runtime/services';
import { makeImage } from '../helpers/media-fixtures';
import { openTestServices } from '../helpers/test-services';
import { freePort } from '../scripts/free-port';

/**
 * The API with Redis unreachable (nothing listens on its port): every route that needs the
 * queue answers 503 `queue_unavailable` within 5 s, and what it could store is stored.
 */
let services: Services;
let app: Express;
let dir: string;
const keys = { admin: '', manager: '', performance: '' };
const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  services = await openTestServices({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  app = createApp(services);
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.manager = (await createApiKey(services.database.db, 'cm', 'content_manager')).key;
  keys.performance = (await createApiKey(services.database.db, 'perf', 'performance')).key;
  dir = await mkdtemp(path.join(os.tmpdir(), 'jobs-redis-down-'));
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs a request and says how long it took. */
async function timed(req: request.Test): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await req;
  return { res, ms: Date.now() - started };
}

it.each([
  ['GET /api/v1/jobs/:id', () => as(keys.admin, request(app).get('/api/v1/jobs/media.probe-1'))],
  ['DELETE /api/v1/jobs/:id', () => as(keys.manager, request(app).delete('/api/v1/jobs/media.cuts-1'))],
  ['POST /api/v1/jobs/ping', () => as(keys.admin, request(app).post('/api/v1/jobs/ping'))],
  ['POST /api/v1/comments/retrain', () => as(keys.manager, request(app).post('/api/v1/comments/retrain').send({}))],
])(
  '%s answers 503 queue_unavailable within 5 s',
  async (_name, send) => {
    const { res, ms } = await timed(send());
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 503, code: 'queue_unavailable' });
    expect(ms).toBeLessThan(5_000);
  },
  15_000,
);

it('an upload is stored and accepted with no job; the reconciler queues its probe later', async () => {
  const creator = await as(keys.admin, request(app).post('/api/v1/creators')).send({ handle: 'down', platform: 'tiktok', followers: 5000 }).expect(201);
  const file = await makeImage(dir, 'down.png', { width: 64, height: 48, format: 'png' });
  const { res, ms } = await timed(as(keys.admin, request(app).post('/api/v1/assets')).field('creatorId', creator.body.id).attach('file', file));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ status: 'uploaded', jobId: null });
  expect(ms).toBeLessThan(5_000);
  await as(keys.admin, request(app).get(`/api/v1/assets/${res.body.id}`)).expect(200);
}, 20_000);

it('a comment import stores the comments and says their classification is deferred', async () => {
  const rows = [
    { platform: 'instagram', externalId: 'down-1', text: 'Czy jest rozmiar M?', productSku: 'SKU-DOWN' },
    { platform: 'instagram', externalId: 'down-2', text: 'Super!', productSku: 'SKU-DOWN' },
  ];
  const { res, ms } = await timed(as(keys.manager, request(app).post('/api/v1/comments/import')).send(rows));
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ accepted: 2, jobId: null, classification: 'deferred' });
  expect(ms).toBeLessThan(5_000);
  const stored = await as(keys.manager, request(app).get('/api/v1/comments')).expect(200);
  expect(stored.body.items.map((c: { externalId: string }) => c.externalId).sort()).toEqual(['down-1', 'down-2']);
}, 15_000);

it('/metrics answers within 5 s, saying Redis is down', async () => {
  const { res, ms } = await timed(as(keys.admin, request(app).get('/metrics')));
  expect(res.status).toBe(200);
  expect(res.text).toMatch(/^queue_redis_up 0$/m);
  expect(ms).toBeLessThan(5_000);
}, 15_000);
