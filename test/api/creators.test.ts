import type { Express } from 'express';
import request from 'supertest';
import { count } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

let services: Services;
let app: Express;
let managerKey: string;
let viewerKey: string;
let performanceKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  managerKey = (await createApiKey(db, 'manager', 'content_manager')).key;
  viewerKey = (await createApiKey(db, 'viewer', 'viewer')).key;
  performanceKey = (await createApiKey(db, 'performance', 'performance')).key;
});
afterAll(() => services.close());

const as = (key: string) => (req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const creatorCount = async () => (await services.database.db.select({ n: count() }).from(creators))[0]!.n;
const post = (body: unknown, key = managerKey) => as(key)(request(app).post('/api/v1/creators')).send(body as object);

describe('POST /api/v1/creators', () => {
  it('creates a creator with the tier derived from followers, handle normalised', async () => {
    const res = await post({ handle: '@Anna.Makes', platform: 'TikTok', followers: 10_000, engagementRate: 0.042 }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      handle: 'anna.makes',
      platform: 'tiktok',
      followers: 10_000,
      engagementRate: 0.042,
      contactEmail: null,
      tier: 'micro',
      createdAt: expect.any(String),
    });
  });

  it.each([
    [999, 'none'],
    [1_000, 'nano'],
    [100_000, 'macro'],
    [1_000_000, 'mega'],
  ])('%d followers → %s', async (followers, tier) => {
    const res = await post({ handle: `tier_${followers}`, platform: 'instagram', followers }).expect(201);
    expect(res.body).toMatchObject({ tier, engagementRate: null });
  });

  it('the same handle on the same platform → 409 creator_exists, however it is written', async () => {
    await post({ handle: 'twin', platform: 'youtube', followers: 50 }).expect(201);
    const before = await creatorCount();
    const res = await post({ handle: '@TWIN', platform: 'YouTube', followers: 60 }).expect(409);
    expect(res.body.error.code).toBe('creator_exists');
    expect(await creatorCount()).toBe(before);
    await post({ handle: 'twin', platform: 'tiktok', followers: 60 }).expect(201); // another platform is another creator
  });

  it.each([
    ['no handle', { platform: 'tiktok', followers: 1 }, 'invalid_handle'],
    ['an empty handle', { handle: '@', platform: 'tiktok', followers: 1 }, 'invalid_handle'],
    ['a handle with spaces', { handle: 'anna makes', platform: 'tiktok', followers: 1 }, 'invalid_handle'],
    ['no platform', { handle: 'x1', followers: 1 }, 'invalid_platform'],
    ['a platform with spaces', { handle: 'x1', platform: 'tik tok', followers: 1 }, 'invalid_platform'],
    ['negative followers', { handle: 'x1', platform: 'tiktok', followers: -1 }, 'invalid_followers'],
    ['fractional followers', { handle: 'x1', platform: 'tiktok', followers: 1.5 }, 'invalid_followers'],
    ['followers as words (a number typed as a string, "1000", is read)', { handle: 'x1', platform: 'tiktok', followers: 'a thousand' }, 'invalid_followers'],
    ['followers beyond the column', { handle: 'x1', platform: 'tiktok', followers: 3e9 }, 'invalid_followers'],
    ['an engagement rate in percent', { handle: 'x1', platform: 'tiktok', followers: 1, engagementRate: 4.2 }, 'invalid_engagement_rate'],
  ])('%s → 422 with a code naming the field, nothing stored', async (_name, body, code) => {
    const before = await creatorCount();
    const res = await post(body).expect(422);
    expect(res.body.error.code).toBe(code);
    expect(await creatorCount()).toBe(before);
  });

  it('only admins and content managers may create', async () => {
    await post({ handle: 'by_viewer', platform: 'tiktok', followers: 1 }, viewerKey).expect(403);
    await post({ handle: 'by_perf', platform: 'tiktok', followers: 1 }, performanceKey).expect(403);
    await request(app).post('/api/v1/creators').send({ handle: 'anon', platform: 'tiktok', followers: 1 }).expect(401);
  });
});

