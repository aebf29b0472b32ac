import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { licenses, type Asset, type License, type Rendition } from '../../core/db';
import { S3_URL_BUCKET_S } from '../../core/gallery/gallery-view';
import { LICENSE_ANSWER_TTL_MS } from '../../core/licensing/license-answer-cache';
import type { Services } from '../../core/runtime/services';
import { signFileUrl } from '../../core/storage';
import { addAsset, addCreator, addCut, addLicense, addRendition } from '../core/ads/rights-fixtures';
import { startS3rver, type S3rverHandle } from '../helpers/s3rver';
import { openTestServices } from '../helpers/test-services';

/**
 * Issue 11, "never a download that outlives the license": links to licensed content handed out
 * while a license allowed it (the public gallery's files, an ad pull, the asset view's cut
 * previews) stop working the moment the license no longer allows what they were given for, not
 * when they expire (up to two hours later for the gallery). Real PGlite, Redis and fs storage;
 * the license is changed through the API and every link is fetched through the app.
 */
let services: Services;
let app: Express;
const keys = { manager: '', performance: '' };
const DAY = 24 * 3600_000;

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);

type Links = { gallery: string[]; pull: string; preview: string[]; unlicensed: string };
type Licensed = { asset: Asset; cut: Rendition; cutPoster: Rendition; poster: Rendition; license: License; sku: string };

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  keys.manager = (await createApiKey(db, 'library team', 'content_manager')).key;
  keys.performance = (await createApiKey(db, 'ads team', 'performance')).key;
});
afterAll(() => services.close());

let n = 0;
/** A ready video with a cut, its poster and the original's poster, licensed for paid social and product pages in Poland for 30 days. */
async function licensedVideo(over: 'asset' | 'creator' = 'asset'): Promise<Licensed> {
  const db = services.database.db;
  const sku = `SKU-REVOKED-${++n}`;
  const creator = await addCreator(db);
  const asset = await addAsset(db, services.storage, { creatorId: creator.id, skus: [sku] });
  const cut = await addCut(db, services.storage, asset.id);
  const cutPoster = await addRendition(db, services.storage, { assetId: asset.id, kind: 'cut_poster', spec: cut.spec, format: 'webp' });
  const poster = await addRendition(db, services.storage, { assetId: asset.id, kind: 'poster', spec: { width: 1080 }, format: 'jpeg' });
  const terms = { territories: ['PL'], channels: ['paid_social' as const, 'product_page' as const], endsAt: new Date(Date.now() + 30 * DAY) };
  const license = await addLicense(db, over === 'asset' ? { assetIds: [asset.id], ...terms } : { creatorId: creator.id, ...terms });
  return { asset, cut, cutPoster, poster, license, sku };
}

/** Every link the app hands out for the video: licensed ones from three routes, and the original's poster, which is not licensed-only. */
async function linksTo(v: Licensed): Promise<Links> {
  const shown = (await request(app).get(`/public/v1/products/${v.sku}/gallery?territory=PL`).expect(200)).body.items;
  expect(shown).toHaveLength(1);
  const { original, posters } = shown[0].renditions as { original: { url: string }; posters: Array<{ url: string }> };
  const pulled = await as(keys.performance, request(app).post(`/api/v1/ads/${v.cut.id}/pull`))
    .send({ channel: 'paid_social', territory: 'PL' })
    .expect(200);
  const view = (await as(keys.manager, request(app).get(`/api/v1/assets/${v.asset.id}`)).expect(200)).body.renditions as Array<{ id: string; url: string }>;
  const urlOf = (id: string) => view.find((r) => r.id === id)!.url;
  return {
    gallery: [original.url, ...posters.map((p) => p.url)],
    pull: pulled.body.url as string,
    preview: [urlOf(v.cut.id), urlOf(v.cutPoster.id)],
    unlicensed: urlOf(v.poster.id),
  };
}

