import type { Express } from 'express';
import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { archiveAsset } from '../../core/assets/asset-withdrawal';
import { assets, auditLog, creatorPageLinks, renditions, takedownRequests, webhookDeliveries } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { createWebhook } from '../../core/webhooks/webhook-store';
import { openTestServices } from '../helpers/test-services';
import { insertApiKey, insertAsset, insertCreator, insertLicense, insertUsage } from '../core/licensing/fixtures';

let services: Services;
let app: Express;
let managerKey: string;
let viewerKey: string;
let creator: string;
let video: string;
let photo: string;
let archived: string;
let othersAsset: string;

const DAY = 24 * 60 * 60 * 1000;
const pathOf = (url: string) => new URL(url).pathname;
const api = (method: 'get' | 'post' | 'delete', url: string, key = managerKey) => request(app)[method](url).set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  services = await openTestServices({ BRAND_NAME: 'Marka', BRAND_TIME_ZONE: 'Europe/Warsaw' });
  app = createApp(services);
  const db = services.database.db;
  managerKey = (await createApiKey(db, 'Maria (content)', 'content_manager')).key;
  viewerKey = (await createApiKey(db, 'viewer', 'viewer')).key;
  creator = await insertCreator(db);
  [video, photo, archived] = [await insertAsset(db, creator), await insertAsset(db, creator), await insertAsset(db, creator)];
  await db.update(assets).set({ title: 'Unboxing serum' }).where(eq(assets.id, video!));
  await db.update(assets).set({ title: 'Old clip' }).where(eq(assets.id, archived!));
  await archiveAsset(db, null, archived!, true);
  othersAsset = await insertAsset(db, await insertCreator(db));
  await db.update(assets).set({ title: 'Someone else’s clip' }).where(eq(assets.id, othersAsset));
  const license = await insertLicense(db, {
    assetIds: [video!],
    territories: ['PL', 'DE'],
    channels: ['paid_social'],
    startsAt: new Date(Date.now() - 10 * DAY),
    endsAt: new Date('2030-03-31T22:00:00Z'), // 1 April 2030, 00:00 in Warsaw: "until 31 March 2030"
    derivativesAllowed: true,
  });
  const key = await insertApiKey(db);
  for (const at of ['2026-03-03T10:00:00Z', '2026-03-09T10:00:00Z'])
    await insertUsage(db, {
      apiKeyId: key,
      assetId: video!,
      licenseId: license,
      channel: 'paid_social',
      territory: 'PL',
      campaign: 'spring',
      at: new Date(at),
    });
  await insertUsage(db, {
    apiKeyId: key,
    assetId: video!,
    licenseId: null,
    channel: 'ooh',
    territory: 'FR',
    outcome: 'refused',
    reasons: ['channel_not_granted'],
  });
  const spec = { aspect: '9:16', durationS: 15, startS: 0, fit: 'crop', disclosure: 'REKLAMA' };
  await db.insert(renditions).values({ assetId: video!, kind: 'cut', spec, specHash: 'h1', format: 'mp4', sizeBytes: 1, storageKey: 'cuts/x.mp4' });
  await createWebhook(db, { url: 'https://hooks.example.com/takedowns', events: ['takedown.requested'], secret: 's'.repeat(24) });
});
afterAll(() => services.close());

async function makeLink(body: Record<string, unknown> = {}, who = creator) {
  const res = await api('post', `/api/v1/creators/${who}/page-link`).send(body).expect(201);
  return res.body as { url: string; expiresAt: string };
}

