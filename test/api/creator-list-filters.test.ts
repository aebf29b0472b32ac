import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

/** The Creators screen's search, filters and orders on GET /api/v1/creators, with keyset paging, against PGlite. */

let services: Services;
let app: Express;
let adminKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  await services.database.db.insert(creators).values([
    { handle: 'ola.sews', platform: 'instagram', followers: 12_000, engagementRate: 0.05 },
    { handle: 'bartek_bakes', platform: 'tiktok', followers: 3_000, engagementRate: 0.09 },
    { handle: 'ana.runs', platform: 'tiktok', followers: 1_500_000, engagementRate: null },
    { handle: 'zosia', platform: 'youtube', followers: 999, engagementRate: 0.01 },
    { handle: 'olek', platform: 'tiktok', followers: 100_000, engagementRate: 0.02 },
  ]);
});
afterAll(() => services.close());

const list = async (query: string, status = 200) =>
  (await request(app).get(`/api/v1/creators?${query}`).set('Authorization', `Bearer ${adminKey}`).expect(status)).body;
const handles = (body: { items: Array<{ handle: string }> }) => body.items.map((c) => c.handle);

describe('GET /api/v1/creators filters', () => {
  it('q finds part of a handle, any case, with or without @; % and _ are literal', async () => {
    expect(handles(await list('q=%40OL&sort=handle'))).toEqual(['ola.sews', 'olek']);
    expect(handles(await list('q=k_b'))).toEqual(['bartek_bakes']);
    expect(handles(await list('q=%25'))).toEqual([]);
  });

  it('platform and tier filter, tier by the same floors as the tier shown', async () => {
    expect(handles(await list('platform=TikTok&sort=handle'))).toEqual(['ana.runs', 'bartek_bakes', 'olek']);
    expect(handles(await list('tier=micro'))).toEqual(['ola.sews']);
    expect(handles(await list('tier=macro'))).toEqual(['olek']);
    expect(handles(await list('tier=none'))).toEqual(['zosia']);
    const mega = await list('tier=mega&platform=tiktok');
    expect(handles(mega)).toEqual(['ana.runs']);
    expect(mega.items[0].tier).toBe('mega');
  });

  it.each([
    ['tier=giant', 'invalid_tier'],
    ['sort=age', 'invalid_sort'],
    ['platform=%20', 'invalid_platform'],
    [`q=${'a'.repeat(201)}`, 'invalid_q'],
  ])('refuses %s with 400 %s', async (query, code) => {
    expect((await list(query, 400)).error.code).toBe(code);
  });
});

describe('GET /api/v1/creators?sort=', () => {
  /** Every page in turn, two at a time, so the cursor is used in each order. */
  async function allPages(sort: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: Array<{ handle: string }>; nextCursor: string | null } = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...handles(body));
      cursor = body.nextCursor;
    } while (cursor);
    return seen;
  }

  it.each([
    ['followers', ['ana.runs', 'olek', 'ola.sews', 'bartek_bakes', 'zosia']],
    ['engagement', ['bartek_bakes', 'ola.sews', 'olek', 'zosia', 'ana.runs']],
    ['handle', ['ana.runs', 'bartek_bakes', 'ola.sews', 'olek', 'zosia']],
    ['newest', ['olek', 'zosia', 'ana.runs', 'bartek_bakes', 'ola.sews']],
  ])('%s orders every creator once across pages', async (sort, order) => {
    const seen = await allPages(sort);
    if (sort === 'newest') {
      // Inserted in one statement, they share a creation time: newest first then falls to the id.
      expect([...seen].sort()).toEqual([...order].sort());
    } else {
      expect(seen).toEqual(order);
    }
  });
});