const all = (links: Links): string[] => [...links.gallery, links.pull, ...links.preview];

/** Status and error code of a GET of each link, for one readable comparison. */
async function fetchEach(urls: readonly string[]): Promise<Array<[number, string | null]>> {
  const results: Array<[number, string | null]> = [];
  for (const url of urls) {
    const res = await request(app).get(url);
    results.push([res.status, res.status === 200 ? null : (res.body.error?.code ?? null)]);
  }
  return results;
}

const served = (count: number) => Array.from({ length: count }, () => [200, null]);
const refused = (count: number) => Array.from({ length: count }, () => [403, 'license_not_in_force']);

const revoke = (license: License) =>
  as(keys.manager, request(app).post(`/api/v1/licenses/${license.id}/revoke`))
    .send({ reason: 'creator withdrew consent' })
    .expect(200);
const patch = (license: License, body: Record<string, unknown>) =>
  as(keys.manager, request(app).patch(`/api/v1/licenses/${license.id}`))
    .send(body)
    .expect(200);

describe('links to licensed content die with the license, not at their expiry', () => {
  it('revoked: gallery, ad pull and cut preview links are refused at once; the original’s poster is not licensed-only and stays', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    expect(links.gallery).toHaveLength(2);
    for (const url of all(links)) expect(new URL(url, 'http://x').searchParams.get('lic')).toBe(v.license.id);
    expect(new URL(links.unlicensed, 'http://x').searchParams.has('lic')).toBe(false);
    expect(await fetchEach([...all(links), links.unlicensed])).toEqual(served(6));

    await revoke(v.license);
    expect(await fetchEach(all(links))).toEqual(refused(5));
    await request(app).head(links.pull).expect(403);
    await request(app).get(links.preview[0]!).set('Range', 'bytes=0-3').expect(403);
    expect(await fetchEach([links.unlicensed])).toEqual(served(1));
    // The gallery cached before the revoke is not served again (dropGalleriesOnWrite): no new links either.
    expect((await request(app).get(`/public/v1/products/${v.sku}/gallery?territory=PL`).expect(200)).body.items).toEqual([]);
  });

  it('a license over the creator’s assets binds its links the same way', async () => {
    const v = await licensedVideo('creator');
    const links = await linksTo(v);
    expect(await fetchEach(all(links))).toEqual(served(5));
    await revoke(v.license);
    expect(await fetchEach(all(links))).toEqual(refused(5));
  });

  it('ended now by a PATCH of endsAt: refused at once, though each link was signed to live minutes or hours more', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    for (const url of all(links)) expect(Number(new URL(url, 'http://x').searchParams.get('expires')) * 1000).toBeGreaterThan(Date.now() + 60_000);
    expect(await fetchEach(all(links))).toEqual(served(5));

    await patch(v.license, { endsAt: new Date().toISOString() });
    expect(await fetchEach(all(links))).toEqual(refused(5));
    expect(await fetchEach([links.unlicensed])).toEqual(served(1));
  });

  it('back to draft, or not started yet: refused', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    await patch(v.license, { status: 'draft' });
    expect(await fetchEach(all(links))).toEqual(refused(5));
    await patch(v.license, { status: 'active' });
    expect(await fetchEach(all(links))).toEqual(served(5));
    await patch(v.license, { startsAt: new Date(Date.now() + DAY).toISOString() });
    expect(await fetchEach(all(links))).toEqual(refused(5));
  });

  it('narrowed terms refuse exactly the links whose use they no longer allow', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);

    // Poland taken out: the gallery (product_page in PL) and the pull (paid_social in PL) stop;
    // cut previews need edits allowed for some paid channel somewhere, which still holds.
    await patch(v.license, { territories: ['DE'] });
    expect(await fetchEach(all(links))).toEqual([...refused(3), ...served(2)]);
    await patch(v.license, { territories: ['PL'] });
    expect(await fetchEach(all(links))).toEqual(served(5));

    // Paid social taken out: the pull stops, and with no paid channel left, so do the previews.
    await patch(v.license, { channels: ['product_page'] });
    expect(await fetchEach(all(links))).toEqual([...served(2), ...refused(3)]);
    await patch(v.license, { channels: ['paid_social', 'product_page'] });

    // No more edits: the pulled cut and the previews stop; the gallery shows the original, not an edit.
    await patch(v.license, { derivativesAllowed: false });
    expect(await fetchEach(all(links))).toEqual([...served(2), ...refused(3)]);
    await patch(v.license, { derivativesAllowed: true });

    // The license moved to another asset: nothing of this one is covered any more.
    const other = await addAsset(services.database.db, services.storage, { creatorId: v.asset.creatorId! });
    await patch(v.license, { assetIds: [other.id] });
    expect(await fetchEach(all(links))).toEqual(refused(5));
  });

  it('a change made by another process (another API replica) shows within LICENSE_ANSWER_TTL_MS', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    expect(await fetchEach(all(links))).toEqual(served(5)); // answers now cached in this process
    // Straight to the database, as another replica's revoke would be: no write passes through this app.
    await services.database.db.update(licenses).set({ status: 'revoked', revokedAt: new Date() }).where(eq(licenses.id, v.license.id));
    await sleep(LICENSE_ANSWER_TTL_MS);
    expect(await fetchEach(all(links))).toEqual(refused(5));
  });

  it('a signed lic or use that names nothing is refused, never a server error', async () => {
    const v = await licensedVideo();
    const expires = Math.floor(Date.now() / 1000) + 600;
    const odd = [
      { id: 'not-a-uuid', use: `edit.${v.asset.id}` },
      { id: v.license.id, use: 'edit.not-a-uuid' },
      { id: v.license.id, use: 'whatever' },
      { id: randomUUID(), use: `edit.${v.asset.id}` },
      { id: v.license.id, use: `edit.${randomUUID()}` },
    ];
    const urls = odd.map((license) => signFileUrl(services.signingSecret, { key: v.cut.storageKey, expires, license }));
    expect(await fetchEach(urls)).toEqual(refused(urls.length));
  });

  it('a link whose lic is changed, added or removed is refused as invalid_signature', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    const spare = await addLicense(services.database.db, { assetIds: [v.asset.id] }); // in force, over the same asset
    await revoke(v.license);
    const forged = [
      links.pull.replace(`lic=${v.license.id}`, `lic=${spare.id}`),
      links.gallery[0]!.replace(/&lic=[^&]*&use=[^&]*/, ''),
      links.preview[0]!.replace(/&lic=[^&]*/, ''),
      `${links.unlicensed}&lic=${spare.id}&use=edit.${v.asset.id}`,
    ];
    expect(await fetchEach(forged)).toEqual(forged.map(() => [403, 'invalid_signature']));
  });
});