describe('the page link', () => {
  it('is made by content managers, expires in 30 days by default, and is refused to others or with a bad expiry', async () => {
    const link = await makeLink();
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(29.9 * DAY);
    await api('post', `/api/v1/creators/${creator}/page-link`, viewerKey).send({}).expect(403);
    const refused = async (body: Record<string, unknown>, status: number, code: string, who = creator) => {
      const res = await api('post', `/api/v1/creators/${who}/page-link`).send(body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    };
    await refused({ expiresAt: new Date(Date.now() - 1000).toISOString() }, 422, 'expires_in_past');
    await refused({ expiresAt: new Date(Date.now() + 400 * DAY).toISOString() }, 422, 'expires_too_late');
    await refused({ expiresAt: 'tomorrow' }, 422, 'invalid_expires_at');
    await refused({}, 404, 'creator_not_found', '00000000-0000-4000-8000-000000000000');
    const audit = await services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, creator), eq(auditLog.action, 'creator.page_link')));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('stops working when replaced, revoked, altered or expired, and a rights request’s link never opens it', async () => {
    const first = await makeLink();
    const second = await makeLink();
    await request(app).get(pathOf(first.url)).expect(404);
    await request(app).get(pathOf(second.url)).expect(200);
    const tampered = pathOf(second.url).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const page = await request(app).get(tampered).set('Accept-Language', 'pl').expect(404);
    expect(page.text).toContain('Ten link jest nieprawidłowy');

    const asked = await api('post', '/api/v1/rights-requests')
      .send({
        creatorId: creator,
        terms: { territories: ['PL'], channels: ['paid_social'], startsAt: new Date().toISOString(), endsAt: null, derivativesAllowed: false },
        language: 'en',
      })
      .expect(201);
    const requestToken = pathOf(asked.body.url).split('/').pop()!;
    await request(app).get(`/c/${requestToken}`).expect(404); // same shape, signed for another purpose

    await services.database.db
      .update(creatorPageLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(creatorPageLinks.creatorId, creator));
    const expired = await request(app).get(pathOf(second.url)).set('Accept-Language', 'en').expect(410);
    expect(expired.text).toContain('This link has expired');

    const third = await makeLink();
    await api('delete', `/api/v1/creators/${creator}/page-link`).expect(204);
    await request(app).get(pathOf(third.url)).expect(404);
    await api('delete', `/api/v1/creators/${creator}/page-link`).expect(204); // nothing left to revoke
  });
});

