import { Queue } from 'bullmq';
import type { Express } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { License } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { recordUsage } from '../../core/usage/usage-ledger';
import { sweepLicenseExpiry } from '../../core/webhooks/expiry-sweep';
import { EXPIRY_SWEEP_SCHEDULER_ID, scheduleExpirySweep } from '../../worker/processors/licenses';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { addAsset, addCreator, addLicense } from '../core/ads/rights-fixtures';
import { signatureValid, startReceiver, type Received, type WebhookReceiver } from '../core/webhooks/webhook-receiver';
import { openTestServices } from '../helpers/test-services';

const DAY = 24 * 3600_000;
const SECRET = 'expiry-webhook-secret-0123';
let services: Services;
let app: Express;
let adminKey: string;
let workers: RunningWorkers | undefined;
let receiver: WebhookReceiver;
const licenses: Record<string, License> = {};

const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);

beforeAll(async () => {
  services = await openTestServices({ WEBHOOK_RETRY_BASE_MS: '100', LICENSE_SWEEP_INTERVAL_S: '3600', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  receiver = await startReceiver();
  await asAdmin(request(app).post('/api/v1/webhooks'))
    .send({ url: receiver.url, events: ['license.expiring', 'license.expired'], secret: SECRET })
    .expect(201);

  const db = services.database.db;
  const creator = await addCreator(db);
  const asset = await addAsset(db, services.storage, { creatorId: creator.id });
  const endingIn = (ms: number) => new Date(Date.now() + ms);
  licenses.inFiveDays = await addLicense(db, { assetIds: [asset.id], endsAt: endingIn(5 * DAY) });
  licenses.inTwentyDays = await addLicense(db, { assetIds: [asset.id], endsAt: endingIn(20 * DAY) });
  licenses.endedAnHourAgo = await addLicense(db, { creatorId: creator.id, startsAt: new Date(Date.now() - 90 * DAY), endsAt: endingIn(-3600_000) });
  licenses.inFortyDays = await addLicense(db, { assetIds: [asset.id], endsAt: endingIn(40 * DAY) });
  licenses.perpetual = await addLicense(db, { assetIds: [asset.id] });
  licenses.revoked = await addLicense(db, { assetIds: [asset.id], endsAt: endingIn(2 * DAY), status: 'revoked' });

  // The ledger: two live placements under the 5-day license, and a refusal that is not live.
  const key = await createApiKey(db, 'ads team', 'performance');
  const pull = { apiKeyId: key.id, assetId: asset.id, licenseId: licenses.inFiveDays.id, outcome: 'granted' as const };
  await recordUsage(db, { ...pull, channel: 'paid_social', territory: 'PL', campaign: 'spring-sale' });
  await recordUsage(db, { ...pull, channel: 'paid_social', territory: 'PL', campaign: 'spring-sale' });
  await recordUsage(db, { ...pull, channel: 'paid_video', territory: 'DE', campaign: null });
  await recordUsage(db, { ...pull, channel: 'ooh', territory: 'FR', outcome: 'refused', reasons: ['channel_not_granted'], licenseId: null, campaign: 'x' });

  workers = await startWorkers(services, ['licenses']);
});

afterAll(async () => {
  await workers?.close();
  await receiver.close();
  await services.close();
});

async function runSweepJob(): Promise<unknown> {
  const id = await services.queues.add('licenses', { type: 'expiry-sweep' }, { attempts: 1 });
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(25)) {
    const job = await services.queues.find(id);
    if (job?.state === 'completed') return job.result;
    if (job?.state === 'failed') throw new Error(job.error);
  }
  throw new Error('sweep job did not finish');
}

const byLicense = (id: string) => (r: Received) => (r.body.data.license as { id: string }).id === id;

describe('expiry sweep', () => {
  it('registers one repeatable sweep, however many workers start', async () => {
    await scheduleExpirySweep(services);
    const queue = new Queue('licenses', { connection: services.redis, prefix: services.config.queuePrefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ key: EXPIRY_SWEEP_SCHEDULER_ID, every: 3_600_000 })]);
    } finally {
      await queue.close();
    }
  });

  it('sends each due notice once, signed, listing where the content is live', async () => {
    await runSweepJob(); // the worker may also have swept at start: either way, three notices
    const got = await receiver.waitFor(3);
    await sleep(300);
    expect(receiver.received).toHaveLength(3);
    for (const r of got) expect(signatureValid(SECRET, r)).toBe(true);

    const fiveDays = got.find(byLicense(licenses.inFiveDays!.id))!;
    expect(fiveDays.headers['x-webhook-event']).toBe('license.expiring');
    // First seen inside the 7-day window: only the most urgent notice, not 30 and 7 at once.
    expect(fiveDays.body.data).toMatchObject({ notice: 'expiring_7', license: { endsAt: licenses.inFiveDays!.endsAt!.toISOString() } });
    expect(fiveDays.body.data.liveUsages).toEqual([
      expect.objectContaining({ campaign: null, channel: 'paid_video', territory: 'DE', pulls: 1 }),
      expect.objectContaining({ campaign: 'spring-sale', channel: 'paid_social', territory: 'PL', pulls: 2 }),
    ]);
    expect(got.find(byLicense(licenses.inTwentyDays!.id))!.body.data).toMatchObject({ notice: 'expiring_30', liveUsages: [] });
    const ended = got.find(byLicense(licenses.endedAnHourAgo!.id))!;
    expect(ended.headers['x-webhook-event']).toBe('license.expired');
    expect(ended.body.data).toMatchObject({ notice: 'expired', secondsLeft: 0 });
  });

  it('a second sweep sends nothing new', async () => {
    const before = receiver.received.length;
    expect(await runSweepJob()).toMatchObject({ notices: [], deliveries: 0 });
    await sleep(300);
    expect(receiver.received).toHaveLength(before);
  });

  it('sends the next notice when its window opens (and still only once)', async () => {
    const later = new Date(Date.now() + 4.5 * DAY);
    const result = await sweepLicenseExpiry(services, later);
    expect(result.notices).toEqual([{ licenseId: licenses.inFiveDays!.id, kind: 'expiring_1' }]);
    expect((await sweepLicenseExpiry(services, later)).notices).toEqual([]);
    const [notice] = (await receiver.waitFor(4)).slice(3);
    expect(notice!.body.data).toMatchObject({ notice: 'expiring_1', license: { id: licenses.inFiveDays!.id } });
  });

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    const flaky = await startReceiver((n) => (n <= 2 ? 500 : 200));
    try {
      const hook = await asAdmin(request(app).post('/api/v1/webhooks'))
        .send({ url: flaky.url, events: ['license.expired'], secret: SECRET })
        .expect(201);
      const creator = await addCreator(services.database.db);
      const ending = await addLicense(services.database.db, {
        creatorId: creator.id,
        startsAt: new Date(Date.now() - DAY),
        endsAt: new Date(Date.now() - 1000),
      });
      await runSweepJob();

      const tries = await flaky.waitFor(3);
      expect(tries.map((t) => t.body.attempt)).toEqual([1, 2, 3]);
      expect(new Set(tries.map((t) => t.headers['x-webhook-delivery'])).size).toBe(1);
      expect(tries.every((t) => signatureValid(SECRET, t))).toBe(true);

      const deliveries = await waitForDeliveryStatus(hook.body.id, 'delivered');
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ event: 'license.expired', payload: { license: { id: ending.id } } });
      expect(deliveries[0].attempts.map((a: { attempt: number; statusCode: number; delivered: boolean }) => [a.attempt, a.statusCode, a.delivered])).toEqual([
        [1, 500, false],
        [2, 500, false],
        [3, 200, true],
      ]);
    } finally {
      await flaky.close();
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function waitForDeliveryStatus(webhookId: string, status: string): Promise<any[]> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
    const res = await asAdmin(request(app).get(`/api/v1/webhooks/${webhookId}/deliveries`)).expect(200);
    if (res.body.items.every((d: { status: string }) => d.status === status) && res.body.items.length) return res.body.items;
  }
  throw new Error(`deliveries of ${webhookId} never became ${status}`);
}