describe('on S3 storage, where a URL cannot be stopped early', () => {
  let s3: S3rverHandle;
  let s3Services: Services;
  beforeAll(async () => {
    s3 = await startS3rver();
    s3Services = await openTestServices({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'revoked-urls',
    });
  });
  afterAll(async () => {
    await s3Services.close();
    await s3.stop();
  });

  it('gives gallery links living 10 to 20 minutes, not hours: their lifetime is the only bound after a revoke', async () => {
    const db = s3Services.database.db;
    const creator = await addCreator(db);
    const asset = await addAsset(db, s3Services.storage, { creatorId: creator.id, skus: ['SKU-S3-REVOKED'] });
    await addLicense(db, { assetIds: [asset.id], territories: ['PL'], channels: ['product_page'] });
    const before = Date.now();
    const shown = (await request(createApp(s3Services)).get('/public/v1/products/SKU-S3-REVOKED/gallery?territory=PL').expect(200)).body.items;
    const url = new URL(shown[0].renditions.original.url as string);
    expect(url.origin).toBe(s3.endpoint);
    const lifetimeS = Number(url.searchParams.get('X-Amz-Expires'));
    expect(lifetimeS).toBeGreaterThan(S3_URL_BUCKET_S - 5);
    expect(lifetimeS).toBeLessThanOrEqual(2 * S3_URL_BUCKET_S);
    expect(Math.floor(before / 1000) + lifetimeS).toBeLessThanOrEqual((Math.floor(Date.now() / 1000 / S3_URL_BUCKET_S) + 2) * S3_URL_BUCKET_S);
    expect(url.searchParams.has('lic')).toBe(false);
  });
});

