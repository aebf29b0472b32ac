import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { assets, renditions, type NewRendition } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator, insertLicense } from '../core/licensing/fixtures';

/**
 * The library's filters on GET /api/v1/assets (license state, channel, words) and what each
 * listed item carries for a grid (thumbnail, license state), against real rows in PGlite.
 */

let services: Services;
let app: Express;
let adminKey: string;
const DAY = 24 * 60 * 60 * 1000;
const fromNow = (ms: number) => new Date(Date.now() + ms);
/** Asset ids by the situation they were made for. */
const a: Record<string, string> = {};

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  const db = services.database.db;
  const creator = await insertCreator(db);
  const licensedCreator = await insertCreator(db);
  for (const name of ['perpetual', 'endingSoon', 'ended', 'unlicensed', 'draftOnly', 'notStarted', 'soonAndLong', 'revokedOnly']) {
    a[name] = await insertAsset(db, creator);
  }
  a.creatorWide = await insertAsset(db, licensedCreator);
  const past = fromNow(-100 * DAY);
  await insertLicense(db, { assetIds: [a.perpetual!], startsAt: past, endsAt: null, channels: ['paid_social'] });
  await insertLicense(db, { assetIds: [a.endingSoon!, a.soonAndLong!], startsAt: past, endsAt: fromNow(10 * DAY), channels: ['product_page'] });
  await insertLicense(db, { assetIds: [a.soonAndLong!], startsAt: past, endsAt: fromNow(300 * DAY), channels: ['email'] });
  await insertLicense(db, { assetIds: [a.ended!], startsAt: past, endsAt: fromNow(-DAY), channels: ['product_page'] });
  await insertLicense(db, { assetIds: [a.draftOnly!], startsAt: past, endsAt: null, status: 'draft' });
  await insertLicense(db, { assetIds: [a.revokedOnly!], startsAt: past, endsAt: null, status: 'revoked' });
  await insertLicense(db, { assetIds: [a.notStarted!], startsAt: fromNow(5 * DAY), endsAt: null });
  await insertLicense(db, { creatorId: licensedCreator, startsAt: past, endsAt: fromNow(60 * DAY), channels: ['ooh', 'product_page'] });
  await db.update(assets).set({ title: 'Summer sale — beach 100% cotton' }).where(eq(assets.id, a.perpetual!));
  await db.update(assets).set({ title: 'Winter boots', originalFilename: 'summer-unboxing.mp4' }).where(eq(assets.id, a.ended!));
});
afterAll(() => services.close());

const list = async (query: string, status = 200) =>
  (await request(app).get(`/api/v1/assets?limit=100&${query}`).set('Authorization', `Bearer ${adminKey}`).expect(status)).body;
const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id).sort();
const expected = (...names: string[]) => names.map((n) => a[n]!).sort();

describe('GET /api/v1/assets?licenseState=', () => {
  it.each([
    ['active', ['perpetual', 'soonAndLong', 'creatorWide']],
    ['expiring', ['endingSoon']],
    ['expired', ['ended']],
    ['none', ['unlicensed', 'draftOnly', 'notStarted', 'revokedOnly']],
  ])('%s lists exactly the assets in that state, each item labelled with it', async (state, names) => {
    const body = await list(`licenseState=${state}`);
    expect(idsOf(body)).toEqual(expected(...names));
    for (const item of body.items) expect(item.licenseState).toBe(state);
  });

  it('splits the library: the four states together list every asset once', async () => {
    const all = idsOf(await list(''));
    const parts = await Promise.all(['active', 'expiring', 'expired', 'none'].map(async (s) => idsOf(await list(`licenseState=${s}`))));
    expect(parts.flat().sort()).toEqual(all);
  });

  it('refuses an unknown state with 400 invalid_license_state', async () => {
    const body = await list('licenseState=soon', 400);
    expect(body.error.code).toBe('invalid_license_state');
  });
});

describe('GET /api/v1/assets?channel=', () => {
  it('lists assets a license in force grants the channel: not under an ended, draft or future one', async () => {
    expect(idsOf(await list('channel=product_page'))).toEqual(expected('endingSoon', 'soonAndLong', 'creatorWide'));
    expect(idsOf(await list('channel=paid_social'))).toEqual(expected('perpetual'));
    expect(idsOf(await list('channel=pos'))).toEqual([]);
  });

  it('combines with the license state', async () => {
    expect(idsOf(await list('channel=product_page&licenseState=expiring'))).toEqual(expected('endingSoon'));
  });

  it('refuses an unknown channel with 400 invalid_channel', async () => {
    expect((await list('channel=billboard', 400)).error.code).toBe('invalid_channel');
  });
});

describe('GET /api/v1/assets?q=', () => {
  it('finds words in the title or the original file name, in any case', async () => {
    expect(idsOf(await list('q=SUMMER'))).toEqual(expected('perpetual', 'ended'));
    expect(idsOf(await list('q=summer%20beach'))).toEqual(expected('perpetual'));
    expect(idsOf(await list('q=unboxing'))).toEqual(expected('ended'));
  });

  it('treats LIKE wildcards as the characters themselves', async () => {
    expect(idsOf(await list('q=100%25'))).toEqual(expected('perpetual'));
    expect(idsOf(await list('q=%25'))).toEqual(expected('perpetual'));
    expect(idsOf(await list('q=_'))).toEqual([]);
  });
});

describe('listed items carry a thumbnail', () => {
  const rendition = (assetId: string, kind: 'image' | 'poster' | 'crop', format: string, width: number): NewRendition => ({
    assetId,
    kind,
    spec: { kind, width, format },
    specHash: `${kind}-${format}-${width}`,
    format,
    width,
    height: width,
    sizeBytes: 100,
    storageKey: `assets/${assetId}/renditions/${kind}-${width}.${format}`,
  });

  it('is the narrowest WebP width variant of an image, the poster of a video, null before any rendition', async () => {
    await services.database.db
      .insert(renditions)
      .values([
        rendition(a.perpetual!, 'image', 'webp', 640),
        rendition(a.perpetual!, 'image', 'avif', 320),
        rendition(a.perpetual!, 'image', 'jpeg', 320),
        rendition(a.perpetual!, 'image', 'webp', 320),
        rendition(a.perpetual!, 'crop', 'webp', 100),
        rendition(a.ended!, 'poster', 'webp', 1280),
      ]);
    const items = new Map<string, { thumbnailUrl: string | null }>((await list('')).items.map((i: { id: string; thumbnailUrl: string | null }) => [i.id, i]));
    expect(items.get(a.perpetual!)!.thumbnailUrl).toContain(`/assets/${a.perpetual}/renditions/image-320.webp`);
    expect(items.get(a.ended!)!.thumbnailUrl).toContain(`/assets/${a.ended}/renditions/poster-1280.webp`);
    expect(items.get(a.unlicensed!)!.thumbnailUrl).toBeNull();
  });
});
