import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { Asset, Rendition } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { addAsset, addCreator, addCut, addLicense } from '../core/ads/rights-fixtures';
import { startS3rver, type S3rverHandle } from '../helpers/s3rver';
import { openTestServices } from '../helpers/test-services';

const DAY = 24 * 3600_000;
let services: Services;
let app: Express;
const keys = { admin: '', performance: '', performanceId: '', viewer: '' };
const seeded: { licensed?: Asset; noEdits?: Asset; polishOnly?: Asset; processing?: Asset } = {};
const cuts: Record<string, Rendition> = {};

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  keys.admin = (await ensureAdminKey(services)).key!;
  const performance = await createApiKey(services.database.db, 'ads team', 'performance');
  keys.performance = performance.key;
  keys.performanceId = performance.id;
  keys.viewer = (await createApiKey(services.database.db, 'auditor', 'viewer')).key;

  const db = services.database.db;
  const { storage } = services;
  const creator = await addCreator(db);
  seeded.licensed = await addAsset(db, storage, { creatorId: creator.id, skus: ['SKU-A'] });
  seeded.noEdits = await addAsset(db, storage, { creatorId: creator.id, skus: ['SKU-B'] });
  seeded.polishOnly = await addAsset(db, storage, { creatorId: creator.id, skus: ['SKU-A'] });
  seeded.processing = await addAsset(db, storage, { creatorId: creator.id, skus: ['SKU-A'], status: 'processing' });
  cuts.vertical = await addCut(db, storage, seeded.licensed.id, '9:16', 15);
  cuts.square = await addCut(db, storage, seeded.licensed.id, '1:1', 6);
  cuts.noEdits = await addCut(db, storage, seeded.noEdits.id);
  cuts.polish = await addCut(db, storage, seeded.polishOnly.id);
  cuts.processing = await addCut(db, storage, seeded.processing.id);
  await addLicense(db, { assetIds: [seeded.licensed.id], endsAt: new Date(Date.now() + 30 * DAY), disclosureRequired: true });
  await addLicense(db, { assetIds: [seeded.noEdits.id], derivativesAllowed: false });
  await addLicense(db, { assetIds: [seeded.polishOnly.id], territories: ['PL'] });
  await addLicense(db, { assetIds: [seeded.processing.id] });
});
afterAll(() => services.close());

const cutIds = (body: { items: Array<{ cutId: string }> }) => body.items.map((i) => i.cutId).sort();