describe('the page', () => {
  it('shows every asset of theirs with what its license allows, where it went out and the cuts, in English', async () => {
    const { url } = await makeLink();
    const res = await request(app)
      .get(`${pathOf(url)}?lang=en`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).toContain('Your content at Marka');
    expect(text).toContain('Unboxing serum');
    expect(text).toContain('In force:</span> Your video may be used in paid ads on social media, in Poland and Germany, until 31 March 2030.');
    expect(text).toContain('In paid ads on social media · Poland · campaign “spring” · since 3 March 2026 (last 9 March 2026)');
    expect(text).not.toContain('France'); // a refused pull never went out
    expect(text).toContain('9:16, 15 s, labelled “REKLAMA”');
    expect(text).toContain('Video 2'); // the untitled one
    expect(text).toContain('No license: the brand may not use it.');
    expect(text).toMatch(/Old clip<\/h2>\s*<p class="withdrawn">Withdrawn: kept, but used nowhere.<\/p>/);
    expect(text).not.toContain('Someone else’s clip');
    expect(res.text).not.toMatch(/<script/i);
  });

  it('speaks Polish to a Polish browser and leaves deleted assets out', async () => {
    const db = services.database.db;
    const gone = await insertAsset(db, creator);
    await db.update(assets).set({ title: 'Usunięty film', deletedAt: new Date() }).where(eq(assets.id, gone));
    const { url } = await makeLink();
    const text = (await request(app).get(pathOf(url)).set('Accept-Language', 'pl-PL,pl;q=0.9').expect(200)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Twoje materiały u marki Marka');
    expect(text).toContain(
      'Obowiązuje:</span> Marka może wykorzystywać Twój film w płatnych reklamach w mediach społecznościowych, w krajach: Polska i Niemcy, do 31 marca 2030.',
    );
    expect(text).toContain('W płatnych reklamach w mediach społecznościowych · Polska · kampania „spring” · od 3 marca 2026 (ostatnio 9 marca 2026)');
    expect(text).toContain('9:16, 15 s, z oznaczeniem „REKLAMA”');
    expect(text).not.toContain('Usunięty film');
  });
});

describe('takedown requests', () => {
  it('records what the creator asks, tells the brand, and withdraws nothing by itself', async () => {
    const db = services.database.db;
    const { url } = await makeLink();
    const res = await request(app)
      .post(`${pathOf(url)}/takedown`)
      .send({ assetIds: [video], reason: 'Nie chcę już tej reklamy' })
      .expect(201);
    expect(res.body).toMatchObject({
      creatorId: creator,
      assetIds: [video],
      assets: [{ id: video, title: 'Unboxing serum' }],
      reason: 'Nie chcę już tej reklamy',
      status: 'open',
    });
    const [asset] = await db.select().from(assets).where(eq(assets.id, video!));
    expect(asset!.archivedAt).toBeNull();
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, 'takedown.requested'));
    expect(deliveries.map((d) => d.payload)).toContainEqual(expect.objectContaining({ takedownId: res.body.id, creatorId: creator, assetIds: [video] }));

    const listed = (await api('get', '/api/v1/takedown-requests?status=open', viewerKey).expect(200)).body.items;
    expect(listed[0]).toMatchObject({ id: res.body.id, creatorHandle: expect.stringMatching(/^creator_/), platform: 'tiktok' });
    const page = (
      await request(app)
        .get(`${pathOf(url)}?lang=en`)
        .expect(200)
    ).text;
    expect(page).toMatch(/You asked for a takedown on \d+ \w+ \d{4}; the brand will answer/);

    await api('post', `/api/v1/takedown-requests/${res.body.id}/resolve`, viewerKey).send({}).expect(403);
    const resolved = await api('post', `/api/v1/takedown-requests/${res.body.id}/resolve`).send({ note: 'Archived the video' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedNote: 'Archived the video', resolvedAt: expect.any(String) });
    const again = await api('post', `/api/v1/takedown-requests/${res.body.id}/resolve`).send({ note: 'Something else' }).expect(200);
    expect(again.body).toEqual(resolved.body);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id))).map((e) => e.action);
    expect(actions).toEqual(['takedown.request', 'takedown.resolve']);
    expect((await api('get', '/api/v1/takedown-requests?status=open').expect(200)).body.items.map((t: { id: string }) => t.id)).not.toContain(res.body.id);
    await api('post', '/api/v1/takedown-requests/00000000-0000-4000-8000-000000000000/resolve').send({}).expect(404);
  });

  it('takes the page’s form: one box, several, or none for everything, and answers with a page', async () => {
    const { url } = await makeLink();
    const form = (body: string) =>
      request(app)
        .post(`${pathOf(url)}/takedown?lang=pl`)
        .type('form')
        .send(body);
    const one = await form(`assetIds=${video}&reason=`).expect(201);
    expect(one.text).toContain('Prośba wysłana');
    await form(`assetIds=${video}&assetIds=${photo}`).expect(201);
    await form('reason=Wszystko').expect(201);
    const stored = await services.database.db.select().from(takedownRequests).where(eq(takedownRequests.creatorId, creator));
    expect(stored.map((t) => t.assetIds.length).sort()).toEqual(expect.arrayContaining([0, 1, 2]));
    expect(stored.find((t) => t.assetIds.length === 0)!.reason).toBe('Wszystko');
  });

  it('refuses content that is not theirs, bad input, and a flood', async () => {
    const { url } = await makeLink();
    const post = (body: Record<string, unknown>) =>
      request(app)
        .post(`${pathOf(url)}/takedown`)
        .send(body);
    const other = await post({ assetIds: [othersAsset] });
    expect([other.status, other.body.error.code]).toEqual([422, 'unknown_asset']);
    const bad = await post({ assetIds: ['not-an-id'] });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'invalid_asset_ids']);
    const long = await post({ reason: 'x'.repeat(2001) });
    expect([long.status, long.body.error.code]).toEqual([422, 'invalid_reason']);
    const formError = await request(app)
      .post(`${pathOf(url)}/takedown`)
      .type('form')
      .set('Accept-Language', 'en')
      .send(`assetIds=${othersAsset}`);
    expect(formError.status).toBe(422);
    expect(formError.text).toContain('<!doctype html>');

    const flooder = await insertCreator(services.database.db);
    const rows = Array.from({ length: 20 }, () => ({ creatorId: flooder, assetIds: [] }));
    await services.database.db.insert(takedownRequests).values(rows);
    const link = await makeLink({}, flooder);
    const flood = await request(app)
      .post(`${pathOf(link.url)}/takedown`)
      .send({});
    expect([flood.status, flood.body.error.code]).toEqual([409, 'too_many_takedowns']);
  });
});

describe('abuse', () => {
  it('limits the creator’s pages per client address, a request’s and their own alike', async () => {
    const limited = createApp({ ...services, config: { ...services.config, publicRateLimitPerMinute: 2 } });
    const { url } = await makeLink();
    await request(limited).get(pathOf(url)).expect(200);
    await request(limited)
      .post(`${pathOf(url)}/takedown`)
      .send({ assetIds: [photo] })
      .expect(201);
    const res = await request(limited)
      .post(`${pathOf(url)}/takedown`)
      .send({ assetIds: [photo] });
    expect([res.status, res.body.error?.code]).toEqual([429, 'rate_limited']);
    expect((await request(limited).get('/r/00000000-0000-4000-8000-000000000000.x')).status).toBe(429);
  });
});
