import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { assets, creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator, insertLicense } from '../core/licensing/fixtures';

/**
 * The Licenses screen's search, filters and orders on GET /api/v1/licenses (state at this
 * moment, channel, territory, creator, words), and its keyset paging in each order, against
 * real rows in PGlite.
 */

let services: Services;
let app: Express;
let adminKey: string;
const DAY = 24 * 60 * 60 * 1000;
const fromNow = (days: number) => new Date(Date.now() + days * DAY);
/** License ids by the situation they were made for. */
const l: Record<string, string> = {};
let ola: string;
let boots: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  const db = services.database.db;
  ola = await insertCreator(db);
  const bartek = await insertCreator(db);
  await db.update(creators).set({ handle: 'ola.sews' }).where(eq(creators.id, ola));
  await db.update(creators).set({ handle: 'bartek_bakes' }).where(eq(creators.id, bartek));
  boots = await insertAsset(db, bartek);
  const tote = await insertAsset(db, ola);
  await db.update(assets).set({ title: 'Winter boots 100%' }).where(eq(assets.id, boots));
  await db.update(assets).set({ title: 'Linen tote' }).where(eq(assets.id, tote));
  const past = fromNow(-100);
  l.active = await insertLicense(db, {
    assetIds: [boots],
    startsAt: past,
    endsAt: null,
    channels: ['paid_social'],
    territories: ['WW'],
    excludedTerritories: ['DE'],
  });
  l.expiring = await insertLicense(db, { assetIds: [tote], startsAt: past, endsAt: fromNow(10), channels: ['product_page'], territories: ['PL'] });
  l.expired = await insertLicense(db, { assetIds: [boots], startsAt: past, endsAt: fromNow(-1), channels: ['email'], territories: ['PL', 'CZ'] });
  l.notStarted = await insertLicense(db, { assetIds: [tote], startsAt: fromNow(5), endsAt: fromNow(200), territories: ['DE'] });
  l.draft = await insertLicense(db, { assetIds: [boots], startsAt: past, endsAt: fromNow(90), status: 'draft' });
  l.revoked = await insertLicense(db, { assetIds: [tote], startsAt: past, endsAt: fromNow(60), status: 'revoked' });
  l.creatorWide = await insertLicense(db, { creatorId: ola, startsAt: fromNow(-3), endsAt: fromNow(400), channels: ['ooh'], territories: ['PL'] });
});
afterAll(() => services.close());

const list = async (query: string, status = 200) =>
  (
    await request(app)
      .get(`/api/v1/licenses?${query.includes('limit=') ? '' : 'limit=100&'}${query}`)
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(status)
  ).body;
const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id).sort();
const expected = (...names: string[]) => names.map((n) => l[n]!).sort();

describe('GET /api/v1/licenses?state=', () => {
  it.each([
    ['active', ['active', 'creatorWide']],
    ['expiring', ['expiring']],
    ['expired', ['expired']],
    ['not_started', ['notStarted']],
    ['draft', ['draft']],
    ['revoked', ['revoked']],
  ])('%s lists exactly the licenses in that state now, each labelled with it', async (state, names) => {
    const body = await list(`state=${state}`);
    expect(idsOf(body)).toEqual(expected(...names));
    for (const item of body.items) expect(item.state).toBe(state);
  });

  it('refuses an unknown state with 400 invalid_state', async () => {
    expect((await list('state=soon', 400)).error.code).toBe('invalid_state');
  });
});

describe('GET /api/v1/licenses filters', () => {
  it('channel lists the licenses granting it', async () => {
    expect(idsOf(await list('channel=ooh'))).toEqual(expected('creatorWide'));
    expect((await list('channel=billboard', 400)).error.code).toBe('invalid_channel');
  });

  it('territory lists licenses covering the country: listed or worldwide, never excluded', async () => {
    expect(idsOf(await list('territory=cz'))).toEqual(expected('active', 'expired'));
    expect(idsOf(await list('territory=DE'))).toEqual(expected('notStarted'));
    expect(idsOf(await list('territory=WW'))).toEqual(expected('active'));
    expect((await list('territory=XX', 400)).error.code).toBe('invalid_territory');
  });

  it('creatorId lists creator-wide licenses and those over their assets', async () => {
    expect(idsOf(await list(`creatorId=${ola}`))).toEqual(expected('expiring', 'notStarted', 'revoked', 'creatorWide'));
  });

  it('combines filters', async () => {
    expect(idsOf(await list(`creatorId=${ola}&state=active&channel=ooh`))).toEqual(expected('creatorWide'));
  });
});

describe('GET /api/v1/licenses?q=', () => {
  it('finds by part of a creator handle, with or without @, for creator-wide and asset licenses', async () => {
    expect(idsOf(await list('q=%40OLA'))).toEqual(expected('expiring', 'notStarted', 'revoked', 'creatorWide'));
  });

  it('finds by part of an asset title, matching % and _ literally', async () => {
    expect(idsOf(await list('q=boots%20100%25'))).toEqual(expected('active', 'expired', 'draft'));
    expect(idsOf(await list('q=bartek_'))).toEqual(expected('active', 'expired', 'draft'));
    expect(idsOf(await list('q=bartek%25'))).toEqual([]);
  });

  it('finds by a whole license id or asset id', async () => {
    expect(idsOf(await list(`q=${l.draft}`))).toEqual(expected('draft'));
    expect(idsOf(await list(`q=${boots.toUpperCase()}`))).toEqual(expected('active', 'expired', 'draft'));
  });

  it('refuses a search over 200 characters with 400 invalid_q', async () => {
    expect((await list(`q=${'a'.repeat(201)}`, 400)).error.code).toBe('invalid_q');
  });
});

describe('GET /api/v1/licenses?sort=', () => {
  /** Every license made above (read when the tests run, after beforeAll). */
  const all = 7;

  it('ends: soonest end first, perpetual last, each page continuing where the last stopped', async () => {
    const seen: Array<{ id: string; endsAt: string | null }> = [];
    let cursor: string | null = null;
    do {
      const body: { items: Array<{ id: string; endsAt: string | null }>; nextCursor: string | null } = await list(
        `sort=ends&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(all);
    expect(new Set(seen.map((s) => s.id)).size).toBe(all);
    expect(seen.at(-1)!.id).toBe(l.active);
    const ends = seen.slice(0, -1).map((s) => Date.parse(s.endsAt!));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  it('starts: latest start first, paged', async () => {
    const first = await list('sort=starts&limit=3');
    const rest = await list(`sort=starts&limit=100&cursor=${first.nextCursor}`);
    const starts = [...first.items, ...rest.items].map((s: { startsAt: string }) => Date.parse(s.startsAt));
    expect(starts).toHaveLength(all);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('created (the default) is newest first', async () => {
    const body = await list('');
    const created = body.items.map((s: { createdAt: string }) => Date.parse(s.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('refuses an unknown order with 400 invalid_sort', async () => {
    expect((await list('sort=title', 400)).error.code).toBe('invalid_sort');
  });
});