describe('an archived or deleted asset is withdrawn from every use at once', () => {
  const archive = (v: Licensed, action: 'archive' | 'unarchive') => as(keys.manager, request(app).post(`/api/v1/assets/${v.asset.id}/${action}`));
  const gallery = async (v: Licensed) => (await request(app).get(`/public/v1/products/${v.sku}/gallery?territory=PL`).expect(200)).body.items;
  const pull = (v: Licensed) => as(keys.performance, request(app).post(`/api/v1/ads/${v.cut.id}/pull`)).send({ channel: 'paid_social', territory: 'PL' });
  const listed = async (v: Licensed) =>
    (await as(keys.performance, request(app).get('/api/v1/ads?channel=paid_social&territory=PL&limit=500')).expect(200)).body.items.some(
      (c: { cutId: string }) => c.cutId === v.cut.id,
    );

  it('archiving: the gallery, ad listings, pulls and every licensed link stop; unarchiving brings them back', async () => {
    const v = await licensedVideo();
    const links = await linksTo(v);
    expect((await archive(v, 'archive').expect(200)).body.archivedAt).toEqual(expect.any(String));
    expect(await gallery(v)).toEqual([]);
    expect(await listed(v)).toBe(false);
    expect((await pull(v)).status).toBe(403);
    expect(await fetchEach(all(links))).toEqual(refused(5));
    await archive(v, 'archive').expect(200); // again: nothing changes

    expect((await archive(v, 'unarchive').expect(200)).body.archivedAt).toBeNull();
    expect(await gallery(v)).toHaveLength(1);
    expect(await listed(v)).toBe(true);
    await pull(v).expect(200);
  });

  it('deleting: every file goes, the record stays with its license and ledger, and it cannot come back', async () => {
    const v = await licensedVideo();
    await pull(v).expect(200);
    const deleted = (await as(keys.manager, request(app).delete(`/api/v1/assets/${v.asset.id}`)).expect(200)).body;
    expect(deleted).toMatchObject({ id: v.asset.id, deletedAt: expect.any(String), archivedAt: expect.any(String), productSkus: [] });
    const left: string[] = [];
    for await (const object of services.storage.list(`assets/${v.asset.id}/`)) left.push(object.key);
    expect(left).toEqual([]);

    expect((await as(keys.manager, request(app).get(`/api/v1/assets/${v.asset.id}`)).expect(200)).body).toMatchObject({
      renditions: [],
      deletedAt: deleted.deletedAt,
    });
    expect((await as(keys.manager, request(app).get(`/api/v1/licenses/${v.license.id}`)).expect(200)).body.assetIds).toContain(v.asset.id);
    expect((await as(keys.manager, request(app).get(`/api/v1/usage?assetId=${v.asset.id}`)).expect(200)).body.items).toHaveLength(1);
    const library = (await as(keys.manager, request(app).get(`/api/v1/assets?creatorId=${v.asset.creatorId}`)).expect(200)).body.items;
    expect(library).toEqual([]);
    expect((await archive(v, 'unarchive').expect(409)).body.error.code).toBe('asset_deleted');
    await as(keys.manager, request(app).delete(`/api/v1/assets/${v.asset.id}`)).expect(200);
    await as(keys.performance, request(app).delete(`/api/v1/assets/${v.asset.id}`)).expect(403);
  });
});
