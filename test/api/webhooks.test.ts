import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { Services } from '../../core/runtime/services';
import { deliverWebhook } from '../../core/webhooks/deliver-webhook';
import { emitEvent } from '../../core/webhooks/webhook-outbox';
import { signatureValid, startReceiver, type WebhookReceiver } from '../core/webhooks/webhook-receiver';
import { openTestServices } from '../helpers/test-services';

const SECRET = 'shop-webhook-secret-42';
let services: Services;
let app: Express;
let adminKey: string;
let receiver: WebhookReceiver;

const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);
const create = (body: object) => asAdmin(request(app).post('/api/v1/webhooks')).send(body);

beforeAll(async () => {
  // The receivers listen on loopback, which webhooks may target only when allowed.
  services = await openTestServices({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  receiver = await startReceiver((n) => (n === 1 ? 502 : 204));
});
afterAll(async () => {
  await receiver.close();
  await services.close();
});

describe('webhooks API', () => {
  it('creates, lists and deletes a webhook without ever showing its secret again', async () => {
    const created = await create({ url: receiver.url, events: ['asset.ready', 'faq.published'], secret: SECRET }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), url: receiver.url, events: ['asset.ready', 'faq.published'], createdAt: expect.any(String) });
    const listed = await asAdmin(request(app).get('/api/v1/webhooks')).expect(200);
    expect(listed.body.items).toContainEqual(created.body);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    await asAdmin(request(app).delete(`/api/v1/webhooks/${created.body.id}`)).expect(204);
    expect((await asAdmin(request(app).get('/api/v1/webhooks')).expect(200)).body.items).not.toContainEqual(created.body);
    const again = await asAdmin(request(app).delete(`/api/v1/webhooks/${created.body.id}`)).expect(404);
    expect(again.body.error.code).toBe('webhook_not_found');
  });

  it('shows every attempt of every delivery', async () => {
    const hook = (await create({ url: receiver.url, events: ['faq.published'], secret: SECRET }).expect(201)).body;
    const [id] = await emitEvent(services, 'faq.published', { faqId: 'f-1', sku: 'SKU-1' });
    await expect(deliverWebhook(services, id!, 1, 3)).rejects.toThrow('HTTP 502');
    await expect(deliverWebhook(services, id!, 2, 3)).resolves.toBe('delivered');
    const [first, second] = await receiver.waitFor(2);
    expect(signatureValid(SECRET, first!) && signatureValid(SECRET, second!)).toBe(true);

    const res = await asAdmin(request(app).get(`/api/v1/webhooks/${hook.id}/deliveries`)).expect(200);
    expect(res.body).toEqual({
      items: [
        {
          id,
          event: 'faq.published',
          status: 'delivered',
          payload: { faqId: 'f-1', sku: 'SKU-1' },
          createdAt: expect.any(String),
          finishedAt: expect.any(String),
          attempts: [
            { attempt: 1, statusCode: 502, error: 'HTTP 502', durationMs: expect.any(Number), delivered: false, at: expect.any(String) },
            { attempt: 2, statusCode: 204, error: null, durationMs: expect.any(Number), delivered: true, at: expect.any(String) },
          ],
        },
      ],
      nextCursor: null,
    });
  });

  it('pages deliveries newest first', async () => {
    const hook = (await create({ url: receiver.url, events: ['asset.ready'], secret: SECRET }).expect(201)).body;
    for (const assetId of ['a1', 'a2', 'a3']) await emitEvent(services, 'asset.ready', { assetId });
    const first = await asAdmin(request(app).get(`/api/v1/webhooks/${hook.id}/deliveries?limit=2`)).expect(200);
    const second = await asAdmin(request(app).get(`/api/v1/webhooks/${hook.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`)).expect(200);
    expect([...first.body.items, ...second.body.items].map((d: { payload: { assetId: string } }) => d.payload.assetId)).toEqual(['a3', 'a2', 'a1']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    [{ url: 'ftp://example.com/hook', events: ['asset.ready'], secret: SECRET }, 'invalid_url'],
    [{ url: 'not a url', events: ['asset.ready'], secret: SECRET }, 'invalid_url'],
    [{ url: 'https://example.com/hook', events: ['asset.deleted'], secret: SECRET }, 'invalid_events'],
    [{ url: 'https://example.com/hook', events: [], secret: SECRET }, 'invalid_events'],
    [{ url: 'https://example.com/hook', events: ['asset.ready'], secret: 'short' }, 'invalid_secret'],
    [{ url: 'https://example.com/hook', events: ['asset.ready'] }, 'invalid_secret'],
  ])('%j → 422 %s', async (body, code) => {
    expect((await create(body).expect(422)).body.error.code).toBe(code);
  });

  it('is for admins only', async () => {
    const key = (await createApiKey(services.database.db, 'cm', 'content_manager')).key;
    const res = await request(app).get('/api/v1/webhooks').set('Authorization', `Bearer ${key}`).expect(403);
    expect(res.body.error.code).toBe('forbidden_role');
  });

  it('unknown or malformed ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await asAdmin(request(app).get(`/api/v1/webhooks/${missing}/deliveries`)).expect(404)).body.error.code).toBe('webhook_not_found');
    expect((await asAdmin(request(app).get('/api/v1/webhooks/x/deliveries')).expect(400)).body.error.code).toBe('invalid_id');
  });
});

describe('webhook targets (SSRF)', () => {
  /** The same app with nothing allowed, as a production instance runs by default. */
  const strict = () => createApp({ ...services, config: { ...services.config, webhookAllowedHosts: [] } });
  const createStrict = (url: string) =>
    request(strict())
      .post('/api/v1/webhooks')
      .set('Authorization', `Bearer ${adminKey}`)
      .send({ url, events: ['asset.ready'], secret: SECRET });

  it.each([
    'http://127.0.0.1/hook',
    'http://127.1.2.3:8080/hook',
    'http://2130706433/hook', // 127.0.0.1 written as one number
    'http://0x7f.1/hook',
    'http://localhost:8080/hook', // a name resolving to loopback
    'http://10.0.0.5/hook',
    'http://172.16.0.1/hook',
    'http://172.31.255.254/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data/', // cloud metadata
    'http://100.64.0.1/hook',
    'http://0.0.0.0:8080/hook',
    'http://224.0.0.1/hook',
    'http://255.255.255.255/hook',
    'http://[::1]/hook',
    'http://[::]/hook',
    'http://[fc00::1]/hook',
    'http://[fd12:3456::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook', // 169.254.169.254, IPv4-mapped
    'https://user:password@hooks.example.com/hook', // credentials would go out with every delivery
  ])('refuses %s with 422 webhook_url_not_allowed', async (url) => {
    const res = await createStrict(url).expect(422);
    expect(res.body.error.code).toBe('webhook_url_not_allowed');
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'javascript:alert(1)'])('refuses the scheme of %s with 422 invalid_url', async (url) => {
    expect((await createStrict(url).expect(422)).body.error.code).toBe('invalid_url');
  });

  it('accepts a public address, and a loopback one whose host is in WEBHOOK_ALLOWED_HOSTS', async () => {
    const publicHook = await createStrict('http://93.184.215.14/hook').expect(201);
    const allowed = await create({ url: 'http://127.0.0.1:9/hook', events: ['asset.ready'], secret: SECRET }).expect(201);
    for (const id of [publicHook.body.id, allowed.body.id]) await asAdmin(request(app).delete(`/api/v1/webhooks/${id}`)).expect(204);
  });
});
