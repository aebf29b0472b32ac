import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { queueClassification } from '../../core/comments/classification-jobs';
import { createRedisConnection } from '../../core/queue/redis-connection';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

/**
 * Who may read and cancel which job (GET and DELETE /api/v1/jobs/:id). No worker runs here,
 * so every job stays waiting until a test moves it on by hand.
 */
let services: Services;
let app: Express;
const keys = { admin: '', manager: '', viewer: '', perf: '', otherPerf: '', perfId: '' };
const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const cancel = (key: string, jobId: string) => as(key, request(app).delete(`/api/v1/jobs/${jobId}`));
const read = (key: string, jobId: string) => as(key, request(app).get(`/api/v1/jobs/${jobId}`));

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.manager = (await createApiKey(db, 'cm', 'content_manager')).key;
  keys.viewer = (await createApiKey(db, 'viewer', 'viewer')).key;
  const perf = await createApiKey(db, 'perf', 'performance');
  keys.perf = perf.key;
  keys.perfId = perf.id;
  keys.otherPerf = (await createApiKey(db, 'other perf', 'performance')).key;
});
afterAll(() => services.close());

const cutsJob = (requestedBy: string | null) =>
  services.queues.add('media', {
    type: 'cuts',
    assetId: randomUUID(),
    licenseId: randomUUID(),
    defaultDisclosure: null,
    cuts: [{ aspect: '1:1', durationS: 1 }],
    requestedBy,
  });

describe('DELETE /api/v1/jobs/:id: who may cancel what', () => {
  it('a performance key cancels the ad cuts it asked for, not another key’s', async () => {
    const jobId = await cutsJob(keys.perfId);
    const refused = await cancel(keys.otherPerf, jobId).expect(403);
    expect(refused.body.error.code).toBe('job_not_cancellable');
    expect((await read(keys.viewer, jobId).expect(200)).body.state).toBe('waiting');
    expect((await cancel(keys.perf, jobId).expect(200)).body).toEqual({ id: jobId, state: 'cancelled' });
  });

  it('ad cuts the system queued (no requester) are cancelled by a content manager, not by performance', async () => {
    const jobId = await cutsJob(null);
    expect((await cancel(keys.perf, jobId).expect(403)).body.error.code).toBe('job_not_cancellable');
    await cancel(keys.manager, jobId).expect(200);
  });

  it('system work is cancellable by no client, admins included: a probe stays queued', async () => {
    const assetId = randomUUID();
    const jobId = await services.queues.add('media', { type: 'probe', assetId }, { jobId: `probe-${assetId}` });
    for (const key of [keys.perf, keys.manager, keys.admin]) {
      const res = await cancel(key, jobId).expect(403);
      expect(res.body.error).toMatchObject({ code: 'job_not_cancellable', details: { reason: expect.stringContaining('system work') } });
    }
    expect((await read(keys.viewer, jobId).expect(200)).body.state).toBe('waiting');
  });

  it('webhook deliveries are the admins’: 404 to others, and not cancellable even by an admin', async () => {
    const jobId = await services.queues.add('licenses', { type: 'deliver-webhook', deliveryId: randomUUID() });
    expect((await read(keys.viewer, jobId).expect(404)).body.error.code).toBe('job_not_found');
    expect((await cancel(keys.manager, jobId).expect(404)).body.error.code).toBe('job_not_found');
    expect((await cancel(keys.perf, jobId).expect(404)).body.error.code).toBe('job_not_found');
    await read(keys.admin, jobId).expect(200);
    expect((await cancel(keys.admin, jobId).expect(403)).body.error.code).toBe('job_not_cancellable');
  });

  it('a content manager cancels an import’s classification flow, its batches with it, and retraining; performance cannot', async () => {
    const flowId = (await queueClassification(services, [randomUUID(), randomUUID()]))!;
    const retrainId = await services.queues.add('nlp', { type: 'retrain' }, { attempts: 1 });
    for (const jobId of [flowId, retrainId]) expect((await cancel(keys.perf, jobId).expect(403)).body.error.code).toBe('job_not_cancellable');
    expect((await cancel(keys.manager, flowId).expect(200)).body.state).toBe('cancelled');
    expect((await cancel(keys.manager, retrainId).expect(200)).body.state).toBe('cancelled');
    expect(await services.queues.payloadsIn('nlp', ['waiting', 'waiting-children', 'delayed'])).toEqual([]);
  });

  it('a single classification batch is system work', async () => {
    const jobId = await services.queues.add('nlp', { type: 'classify', commentIds: [randomUUID()] });
    expect((await cancel(keys.manager, jobId).expect(403)).body.error.code).toBe('job_not_cancellable');
    await services.queues.remove(jobId);
  });
});

describe('GET /api/v1/jobs/:id of a classification flow under way', () => {
  it('is waiting until a batch starts, then active, its progress the share of batches done', async () => {
    // Four batches: 3000 ids at 1000 a batch, plus one.
    const ids = Array.from({ length: 3001 }, () => randomUUID());
    const flowId = (await queueClassification(services, ids))!;
    expect((await read(keys.viewer, flowId).expect(200)).body).toMatchObject({ name: 'classify-import', state: 'waiting', progress: 0 });

    // Batches taken and finished by hand, as a worker would.
    const connection = createRedisConnection(services.config.redisUrl, 'worker');
    const worker = new Worker('nlp', null, { connection, prefix: services.config.queuePrefix, autorun: false });
    try {
      const first = (await worker.getNextJob('test-token'))!;
      expect(first.name).toBe('classify');
      expect((await read(keys.viewer, flowId).expect(200)).body).toMatchObject({ state: 'active', progress: 0 });
      await first.moveToCompleted({ classified: 0 }, 'test-token', false);
      const second = (await worker.getNextJob('test-token'))!;
      await second.moveToCompleted({ classified: 0 }, 'test-token', false);
    } finally {
      await worker.close();
      await connection.quit();
    }
    // Two of four done, none running: still under way.
    expect((await read(keys.viewer, flowId).expect(200)).body).toMatchObject({ state: 'active', progress: 50 });
  });
});
