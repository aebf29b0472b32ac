import type { Express } from 'express';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { addAsset, addCut } from '../core/ads/rights-fixtures';

/**
 * RODO/GDPR for creators: an export of everything held about one, and an erasure that leaves no
 * file of theirs in storage and no personal field in any table, while their licenses stay as the
 * legal record with the hash of what was accepted.
 */
let services: Services;
let app: Express;
let managerKey: string;
const DAY = 24 * 60 * 60 * 1000;
const NAME = 'Zofia Prywatna-Źdźbło';
const EMAIL = 'zofia.prywatna@example.com';
const CONTACT = 'kontakt.zofia@example.com';
const HANDLE = 'zofia.private';

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  managerKey = (await createApiKey(services.database.db, 'Maria (content)', 'content_manager')).key;
});
afterAll(() => services.close());

const send = (method: 'get' | 'post' | 'patch', url: string) => request(app)[method](url).set('Authorization', `Bearer ${managerKey}`);

/** Rows of every table whose text mentions `needle`, as "table: count". */
async function tablesMentioning(needle: string): Promise<string[]> {
  const db = services.database.db;
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`))
    .rows as Array<{
    table_name: string;
  }>;
  const found: string[] = [];
  for (const { table_name } of tables) {
    const rows = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text ilike ${`%${needle}%`}`)).rows as Array<{
      n: number;
    }>;
    if (rows[0]!.n > 0) found.push(`${table_name}: ${rows[0]!.n}`);
  }
  return found;
}

async function storedUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of services.storage.list(prefix)) keys.push(object.key);
  return keys;
}

it('exports everything held about a creator, then erases it all but the legal record', async () => {
  const creator = (await send('post', '/api/v1/creators').send({ handle: HANDLE, platform: 'instagram', followers: 30_000, contactEmail: CONTACT }).expect(201))
    .body;
  const asset = await addAsset(services.database.db, services.storage, { creatorId: creator.id, skus: ['SKU-PRIV'] });
  const cut = await addCut(services.database.db, services.storage, asset.id);
  await send('patch', `/api/v1/assets/${asset.id}`)
    .send({ title: `${NAME} w kuchni`, notes: `Zadzwonić do ${NAME}` })
    .expect(200);
  const asked = (
    await send('post', '/api/v1/rights-requests')
      .send({
        creatorId: creator.id,
        assetIds: [asset.id],
        language: 'pl',
        message: `Cześć ${NAME}!`,
        terms: {
          territories: ['PL'],
          channels: ['paid_social'],
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 90 * DAY).toISOString(),
          derivativesAllowed: true,
        },
      })
      .expect(201)
  ).body;
  const answer = await request(app)
    .post(`${new URL(asked.url).pathname}/accept`)
    .send({ name: NAME, email: EMAIL, agree: true })
    .expect(200);
  const licenseId = answer.body.licenseId as string;
  // A pull with a landing URL: its tracking link tags the URL with the creator's handle (utm_term).
  const performanceKey = (await createApiKey(services.database.db, 'ads tooling', 'performance')).key;
  const pulled = await request(app)
    .post(`/api/v1/ads/${cut.id}/pull`)
    .set('Authorization', `Bearer ${performanceKey}`)
    .send({ channel: 'paid_social', territory: 'PL', campaign: 'spring', landingUrl: 'https://shop.example.com/p/kubek' })
    .expect(200);
  expect(pulled.body.trackedUrl).toContain(`utm_term=${HANDLE}`);
  // A generated code spells the handle (ZOFIAPRIVATE-…).
  const code = (await send('post', `/api/v1/creators/${creator.id}/codes`).send({ campaign: 'spring' }).expect(201)).body;
  expect(code.code).toMatch(/^ZOFIAPRIVATE-[A-Z2-9]{4}$/);
  const page = (await send('post', `/api/v1/creators/${creator.id}/page-link`).send({}).expect(201)).body;
  await request(app)
    .post(`${new URL(page.url).pathname}/takedown`)
    .send({ reason: `Proszę usunąć, ${NAME}` })
    .expect(201);

  const exported = (await send('get', `/api/v1/creators/${creator.id}/export`).expect(200)).body;
  expect(exported.creator).toMatchObject({ id: creator.id, handle: HANDLE, contactEmail: CONTACT });
  expect(exported.assets.map((a: { id: string }) => a.id)).toEqual([asset.id]);
  expect(exported.licenses.map((l: { id: string }) => l.id)).toEqual([licenseId]);
  expect(exported.rightsRequests[0]).toMatchObject({ id: asked.id, evidence: { name: NAME, email: EMAIL } });
  expect(exported.rightsRequests[0]).not.toHaveProperty('linkNonce');
  expect(exported.takedownRequests).toEqual([expect.objectContaining({ reason: `Proszę usunąć, ${NAME}`, status: 'open' })]);
  expect(exported.pageLink).toEqual({ expiresAt: page.expiresAt, createdAt: expect.any(String) });
  expect(exported.codes).toEqual([expect.objectContaining({ id: code.id, code: code.code, campaign: 'spring' })]);
  const files = exported.files.map((f: { key: string }) => f.key);
  expect(files).toEqual(expect.arrayContaining([asset.storageKey, expect.stringMatching(new RegExp(`^licenses/${licenseId}/contracts/`))]));

  for (const needle of [NAME, EMAIL, CONTACT, HANDLE, code.code]) expect(await tablesMentioning(needle)).not.toEqual([]);
  const erased = (await send('post', `/api/v1/creators/${creator.id}/erase`).expect(200)).body;
  expect(erased).toMatchObject({ creatorId: creator.id, assetsDeleted: 1, licensesKept: 1, requestsRedacted: 1, filesRemoved: 1 });

  expect(await storedUnder(`assets/${asset.id}/`)).toEqual([]);
  expect(await storedUnder(`licenses/${licenseId}/`)).toEqual([]);
  await request(app).get(new URL(page.url).pathname).expect(404); // their page link is gone too
  // The tracking link still leads to the shop, tagged with what is left of the creator.
  const redirect = await request(app)
    .get(new URL(pulled.body.trackingLink).pathname)
    .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120')
    .expect(302);
  expect(redirect.headers.location).toContain(`utm_term=erased-${creator.id}`);
  for (const needle of [NAME, EMAIL, CONTACT, HANDLE, code.code]) expect([needle, await tablesMentioning(needle)]).toEqual([needle, []]);
  const codes = (await send('get', `/api/v1/creators/${creator.id}/codes`).expect(200)).body.items;
  expect(codes).toEqual([expect.objectContaining({ id: code.id, code: expect.stringMatching(/^ERASED-[0-9A-F]{16}$/), active: false })]);

  const license = (await send('get', `/api/v1/licenses/${licenseId}`).expect(200)).body;
  expect(license).toMatchObject({ id: licenseId, status: 'active', assetIds: [asset.id], contract: null });
  const request_ = (await send('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body;
  expect(request_.evidence).toEqual({
    method: 'erased',
    acceptedBy: 'link',
    sha256: exported.rightsRequests[0].evidence.sha256,
    acceptedAt: expect.any(String),
  });
  expect((await send('get', `/api/v1/creators/${creator.id}`).expect(200)).body.handle).toBe(`erased-${creator.id}`);

  expect((await send('post', `/api/v1/creators/${creator.id}/erase`).expect(200)).body).toMatchObject({ filesRemoved: 0 }); // again: nothing more
  expect((await send('get', `/api/v1/rights-requests/${asked.id}`).expect(200)).body.evidence).toEqual(request_.evidence);
});
