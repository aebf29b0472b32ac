import { createHash } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { auditLog, rightsRequests, webhookDeliveries } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { createWebhook } from '../../core/webhooks/webhook-store';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator } from '../core/licensing/fixtures';

let services: Services;
let app: Express;
let managerKey: string;
let viewerKey: string;
let creator: string;
let assets: string[];

beforeAll(async () => {
  services = await openTestServices({ BRAND_NAME: 'Marka' });
  app = createApp(services);
  const db = services.database.db;
  managerKey = (await createApiKey(db, 'Maria (content)', 'content_manager')).key;
  viewerKey = (await createApiKey(db, 'viewer', 'viewer')).key;
  creator = await insertCreator(db);
  assets = [await insertAsset(db, creator), await insertAsset(db, creator)];
  await createWebhook(db, { url: 'https://hooks.example.com/rights', events: ['rights_request.accepted', 'rights_request.declined'], secret: 's'.repeat(24) });
});
afterAll(() => services.close());

const DAY = 24 * 60 * 60 * 1000;
const iso = (deltaMs: number) => new Date(Date.now() + deltaMs).toISOString();
const api = (method: 'get' | 'post', url: string, key = managerKey) => request(app)[method](url).set('Authorization', `Bearer ${key}`);
const pathOf = (url: string) => new URL(url).pathname;

const terms = () => ({
  territories: ['PL', 'DE'],
  channels: ['paid_social', 'whitelisting'],
  startsAt: iso(-DAY),
  endsAt: iso(120 * DAY),
  derivativesAllowed: true,
  disclosureRequired: true,
  fee: { amount: '1500.00', currency: 'PLN' },
});

async function ask(body: Record<string, unknown> = {}) {
  const res = await api('post', '/api/v1/rights-requests')
    .send({ creatorId: creator, assetIds: assets, terms: terms(), language: 'pl', ...body })
    .expect(201);
  return res.body as { id: string; url: string; status: string; dmText: string; replyHashtag: string; expiresAt: string; licenseId: string | null };
}

const accept = (url: string, body: Record<string, unknown> = { name: 'Zażółć Gęślą', email: 'anna@example.com', agree: true }) =>
  request(app)
    .post(`${pathOf(url)}/accept`)
    .set('User-Agent', 'Phone/1.0')
    .send(body);

