import { eq } from 'drizzle-orm';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { webhookDeliveries, webhookDeliveryAttempts } from '../../../core/db';
import type { Services } from '../../../core/runtime/services';
import { WebhookAttemptError, deliverWebhook } from '../../../core/webhooks/deliver-webhook';
import { emitEvent, recordDeliveries, requeuePendingDeliveries } from '../../../core/webhooks/webhook-outbox';
import { createWebhook, deleteWebhook, listDeliveries } from '../../../core/webhooks/webhook-store';
import { openTestServices } from '../../helpers/test-services';
import { signatureValid, startReceiver, type WebhookReceiver } from './webhook-receiver';

const SECRET = 'a-webhook-secret-of-some-length';
let services: Services;
let receiver: WebhookReceiver;
let status = 200;

beforeAll(async () => {
  // The receivers listen on loopback, which webhooks may target only when allowed.
  services = await openTestServices({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  receiver = await startReceiver(() => status);
});
afterAll(async () => {
  await receiver.close();
  await services.close();
});
beforeEach(async () => {
  status = 200;
  receiver.received.length = 0;
});

const db = () => services.database.db;
const delivery = async (id: string) => (await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;
const attempts = (id: string) => db().select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, id));

describe('emitEvent', () => {
  it('records one delivery per subscribed webhook and queues a job named by the delivery id', async () => {
    const subscribed = await createWebhook(db(), { url: receiver.url, events: ['asset.ready'], secret: SECRET });
    const other = await createWebhook(db(), { url: receiver.url, events: ['faq.published'], secret: SECRET });
    const ids = await emitEvent(services, 'asset.ready', { assetId: 'a1' });
    expect(ids).toHaveLength(1);
    const row = await delivery(ids[0]!);
    expect(row).toMatchObject({ webhookId: subscribed.id, event: 'asset.ready', payload: { assetId: 'a1' }, status: 'pending', attempts: 0 });
    const job = await services.queues.find(`licenses.${ids[0]}`);
    expect(job).toMatchObject({ name: 'deliver-webhook', state: 'waiting' });
    expect((await listDeliveries(db(), other.id, 10)).items).toEqual([]);
    await deleteWebhook(db(), subscribed.id);
    await deleteWebhook(db(), other.id);
  });
});

describe('deliverWebhook', () => {
  it('POSTs the event signed with the secret, logs the attempt, and then skips a repeat', async () => {
    const hook = await createWebhook(db(), { url: receiver.url, events: ['faq.published'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'faq.published', { faqId: 'f1', sku: 'SKU-1' }));
    await expect(deliverWebhook(services, id!, 1, 8)).resolves.toBe('delivered');

    const [got] = await receiver.waitFor(1);
    expect(signatureValid(SECRET, got!)).toBe(true);
    expect(signatureValid('another-secret-entirely', got!)).toBe(false);
    expect(got!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-webhook-event': 'faq.published',
      'x-webhook-delivery': id,
      'x-webhook-attempt': '1',
    });
    expect(got!.body).toMatchObject({ id, event: 'faq.published', attempt: 1, data: { faqId: 'f1', sku: 'SKU-1' } });
    expect(Number(got!.headers['x-webhook-timestamp'])).toBe(Math.floor(Date.parse(got!.body.sentAt) / 1000));

    expect(await delivery(id!)).toMatchObject({ status: 'delivered', attempts: 1, finishedAt: expect.any(Date) });
    expect(await attempts(id!)).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null, delivered: true })]);

    await expect(deliverWebhook(services, id!, 2, 8)).resolves.toBe('skipped');
    expect(receiver.received).toHaveLength(1);
    await deleteWebhook(db(), hook.id);
  });

  it('a non-2xx answer is a failed attempt to retry, and the last one fails the delivery', async () => {
    status = 503;
    const hook = await createWebhook(db(), { url: receiver.url, events: ['asset.ready'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', { assetId: 'a2' }));
    await expect(deliverWebhook(services, id!, 1, 2)).rejects.toThrow(WebhookAttemptError);
    expect(await delivery(id!)).toMatchObject({ status: 'pending', attempts: 1, finishedAt: null });
    await expect(deliverWebhook(services, id!, 2, 2)).rejects.toThrow('HTTP 503');
    expect(await delivery(id!)).toMatchObject({ status: 'failed', attempts: 2, finishedAt: expect.any(Date) });
    const logged = await attempts(id!);
    expect(logged.map((a) => [a.attempt, a.statusCode, a.error, a.delivered])).toEqual([
      [1, 503, 'HTTP 503', false],
      [2, 503, 'HTTP 503', false],
    ]);
    await deleteWebhook(db(), hook.id);
  });

  it('a delivery queued again after Redis lost its job goes on counting from the attempts recorded', async () => {
    status = 503;
    const hook = await createWebhook(db(), { url: receiver.url, events: ['asset.ready'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', { assetId: 'a3' }));
    await expect(deliverWebhook(services, id!, 1, 2)).rejects.toThrow(WebhookAttemptError);
    // The job is gone; the reconciler's new job starts again at its own first attempt.
    await expect(deliverWebhook(services, id!, 1, 2)).rejects.toThrow('HTTP 503');
    expect(await delivery(id!)).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await attempts(id!)).map((a) => a.attempt)).toEqual([1, 2]);
    await deleteWebhook(db(), hook.id);
  });

  it('logs a receiver that is not there as an attempt without a status code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const hook = await createWebhook(db(), { url: `http://127.0.0.1:${port}/gone`, events: ['asset.ready'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', {}));
    await expect(deliverWebhook(services, id!, 1, 8)).rejects.toThrow(/ECONNREFUSED/);
    const [attempt] = await attempts(id!);
    expect(attempt).toMatchObject({ statusCode: null, delivered: false, error: expect.stringContaining('ECONNREFUSED') });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(0);
    await deleteWebhook(db(), hook.id);
  });

  it('skips a delivery whose webhook was deleted', async () => {
    const hook = await createWebhook(db(), { url: receiver.url, events: ['asset.ready'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', {}));
    await deleteWebhook(db(), hook.id);
    await expect(deliverWebhook(services, id!, 1, 8)).resolves.toBe('skipped');
    expect(receiver.received).toHaveLength(0);
  });
});

describe('deliverWebhook to a forbidden address', () => {
  /** The same services with nothing allowed, as a production instance runs by default. */
  const strict = (): Services => ({ ...services, config: { ...services.config, webhookAllowedHosts: [] } });

  it.each([
    ['a stored loopback address (a row from before the check, or written around it)', (port: number) => `http://127.0.0.1:${port}/hook`],
    ['a name that resolves to loopback by delivery time (DNS rebinding)', (port: number) => `http://localhost:${port}/hook`],
    ['an IPv4-mapped IPv6 loopback address', (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`],
  ])('refuses %s without connecting, and logs why', async (_, urlOf) => {
    const port = Number(new URL(receiver.url).port);
    const hook = await createWebhook(db(), { url: urlOf(port), events: ['asset.ready'], secret: SECRET });
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', { assetId: 'a9' }));
    await expect(deliverWebhook(strict(), id!, 1, 1)).rejects.toThrow(/Webhooks may not target .*127\.0\.0\.1.*WEBHOOK_ALLOWED_HOSTS/);
    const [attempt] = await attempts(id!);
    expect(attempt).toMatchObject({ statusCode: null, delivered: false, error: expect.stringContaining('loopback, private, link-local') });
    expect(await delivery(id!)).toMatchObject({ status: 'failed' });
    await sleep(100);
    expect(receiver.received).toHaveLength(0);
    await deleteWebhook(db(), hook.id);
  });

  it('does not follow a redirect, to a forbidden address or anywhere', async () => {
    const redirecting = http.createServer((_req, res) => res.writeHead(307, { Location: receiver.url }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirecting.address() as AddressInfo;
      const hook = await createWebhook(db(), { url: `http://127.0.0.1:${port}/hook`, events: ['asset.ready'], secret: SECRET });
      const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', {}));
      await expect(deliverWebhook(services, id!, 1, 3)).rejects.toThrow('HTTP 307');
      await sleep(100);
      expect(receiver.received).toHaveLength(0);
      await deleteWebhook(db(), hook.id);
    } finally {
      redirecting.closeAllConnections();
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });
});

describe('requeuePendingDeliveries', () => {
  it('queues a pending delivery left without a job, once however often it runs', async () => {
    const hook = await createWebhook(db(), { url: receiver.url, events: ['asset.ready'], secret: SECRET });
    // Recorded but never queued: as if the process had stopped right after the commit.
    const [id] = await db().transaction((tx) => recordDeliveries(tx, 'asset.ready', {}));
    expect(await services.queues.find(`licenses.${id}`)).toBeNull();
    expect(await requeuePendingDeliveries(services)).toBeGreaterThanOrEqual(1);
    await requeuePendingDeliveries(services);
    expect(await services.queues.find(`licenses.${id}`)).toMatchObject({ state: 'waiting' });
    const counts = await services.queues.counts();
    const waitingForThis = counts.licenses.waiting;
    await requeuePendingDeliveries(services);
    expect((await services.queues.counts()).licenses.waiting).toBe(waitingForThis);
    await deleteWebhook(db(), hook.id);
  });
});
