import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { creators, webhookDeliveries } from '../../core/db';
import { createRedisConnection } from '../../core/queue/redis-connection';
import type { Services } from '../../core/runtime/services';
import { processMediaJob } from '../../worker/processors/media';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { signatureValid, startReceiver, type Received, type WebhookReceiver } from '../core/webhooks/webhook-receiver';
import { cutFile, makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';

/**
 * asset.ready and asset.failed, end to end: a subscription through the API, uploads probed by
 * a real media worker (ffprobe, sharp), deliveries made by a real licenses worker to a real
 * HTTP receiver on 127.0.0.1. Each transition is announced exactly once, even when the probe
 * job runs again (as a second worker does after the first lost its lock).
 */
const SECRET = 'asset-events-secret-7';
let services: Services;
let workers: RunningWorkers;
let app: Express;
let adminKey: string;
let creatorId: string;
let receiver: WebhookReceiver;
let dir: string;

const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);

beforeAll(async () => {
  services = await openTestServices({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '200' });
  workers = await startWorkers(services, ['media', 'licenses']);
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  const [creator] = await services.database.db.insert(creators).values({ handle: 'events', platform: 'tiktok', followers: 5_000 }).returning();
  creatorId = creator!.id;
  receiver = await startReceiver();
  dir = await mkdtemp(path.join(os.tmpdir(), 'asset-webhooks-'));
  await asAdmin(request(app).post('/api/v1/webhooks'))
    .send({ url: receiver.url, events: ['asset.ready', 'asset.failed'], secret: SECRET })
    .expect(201);
}, 60_000);
afterAll(async () => {
  await workers?.close();
  await receiver?.close();
  await services?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function upload(file: string): Promise<{ id: string; jobId: string }> {
  const res = await asAdmin(request(app).post('/api/v1/assets')).field('creatorId', creatorId).attach('file', file).expect(201);
  await settledJob(services, res.body.jobId as string, 60_000);
  return { id: res.body.id as string, jobId: res.body.jobId as string };
}

const about = (assetId: string) => receiver.received.filter((r) => r.body.data.assetId === assetId);

async function deliveredFor(assetId: string, timeoutMs = 15_000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  while (about(assetId).length === 0) {
    if (Date.now() > deadline) throw new Error(`no webhook for asset ${assetId}`);
    await sleep(25);
  }
  return about(assetId);
}

/** The same probe job, through the same processor: what a worker does when it takes over a job whose lock lapsed. */
async function runAgain(publicJobId: string): Promise<void> {
  const connection = createRedisConnection(services.config.redisUrl, 'producer');
  const queue = new Queue('media', { connection, prefix: services.config.queuePrefix });
  try {
    const job = (await Job.fromId(queue, publicJobId.replace(/^media\./, '')))!;
    await processMediaJob(job as never, services).catch(() => undefined); // a failed probe fails again: that is not the point
  } finally {
    await queue.close();
    await connection.quit();
  }
}

const recorded = async (assetId: string) =>
  (await services.database.db.select().from(webhookDeliveries)).filter((d) => (d.payload as { assetId?: string }).assetId === assetId);

describe('asset.ready and asset.failed webhooks', () => {
  it('accepts asset.failed as a subscription', async () => {
    const res = await asAdmin(request(app).post('/api/v1/webhooks'))
      .send({ url: receiver.url, events: ['asset.failed'], secret: SECRET })
      .expect(201);
    expect(res.body.events).toEqual(['asset.failed']);
    await asAdmin(request(app).delete(`/api/v1/webhooks/${res.body.id}`)).expect(204);
  });

  it('sends asset.ready once when the probe makes an image ready, signed, with the asset’s id, kind and status', async () => {
    const { id, jobId } = await upload(await makeImage(dir, 'ready.jpg', { width: 400, height: 300, format: 'jpeg' }));
    const [hook] = await deliveredFor(id);
    expect(hook!.body.event).toBe('asset.ready');
    expect(hook!.headers['x-webhook-event']).toBe('asset.ready');
    expect(signatureValid(SECRET, hook!)).toBe(true);
    expect(hook!.body.data).toEqual({ assetId: id, kind: 'image', status: 'ready', creatorId, at: expect.any(String) });

    await runAgain(jobId);
    await sleep(1000); // time for a wrongly queued second delivery to arrive
    expect(about(id)).toHaveLength(1);
    expect(await recorded(id)).toHaveLength(1);
    expect((await asAdmin(request(app).get(`/api/v1/assets/${id}`)).expect(200)).body.status).toBe('ready');
  }, 90_000);

  it('sends asset.failed once, with the reason, when a video cannot be read; a re-run sends nothing more', async () => {
    const file = await makeVideo(dir, 'broken.mp4', { width: 320, height: 180, durationS: 2, audio: true });
    await cutFile(file, 0.5);
    const { id, jobId } = await upload(file);
    const [hook] = await deliveredFor(id);
    expect(hook!.body.event).toBe('asset.failed');
    expect(hook!.body.data).toEqual({
      assetId: id,
      kind: 'video',
      status: 'failed',
      error: expect.stringMatching(/truncated or corrupt/),
      creatorId,
      at: expect.any(String),
    });
    expect(signatureValid(SECRET, hook!)).toBe(true);

    await runAgain(jobId);
    await sleep(1000);
    expect(about(id)).toHaveLength(1);
    expect(await recorded(id)).toHaveLength(1);
    const asset = (await asAdmin(request(app).get(`/api/v1/assets/${id}`)).expect(200)).body;
    expect(asset).toMatchObject({ status: 'failed', error: hook!.body.data.error });
  }, 90_000);

  it('sends nothing to a webhook that did not subscribe to the event', async () => {
    const other = await startReceiver();
    try {
      const res = await asAdmin(request(app).post('/api/v1/webhooks'))
        .send({ url: other.url, events: ['faq.published'], secret: SECRET })
        .expect(201);
      const { id } = await upload(await makeImage(dir, 'quiet.png', { width: 64, height: 64, format: 'png' }));
      await deliveredFor(id);
      await sleep(500);
      expect(other.received).toEqual([]);
      const rows = await services.database.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, res.body.id as string));
      expect(rows).toEqual([]);
    } finally {
      await other.close();
    }
  }, 90_000);
});