describe('asking', () => {
  it('returns the creator’s link, a message to paste and the default Polish hashtag', async () => {
    const asked = await ask({ message: 'Uwielbiamy Twój film!' });
    expect(asked).toMatchObject({ status: 'pending', replyHashtag: '#takMarka', licenseId: null });
    expect(asked.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(asked.dmText).toContain(asked.url);
    expect(asked.dmText).toContain('#takMarka');
    expect(asked.dmText).toContain('Uwielbiamy Twój film!');
    expect(Date.parse(asked.expiresAt) - Date.now()).toBeGreaterThan(13.9 * DAY);
    const listed = (await api('get', `/api/v1/rights-requests?creatorId=${creator}`, viewerKey).expect(200)).body.items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(asked.id);
    expect(pathOf((await api('get', `/api/v1/rights-requests/${asked.id}`, viewerKey).expect(200)).body.url)).toBe(pathOf(asked.url));
  });

  it('refuses what no creator could be asked', async () => {
    const other = await insertAsset(services.database.db, await insertCreator(services.database.db));
    const refused = async (body: Record<string, unknown>, code: string) => {
      const res = await api('post', '/api/v1/rights-requests').send({ creatorId: creator, terms: terms(), language: 'en', ...body });
      expect([res.status, res.body.error.code]).toEqual([422, code]);
    };
    await refused({ assetIds: [other] }, 'asset_not_of_creator');
    await refused({ creatorId: '00000000-0000-4000-8000-000000000000' }, 'unknown_creator');
    await refused({ terms: { ...terms(), endsAt: iso(-2 * DAY) } }, 'invalid_terms');
    await refused({ expiresAt: iso(-1000) }, 'invalid_expires_at');
    await refused({ expiresAt: iso(91 * DAY) }, 'invalid_expires_at');
    await refused({ language: 'de' }, 'invalid_language');
    await refused({ replyHashtag: 'no hash' }, 'invalid_reply_hashtag');
    await api('post', '/api/v1/rights-requests', viewerKey).send({ creatorId: creator, terms: terms(), language: 'en' }).expect(403);
  });
});

describe('the creator’s page', () => {
  it('shows the terms in plain words, in the request’s language, with no script allowed', async () => {
    const asked = await ask();
    const res = await request(app).get(pathOf(asked.url)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'nonce-[^']+'/);
    expect(res.text).toContain('<html lang="pl">');
    expect(res.text).toContain('Marka');
    expect(res.text).toContain('#ad'); // two countries: the international label
    expect(res.text).toMatch(/1\s500,00\szł/);
    expect(res.text).toContain(`action="${pathOf(asked.url)}/accept"`);
  });

  it('answers an altered or made-up link with 404, never the request', async () => {
    const asked = await ask();
    const tampered = asked.url.slice(0, -1) + (asked.url.endsWith('A') ? 'B' : 'A');
    const page = await request(app).get(pathOf(tampered)).set('Accept-Language', 'pl').expect(404);
    expect(page.text).toContain('Ten link jest nieprawidłowy');
    expect((await accept(tampered).expect(404)).body.error.code).toBe('request_link_invalid');
    await request(app).get('/r/not-a-link').expect(404);
    expect((await api('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body.status).toBe('pending');
  });
});

describe('accepting', () => {
  it('makes an active license over exactly the proposed terms, with the evidence and a generated contract', async () => {
    const asked = await ask();
    const before = Date.now();
    const res = await accept(asked.url).expect(200);
    expect(res.body).toMatchObject({ requestId: asked.id, status: 'accepted', licenseId: expect.any(String) });

    const license = (await api('get', `/api/v1/licenses/${res.body.licenseId}`).expect(200)).body;
    expect(license).toMatchObject({
      status: 'active',
      state: 'active',
      assetIds: [...assets].sort(),
      territories: ['PL', 'DE'],
      channels: ['paid_social', 'whitelisting'],
    });
    expect(license).toMatchObject({
      derivativesAllowed: true,
      disclosureRequired: true,
      fee: { amount: '1500.00', currency: 'PLN' },
      contract: { filename: expect.stringMatching(/\.pdf$/) },
    });
    expect(Date.parse(license.startsAt)).toBeGreaterThanOrEqual(before - 1000); // rights never reach back before the yes

    const answered = (await api('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body;
    expect(answered).toMatchObject({ status: 'accepted', licenseId: license.id });
    const evidence = answered.evidence;
    expect(evidence).toMatchObject({
      method: 'link',
      name: 'Zażółć Gęślą',
      email: 'anna@example.com',
      userAgent: 'Phone/1.0',
      link: expect.stringContaining(pathOf(asked.url)),
      language: 'pl',
    });
    expect(evidence.sha256).toBe(createHash('sha256').update(evidence.text).digest('hex'));
    expect(evidence.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify({ ...evidence, link: null })).not.toContain('127.0.0.1'); // the address only as a keyed hash
    const page = await request(app).get(pathOf(asked.url)); // what the creator read is what was hashed
    expect(page.status).toBe(410);

    const link = (await api('get', `/api/v1/licenses/${license.id}/contract`).expect(200)).body.url;
    const pdf = await request(app)
      .get(new URL(link, 'http://localhost').pathname + new URL(link, 'http://localhost').search)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const actions = await services.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, asked.id));
    expect(actions.map((a) => a.action)).toEqual(['rights_request.create', 'rights_request.accept']);
    const deliveries = await services.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, 'rights_request.accepted'));
    expect(deliveries.some((d) => (d.payload as { requestId: string }).requestId === asked.id)).toBe(true);
  });

  it('takes one answer per link: a second accept, or an accept after a decline, is 410', async () => {
    const asked = await ask();
    await accept(asked.url).expect(200);
    expect((await accept(asked.url).expect(410)).body.error.code).toBe('request_accepted');

    const declined = await ask();
    const page = await request(app)
      .post(`${pathOf(declined.url)}/decline`)
      .type('form')
      .send({ reason: 'Nie tym razem' })
      .expect(200);
    expect(page.text).toContain('odrzucona');
    expect((await accept(declined.url).expect(410)).body.error.code).toBe('request_declined');
    expect((await api('get', `/api/v1/rights-requests/${declined.id}`).expect(200)).body).toMatchObject({
      status: 'declined',
      declineReason: 'Nie tym razem',
      licenseId: null,
    });
  });

  it('needs a name, an e-mail and the explicit yes; a form gets a page saying so', async () => {
    const asked = await ask();
    expect((await accept(asked.url, { name: 'Anna', email: 'anna@example.com', agree: false }).expect(422)).body.error.code).toBe('invalid_agree');
    expect((await accept(asked.url, { name: 'Anna', email: 'not-an-address', agree: true }).expect(422)).body.error.code).toBe('invalid_email');
    expect((await accept(asked.url, { name: ' ', email: 'anna@example.com', agree: true }).expect(422)).body.error.code).toBe('invalid_name');
    const form = await request(app)
      .post(`${pathOf(asked.url)}/accept`)
      .type('form')
      .send({ name: 'Anna', email: 'anna@example.com' })
      .expect(422);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect((await api('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body.status).toBe('pending');
  });

  it('over no assets licenses the creator’s content as a whole', async () => {
    const asked = await ask({ assetIds: [], language: 'en' });
    expect((await request(app).get(pathOf(asked.url)).expect(200)).text).toContain('All of your content');
    const { licenseId } = (await accept(asked.url).expect(200)).body;
    expect((await api('get', `/api/v1/licenses/${licenseId}`).expect(200)).body).toMatchObject({ creatorId: creator, assetIds: [] });
  });
});

describe('renewing', () => {
  const license = async (over: Record<string, unknown> = {}) =>
    (
      await api('post', '/api/v1/licenses')
        .send({
          assetIds: [assets[0]],
          territories: ['PL'],
          channels: ['paid_social'],
          startsAt: iso(-300 * DAY),
          endsAt: iso(10 * DAY),
          derivativesAllowed: false,
          ...over,
        })
        .expect(201)
    ).body;

  it('extends the same license with the new terms: same start, no gap, the change audited', async () => {
    const current = await license();
    const asked = await ask({ assetIds: undefined, renewsLicenseId: current.id, terms: { ...terms(), startsAt: iso(10 * DAY), endsAt: iso(375 * DAY) } });
    expect(asked).toMatchObject({ renewsLicenseId: current.id, assetIds: [assets[0]] });
    const { licenseId } = (await accept(asked.url).expect(200)).body;
    expect(licenseId).toBe(current.id);
    const renewed = (await api('get', `/api/v1/licenses/${current.id}`).expect(200)).body;
    expect(renewed).toMatchObject({
      state: 'active',
      startsAt: current.startsAt,
      assetIds: [assets[0]],
      territories: ['PL', 'DE'],
      contract: { filename: expect.any(String) },
    });
    expect(Date.parse(renewed.endsAt)).toBeGreaterThan(Date.now() + 370 * DAY);
    const history = (await api('get', `/api/v1/licenses/${current.id}/history`).expect(200)).body.items;
    const update = history.find((h: { action: string }) => h.action === 'license.update');
    expect(update.before.endsAt).toBe(current.endsAt);
  });

  it('refuses a renewal of a revoked license, of another creator’s, or naming assets', async () => {
    const revoked = await license();
    await api('post', `/api/v1/licenses/${revoked.id}/revoke`).send({}).expect(200);
    const res = await api('post', '/api/v1/rights-requests').send({ creatorId: creator, renewsLicenseId: revoked.id, terms: terms(), language: 'en' });
    expect([res.status, res.body.error.code]).toEqual([409, 'license_revoked']);
    const othersAsset = await insertAsset(services.database.db, await insertCreator(services.database.db));
    const others = await license({ assetIds: [othersAsset] });
    const theirs = await api('post', '/api/v1/rights-requests').send({ creatorId: creator, renewsLicenseId: others.id, terms: terms(), language: 'en' });
    expect([theirs.status, theirs.body.error.code]).toEqual([422, 'license_not_of_creator']);
    const current = await license();
    const named = await api('post', '/api/v1/rights-requests').send({
      creatorId: creator,
      renewsLicenseId: current.id,
      assetIds: [assets[0]],
      terms: terms(),
      language: 'en',
    });
    expect([named.status, named.body.error.code]).toEqual([422, 'invalid_asset_ids']);
  });
});

describe('closing', () => {
  it('a cancelled request’s link answers nothing; cancelling twice is harmless; an answered one cannot be cancelled', async () => {
    const asked = await ask();
    expect((await api('post', `/api/v1/rights-requests/${asked.id}/cancel`).expect(200)).body.status).toBe('cancelled');
    await api('post', `/api/v1/rights-requests/${asked.id}/cancel`).expect(200);
    expect((await accept(asked.url).expect(410)).body.error.code).toBe('request_cancelled');
    expect((await request(app).get(pathOf(asked.url)).expect(410)).text).toContain('wycofała');

    const accepted = await ask();
    await accept(accepted.url).expect(200);
    expect((await api('post', `/api/v1/rights-requests/${accepted.id}/cancel`).expect(409)).body.error.code).toBe('rights_request_closed');
  });

  it('sending again makes a new link, kills the old one, and may move the expiry; a closed request cannot be sent', async () => {
    const asked = await ask();
    const later = iso(30 * DAY);
    const resent = (await api('post', `/api/v1/rights-requests/${asked.id}/resend`).send({ expiresAt: later }).expect(200)).body;
    expect(resent.url).not.toBe(asked.url);
    expect(resent.dmText).toContain(resent.url);
    expect(Date.parse(resent.expiresAt)).toBe(Date.parse(later));
    expect((await accept(asked.url).expect(404)).body.error.code).toBe('request_link_invalid');
    await accept(resent.url).expect(200);
    expect((await api('post', `/api/v1/rights-requests/${asked.id}/resend`).send({}).expect(409)).body.error.code).toBe('rights_request_closed');
    const other = await ask();
    expect(
      (
        await api('post', `/api/v1/rights-requests/${other.id}/resend`)
          .send({ expiresAt: iso(-DAY) })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_expires_at');
    await api('post', `/api/v1/rights-requests/${other.id}/resend`, viewerKey).send({}).expect(403);
  });

  it('an expired request is shown expired and its link answers nothing', async () => {
    const asked = await ask();
    await services.database.db
      .update(rightsRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(rightsRequests.id, asked.id)));
    expect((await api('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body.status).toBe('expired');
    expect((await accept(asked.url).expect(410)).body.error.code).toBe('request_expired');
  });
});