describe('GET /api/v1/creators', () => {
  it('reads one by id, for any authenticated caller', async () => {
    const created = (await post({ handle: 'readable', platform: 'tiktok', followers: 2_000 }).expect(201)).body;
    const res = await as(viewerKey)(request(app).get(`/api/v1/creators/${created.id}`)).expect(200);
    expect(res.body).toEqual(created);
  });

  it('unknown id → 404 creator_not_found; malformed id → 400 invalid_id', async () => {
    const missing = await as(viewerKey)(request(app).get('/api/v1/creators/00000000-0000-4000-8000-000000000000')).expect(404);
    expect(missing.body.error.code).toBe('creator_not_found');
    const malformed = await as(viewerKey)(request(app).get('/api/v1/creators/42')).expect(400);
    expect(malformed.body.error.code).toBe('invalid_id');
  });

  it('lists every creator once across pages, newest first', async () => {
    for (let i = 0; i < 5; i++) await post({ handle: `paged_${i}`, platform: 'pinterest', followers: i }).expect(201);
    const total = await creatorCount();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await as(viewerKey)(
        request(app)
          .get('/api/v1/creators')
          .query({ limit: 4, ...(cursor ? { cursor } : {}) }),
      ).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.items.map((c: { id: string; handle: string }) => `${c.handle}/${c.id}`));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, 5).map((s) => s.split('/')[0])).toEqual(['paged_4', 'paged_3', 'paged_2', 'paged_1', 'paged_0']);
  });

  it('a bad limit or cursor → 400 naming it', async () => {
    expect((await as(viewerKey)(request(app).get('/api/v1/creators?limit=0')).expect(400)).body.error.code).toBe('invalid_limit');
    expect((await as(viewerKey)(request(app).get('/api/v1/creators?cursor=abc')).expect(400)).body.error.code).toBe('invalid_cursor');
  });
});

describe('look-alike handles are one creator', () => {
  it('anna, ＡＮＮＡ and ＠Anna are the same handle: stored as anna, then 409 creator_exists', async () => {
    const first = await post({ handle: 'ＡＮＮＡ', platform: 'youtube', followers: 2_000 }).expect(201);
    expect(first.body.handle).toBe('anna');
    for (const handle of ['anna', '＠Anna', 'Ａnna']) {
      expect((await post({ handle, platform: 'youtube', followers: 2_000 }).expect(409)).body.error.code).toBe('creator_exists');
    }
  });

  it.each([
    ['a zero-width space', 'anna\u200b'],
    ['a right-to-left override', '\u202eanna'],
    ['an isolate', '\u2066anna\u2069'],
    ['a byte-order mark', '\ufeffanna'],
    ['a soft hyphen', 'an\u00adna'],
    ['a control character', 'anna\u0007'],
    ['a NUL', 'anna\u0000'],
    ['a Hangul filler', 'anna\u3164'],
  ])('a handle with %s → 422, nothing stored', async (_what, handle) => {
    const before = await creatorCount();
    const res = await post({ handle, platform: 'youtube', followers: 2_000 }).expect(422);
    expect(['invalid_handle', 'invalid_characters']).toContain(res.body.error.code);
    expect(await creatorCount()).toBe(before);
  });

  it('a stored look-alike from before handles were normalised blocks the plain handle', async () => {
    // Rows written before this check existed, straight into the table.
    const [legacy] = await services.database.db.insert(creators).values({ handle: 'ｂｏｂ\u200b', platform: 'instagram', followers: 5_000 }).returning();
    const res = await post({ handle: 'bob', platform: 'instagram', followers: 5_000 }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'creator_exists', details: { creatorId: legacy!.id } });
    // Another platform is another namespace.
    await post({ handle: 'bob', platform: 'tiktok', followers: 5_000 }).expect(201);
  });

  it('racing requests for look-alike handles create one creator', async () => {
    const handles = ['carol', 'CAROL', 'ｃａｒｏｌ', '@carol', 'Carol', 'ＣＡＲＯＬ'];
    const results = await Promise.all(handles.map((handle) => post({ handle, platform: 'twitch', followers: 1_500 })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});