describe('GET /api/v1/ads', () => {
  it('lists the cuts licensed as edits for the channel and territory', async () => {
    const res = await as(keys.performance, request(app).get('/api/v1/ads?channel=paid_social&territory=DE')).expect(200);
    expect(cutIds(res.body)).toEqual([cuts.vertical!.id, cuts.square!.id].sort());
    const vertical = res.body.items.find((i: { cutId: string }) => i.cutId === cuts.vertical!.id);
    expect(vertical).toEqual({
      cutId: cuts.vertical!.id,
      assetId: seeded.licensed!.id,
      aspect: '9:16',
      durationS: 15,
      width: 1080,
      height: 1920,
      format: 'mp4',
      disclosure: null,
      license: { id: expect.any(String), endsAt: expect.any(String), disclosureRequired: true, attributionRequired: false },
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('honours territory, aspect, duration, product and instant', async () => {
    const get = async (query: string) => cutIds((await as(keys.viewer, request(app).get(`/api/v1/ads?${query}`)).expect(200)).body);
    expect(await get('channel=paid_social&territory=pl')).toEqual([cuts.vertical!.id, cuts.square!.id, cuts.polish!.id].sort());
    expect(await get('channel=paid_social&territory=DE&aspect=1:1')).toEqual([cuts.square!.id]);
    expect(await get('channel=paid_social&territory=DE&durationS=15')).toEqual([cuts.vertical!.id]);
    expect(await get('channel=paid_social&territory=PL&product=SKU-B')).toEqual([]);
    expect(await get('channel=email&territory=DE')).toEqual([]);
    const after = new Date(Date.now() + 31 * DAY).toISOString();
    expect(await get(`channel=paid_social&territory=DE&at=${encodeURIComponent(after)}`)).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await as(keys.viewer, request(app).get('/api/v1/ads?channel=paid_social&territory=PL&limit=2')).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await as(keys.viewer, request(app).get(`/api/v1/ads?channel=paid_social&territory=PL&limit=2&cursor=${first.body.nextCursor}`)).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(cutIds({ items: [...first.body.items, ...second.body.items] })).toEqual([cuts.vertical!.id, cuts.square!.id, cuts.polish!.id].sort());
  });

  it.each([
    ['channel=tv&territory=PL', 'invalid_channel'],
    ['territory=PL', 'invalid_channel'],
    ['channel=paid_social', 'invalid_territory'],
    ['channel=paid_social&territory=XX', 'invalid_territory'],
    ['channel=paid_social&territory=PL&at=yesterday', 'invalid_at'],
    ['channel=paid_social&territory=PL&cursor=bogus', 'invalid_cursor'],
  ])('?%s → 400 %s', async (query, code) => {
    const res = await as(keys.performance, request(app).get(`/api/v1/ads?${query}`)).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('needs a key', async () => {
    expect((await request(app).get('/api/v1/ads?channel=paid_social&territory=PL').expect(401)).body.error.code).toBe('missing_api_key');
  });
});

describe('POST /api/v1/ads/:cutId/pull', () => {
  it('grants a short-lived URL to the cut and records the pull', async () => {
    const before = Date.now();
    const res = await as(keys.performance, request(app).post(`/api/v1/ads/${cuts.vertical!.id}/pull`))
      .send({ channel: 'paid_social', territory: 'DE', campaign: 'spring-sale' })
      .expect(200);
    expect(res.body).toEqual({
      url: expect.stringContaining('/files/'),
      expiresAt: expect.any(String),
      usageId: expect.any(String),
      license: expect.objectContaining({ disclosureRequired: true }),
    });
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(before + 290_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 300_000);
    const file = await request(app).get(res.body.url).expect(200);
    expect(file.body.toString()).toBe(`cut ${cuts.vertical!.id}`);
    expect(file.headers['content-disposition']).toContain(`${seeded.licensed!.id}-9x16-15s.mp4`);

    const ledger = await as(keys.viewer, request(app).get(`/api/v1/usage?assetId=${seeded.licensed!.id}`)).expect(200);
    expect(ledger.body.items).toContainEqual({
      id: res.body.usageId,
      outcome: 'granted',
      reasons: [],
      apiKeyId: keys.performanceId,
      assetId: seeded.licensed!.id,
      cutId: cuts.vertical!.id,
      licenseId: res.body.license.id,
      channel: 'paid_social',
      territory: 'DE',
      campaign: 'spring-sale',
      at: expect.any(String),
    });
  });

  it('never lets the URL outlive the license', async () => {
    const db = services.database.db;
    const asset = await addAsset(db, services.storage, { creatorId: seeded.licensed!.creatorId });
    const cut = await addCut(db, services.storage, asset.id);
    const license = await addLicense(db, { assetIds: [asset.id], endsAt: new Date(Date.now() + 100_500) });
    const res = await as(keys.admin, request(app).post(`/api/v1/ads/${cut.id}/pull`))
      .send({ channel: 'paid_video', territory: 'US' })
      .expect(200);
    expect(Date.parse(res.body.expiresAt)).toBeLessThanOrEqual(license.endsAt!.getTime());
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now() + 95_000);
    expect(res.body.license).toEqual({ id: license.id, endsAt: license.endsAt!.toISOString(), disclosureRequired: false, attributionRequired: false });
  });

  it('refuses with the rights reason, records the refusal, and gives no URL', async () => {
    const res = await as(keys.performance, request(app).post(`/api/v1/ads/${cuts.noEdits!.id}/pull`))
      .send({ channel: 'paid_social', territory: 'PL', campaign: 'c1' })
      .expect(403);
    expect(res.body.error).toMatchObject({ code: 'derivatives_not_allowed', details: { reasons: ['derivatives_not_allowed'] } });
    expect(res.body.url).toBeUndefined();
    const geo = await as(keys.performance, request(app).post(`/api/v1/ads/${cuts.polish!.id}/pull`))
      .send({ channel: 'email', territory: 'DE' })
      .expect(403);
    expect(geo.body.error.code).toBe('channel_not_granted');
    expect(geo.body.error.details.reasons).toEqual(['channel_not_granted', 'territory_not_granted']);

    const refused = await as(keys.viewer, request(app).get(`/api/v1/usage?assetId=${seeded.noEdits!.id}&outcome=refused`)).expect(200);
    expect(refused.body.items).toEqual([
      expect.objectContaining({
        id: res.body.error.details.usageId,
        outcome: 'refused',
        reasons: ['derivatives_not_allowed'],
        licenseId: null,
        campaign: 'c1',
        cutId: cuts.noEdits!.id,
      }),
    ]);
  });

  it.each([
    ['an unknown cut', 404, 'cut_not_found', () => `/api/v1/ads/00000000-0000-4000-8000-000000000000/pull`, { channel: 'paid_social', territory: 'PL' }],
    ['a malformed id', 400, 'invalid_cut_id', () => '/api/v1/ads/not-a-uuid/pull', { channel: 'paid_social', territory: 'PL' }],
    ['an unknown channel', 422, 'invalid_channel', () => `/api/v1/ads/${cuts.vertical!.id}/pull`, { channel: 'tv', territory: 'PL' }],
    ['an unknown country', 422, 'invalid_territory', () => `/api/v1/ads/${cuts.vertical!.id}/pull`, { channel: 'paid_social', territory: 'ZZ' }],
    ['no territory', 422, 'invalid_territory', () => `/api/v1/ads/${cuts.vertical!.id}/pull`, { channel: 'paid_social' }],
    ['an empty campaign', 422, 'invalid_campaign', () => `/api/v1/ads/${cuts.vertical!.id}/pull`, { channel: 'paid_social', territory: 'PL', campaign: ' ' }],
    [
      'an invisible campaign',
      422,
      'invalid_campaign',
      () => `/api/v1/ads/${cuts.vertical!.id}/pull`,
      { channel: 'paid_social', territory: 'PL', campaign: '\u200b\u2060' },
    ],
    [
      'a campaign reordered by a bidi override',
      422,
      'invalid_campaign',
      () => `/api/v1/ads/${cuts.vertical!.id}/pull`,
      { channel: 'paid_social', territory: 'PL', campaign: 'spring\u202egnirps' },
    ],
    [
      'a campaign on two lines',
      422,
      'invalid_campaign',
      () => `/api/v1/ads/${cuts.vertical!.id}/pull`,
      { channel: 'paid_social', territory: 'PL', campaign: 'spring\nsale' },
    ],
  ])('%s → %i %s', async (_what, status, code, path, body) => {
    const res = await as(keys.performance, request(app).post(path())).send(body).expect(status);
    expect(res.body.error.code).toBe(code);
  });

  it('is for performance teams (and admins)', async () => {
    const res = await as(keys.viewer, request(app).post(`/api/v1/ads/${cuts.vertical!.id}/pull`))
      .send({ channel: 'paid_social', territory: 'PL' })
      .expect(403);
    expect(res.body.error.code).toBe('forbidden_role');
  });
});

describe('GET /api/v1/usage', () => {
  it('pages the ledger newest first and filters it', async () => {
    for (const campaign of ['p1', 'p2', 'p3']) {
      await as(keys.performance, request(app).post(`/api/v1/ads/${cuts.square!.id}/pull`))
        .send({ channel: 'paid_social', territory: 'FR', campaign })
        .expect(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await as(
        keys.viewer,
        request(app).get(`/api/v1/usage?assetId=${seeded.licensed!.id}&outcome=granted&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      ).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { campaign: string }) => i.campaign));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual(['p3', 'p2', 'p1']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ['outcome=maybe', 'invalid_outcome'],
    ['assetId=nope', 'invalid_asset_id'],
    ['cursor=AAAA', 'invalid_cursor'],
    ['limit=0', 'invalid_limit'],
  ])('?%s → 400 %s', async (query, code) => {
    expect((await as(keys.viewer, request(app).get(`/api/v1/usage?${query}`)).expect(400)).body.error.code).toBe(code);
  });
});

describe('pull on S3 storage', () => {
  let s3: S3rverHandle;
  let s3Services: Services;
  beforeAll(async () => {
    s3 = await startS3rver();
    s3Services = await openTestServices({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'ads-test',
    });
  });
  afterAll(async () => {
    await s3Services.close();
    await s3.stop();
  });

  it('grants a presigned URL that expires with the license', async () => {
    const db = s3Services.database.db;
    const creator = await addCreator(db);
    const asset = await addAsset(db, s3Services.storage, { creatorId: creator.id });
    const cut = await addCut(db, s3Services.storage, asset.id);
    await addLicense(db, { assetIds: [asset.id], endsAt: new Date(Date.now() + 60_000) });
    const key = await createApiKey(db, 'ads', 'performance');
    const res = await request(createApp(s3Services))
      .post(`/api/v1/ads/${cut.id}/pull`)
      .set('Authorization', `Bearer ${key.key}`)
      .send({ channel: 'paid_social', territory: 'PL' })
      .expect(200);
    const url = new URL(res.body.url);
    expect(url.origin).toBe(s3.endpoint);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(60);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(`cut ${cut.id}`);
  });
});
