import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { faqEntries, licenses, type Asset, type Creator } from '../../core/db';
import { markGalleriesStale } from '../../core/gallery/gallery-cache';
import { URL_BUCKET_S } from '../../core/gallery/gallery-view';
import type { Services } from '../../core/runtime/services';
import { addAsset, addCreator, addCut, addLicense, addRendition } from '../core/ads/rights-fixtures';
import { openTestServices } from '../helpers/test-services';

const SKU = 'SKU-GALLERY';
let services: Services;
let app: Express;
let creator: Creator;
const assets: Record<string, Asset> = {};

const gallery = (territory = 'PL', sku = SKU) => request(app).get(`/public/v1/products/${encodeURIComponent(sku)}/gallery?territory=${territory}`);
const itemIds = (res: request.Response): string[] => res.body.items.map((i: { assetId: string }) => i.assetId);

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  const { storage } = services;
  creator = await addCreator(db, 'anna.makes');
  const other = await addCreator(db);
  const add = (key: string, opts: Partial<Parameters<typeof addAsset>[2]> = {}) =>
    addAsset(db, storage, { creatorId: creator.id, skus: [SKU], ...opts }).then((a) => (assets[key] = a));

  await add('photo', { kind: 'image' });
  await addRendition(db, storage, { assetId: assets.photo!.id, kind: 'image', spec: { width: 640 }, format: 'webp', width: 640, height: 1138 });
  await addRendition(db, storage, { assetId: assets.photo!.id, kind: 'image', spec: { width: 320 }, format: 'webp', width: 320, height: 569 });
  await addRendition(db, storage, { assetId: assets.photo!.id, kind: 'crop', spec: { aspect: '1:1' }, format: 'webp' });
  await addLicense(db, { assetIds: [assets.photo!.id], channels: ['product_page'], derivativesAllowed: false, disclosureRequired: true });

  await add('germanVideo');
  await addRendition(db, storage, { assetId: assets.germanVideo!.id, kind: 'poster', spec: {}, format: 'jpeg' });
  await addRendition(db, storage, { assetId: assets.germanVideo!.id, kind: 'preview', spec: {}, format: 'mp4', durationS: 6 });
  await addCut(db, storage, assets.germanVideo!.id);
  await addLicense(db, { assetIds: [assets.germanVideo!.id], territories: ['DE'], channels: ['product_page'] });

  await add('adsOnly');
  await addLicense(db, { assetIds: [assets.adsOnly!.id], channels: ['paid_social'] });
  await add('processing', { status: 'processing' });
  await addLicense(db, { assetIds: [assets.processing!.id] });
  await add('revoked');
  await addLicense(db, { assetIds: [assets.revoked!.id], status: 'revoked' });
  await add('notYet');
  await addLicense(db, { assetIds: [assets.notYet!.id], startsAt: new Date(Date.now() + 3600_000) });
  await add('unlicensed');
  await add('otherProduct', { skus: ['SKU-OTHER'] });
  await addLicense(db, { assetIds: [assets.otherProduct!.id] });
  // A license over all of a creator's assets covers them without naming them.
  assets.creatorWide = await addAsset(db, storage, { creatorId: other.id, skus: [SKU] });
  await addLicense(db, { creatorId: other.id, territories: ['WW'], excludedTerritories: ['FR'], channels: ['product_page'] });

  await db.insert(faqEntries).values([
    { productSku: SKU, topic: 'size_fit', question: 'Does it run small?', answer: 'Order one size up.', status: 'published', commentCount: 9 },
    { productSku: SKU, topic: 'shipping', question: 'Ships to Poland?', answer: 'Yes, in 2 days.', status: 'published', commentCount: 4 },
    { productSku: SKU, topic: 'price', question: 'Any discount?', answer: null, status: 'draft', commentCount: 20 },
    { productSku: SKU, topic: 'quality', question: 'Approved, not yet published?', answer: 'Soon', status: 'approved', commentCount: 30 },
    { productSku: 'SKU-OTHER', topic: 'usage', question: 'Other product?', answer: 'Yes', status: 'published' },
  ]);
});
afterAll(() => services.close());
beforeEach(() => markGalleriesStale());

describe('GET /public/v1/products/:sku/gallery', () => {
  it('shows only ready assets licensed for product pages in the territory now, and published FAQ', async () => {
    const res = await gallery('PL').expect(200);
    expect(itemIds(res).sort()).toEqual([assets.photo!.id, assets.creatorWide!.id].sort());
    expect(res.body.faq).toEqual([
      { question: 'Does it run small?', answer: 'Order one size up.' },
      { question: 'Ships to Poland?', answer: 'Yes, in 2 days.' },
    ]);
    expect(itemIds(await gallery('DE').expect(200)).sort()).toEqual([assets.photo!.id, assets.germanVideo!.id, assets.creatorWide!.id].sort());
    expect(itemIds(await gallery('FR').expect(200))).toEqual([assets.photo!.id]);
  });

  it('labels items whose license requires disclosure, in the local form', async () => {
    const item = (res: request.Response, id: string) => res.body.items.find((i: { assetId: string }) => i.assetId === id);
    expect(item(await gallery('PL'), assets.photo!.id)).toMatchObject({
      assetId: assets.photo!.id,
      kind: 'image',
      creator: { handle: 'anna.makes', platform: 'instagram' },
      disclosure: 'REKLAMA',
    });
    expect(item(await gallery('DE'), assets.photo!.id).disclosure).toBe('#ad');
    expect(item(await gallery('DE'), assets.germanVideo!.id).disclosure).toBeNull();
  });

  it('groups working links to renditions, leaving out edits (crops, cuts)', async () => {
    const res = await gallery('DE').expect(200);
    const photo = res.body.items.find((i: { assetId: string }) => i.assetId === assets.photo!.id);
    expect(photo.renditions.images.map((r: { width: number }) => r.width)).toEqual([320, 640]);
    expect(photo.renditions).toMatchObject({ posters: [], previews: [], original: { mimeType: 'image/jpeg', width: 1080, height: 1920 } });
    const video = res.body.items.find((i: { assetId: string }) => i.assetId === assets.germanVideo!.id);
    expect(video.renditions.images).toEqual([]);
    expect(video.renditions.posters).toEqual([expect.objectContaining({ format: 'jpeg' })]);
    expect(video.renditions.previews).toEqual([expect.objectContaining({ format: 'mp4', durationS: 6 })]);
    expect(JSON.stringify(res.body)).not.toMatch(/\bcut\b|crop/);

    const file = await request(app).get(video.renditions.previews[0].url).expect(200);
    expect(file.body.toString()).toMatch(/^preview /);
    // Perpetual license: the link lasts to the end of the next hour, so the body stays the same for a while.
    const expires = Number(new URL(photo.renditions.images[0].url, 'http://x').searchParams.get('expires'));
    const nowS = Date.now() / 1000;
    expect(expires % URL_BUCKET_S).toBe(0);
    expect(expires - nowS).toBeGreaterThan(URL_BUCKET_S - 5);
    expect(expires - nowS).toBeLessThanOrEqual(2 * URL_BUCKET_S);
  });

  it('sends a stable ETag, answers 304 to it, and lets any site read the JSON', async () => {
    const first = await gallery('PL').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/".+"$/);
    markGalleriesStale(); // rendered again from the database: same content, same ETag
    const again = await gallery('PL').expect(200);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe(first.text);
    const unchanged = await gallery('PL').set('If-None-Match', etag).expect(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers['cache-control']).toBe('public, max-age=60');
    expect((await gallery('DE').set('If-None-Match', etag).expect(200)).headers.etag).not.toBe(etag);
  });

  it('sends the JSON gzipped to clients that take gzip and plain to the rest; an empty gallery always plain', async () => {
    const zipped = await gallery('PL').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    const plain = await gallery('PL').set('Accept-Encoding', 'identity').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.body).toEqual(plain.body); // supertest has gunzipped it
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 2);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    const empty = await gallery('PL', 'NO-SUCH-SKU').set('Accept-Encoding', 'gzip').expect(200);
    expect(empty.headers['content-encoding']).toBeUndefined();
  });

  it('drops a revoked item at once when the change is announced', async () => {
    const sku = 'SKU-REVOKE';
    const asset = await addAsset(services.database.db, services.storage, { creatorId: creator.id, skus: [sku] });
    const license = await addLicense(services.database.db, { assetIds: [asset.id] });
    expect(itemIds(await gallery('PL', sku))).toEqual([asset.id]);
    await services.database.db.update(licenses).set({ status: 'revoked' }).where(eq(licenses.id, license.id));
    expect(itemIds(await gallery('PL', sku))).toEqual([asset.id]); // cached: nobody said
    markGalleriesStale();
    expect(itemIds(await gallery('PL', sku))).toEqual([]);
  });

  it('drops cached galleries on any write through the API', async () => {
    const sku = 'SKU-WRITE';
    const asset = await addAsset(services.database.db, services.storage, { creatorId: creator.id, skus: [sku] });
    expect(itemIds(await gallery('PL', sku))).toEqual([]);
    await addLicense(services.database.db, { assetIds: [asset.id] }); // behind the API's back: not seen yet
    expect(itemIds(await gallery('PL', sku))).toEqual([]);
    const admin = await createApiKey(services.database.db, 'admin', 'admin');
    await request(app).post('/api/v1/keys').set('Authorization', `Bearer ${admin.key}`).send({ name: 'any write', role: 'viewer' }).expect(201);
    expect(itemIds(await gallery('PL', sku))).toEqual([asset.id]);
  });

  it('caps max-age by the earliest license end among the items', async () => {
    const sku = 'SKU-SOON';
    const asset = await addAsset(services.database.db, services.storage, { creatorId: creator.id, skus: [sku] });
    await addLicense(services.database.db, { assetIds: [asset.id], endsAt: new Date(Date.now() + 30_000) });
    const res = await gallery('PL', sku).expect(200);
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers['cache-control']!)![1]);
    expect(maxAge).toBeGreaterThanOrEqual(28);
    expect(maxAge).toBeLessThanOrEqual(30);
  });

  it('an empty gallery for an unknown product', async () => {
    const res = await gallery('PL', 'NO-SUCH-SKU').expect(200);
    expect(res.body).toEqual({ items: [], faq: [] });
  });

  it.each([['XX'], ['POL'], [''], ['12']])('territory %p → 400 invalid_territory', async (territory) => {
    const res = await gallery(territory).expect(400);
    expect(res.body.error.code).toBe('invalid_territory');
  });

  it('needs a territory and reads it in any case', async () => {
    expect((await request(app).get(`/public/v1/products/${SKU}/gallery`).expect(400)).body.error.code).toBe('invalid_territory');
    expect(itemIds(await gallery('pl').expect(200)).sort()).toEqual(itemIds(await gallery('PL')).sort());
  });

  it('limits requests per client address', async () => {
    const limited = createApp({ ...services, config: { ...services.config, publicRateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) await request(limited).get(`/public/v1/products/${SKU}/gallery?territory=PL`).expect(200);
    const res = await request(limited).get(`/public/v1/products/${SKU}/gallery?territory=PL`).expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.headers['retry-after']).toBeDefined();
    await request(limited).get('/healthz').expect(200); // only /public is limited
  });
});

describe('content stops at the instant a license ends, whether or not the sweep ran', () => {
  it('the gallery shows the item until the end, then not; a pull at the end is refused as expired', async () => {
    const db = services.database.db;
    const sku = 'SKU-ENDING';
    const asset = await addAsset(db, services.storage, { creatorId: creator.id, skus: [sku] });
    const cut = await addCut(db, services.storage, asset.id);
    const endsAt = new Date(Date.now() + 4_000);
    await addLicense(db, { assetIds: [asset.id], endsAt });
    const key = (await createApiKey(db, 'ads', 'performance')).key;
    const pull = () => request(app).post(`/api/v1/ads/${cut.id}/pull`).set('Authorization', `Bearer ${key}`).send({ channel: 'paid_social', territory: 'PL' });

    const before = await gallery('PL', sku).expect(200);
    expect(itemIds(before)).toEqual([asset.id]);
    const maxAge = Number(/max-age=(\d+)/.exec(before.headers['cache-control']!)![1]);
    expect(maxAge * 1000).toBeLessThanOrEqual(endsAt.getTime() - Date.now() + 1000);
    expect(maxAge).toBeLessThanOrEqual(4);
    const urlExpires = Number(new URL(before.body.items[0].renditions.original.url, 'http://x').searchParams.get('expires'));
    expect(urlExpires * 1000).toBeLessThanOrEqual(endsAt.getTime());
    const granted = await pull().expect(200);
    expect(Date.parse(granted.body.expiresAt)).toBeLessThanOrEqual(endsAt.getTime());

    await sleep(endsAt.getTime() - Date.now() + 50);
    expect(itemIds(await gallery('PL', sku).expect(200))).toEqual([]); // same process, no cache reset, no sweep
    const refused = await pull().expect(403);
    expect(refused.body.error.code).toBe('expired');
    await request(app).get(before.body.items[0].renditions.original.url).expect(403);
  });
});

describe('what shop pages are sent is safe to show', () => {
  it('strips direction overrides and isolates from stored handles and FAQ text', async () => {
    const db = services.database.db;
    // Rows stored before handles and FAQ text were checked: the gallery must not pass the tricks on.
    const tricky = await addCreator(db, 'anna\u202egnp.exe\u202c');
    const asset = await addAsset(db, services.storage, { creatorId: tricky.id, skus: ['SKU-BIDI'] });
    await addLicense(db, { assetIds: [asset.id], channels: ['product_page'] });
    await db.insert(faqEntries).values({
      productSku: 'SKU-BIDI',
      topic: 'usage',
      question: 'Is it \u2066safe\u2069?',
      answer: 'Yes\u200f, \u202dreally\u202c.\nSee the manual.',
      status: 'published',
    });
    const res = await gallery('PL', 'SKU-BIDI').expect(200);
    expect(res.body.items[0].creator.handle).toBe('annagnp.exe');
    expect(res.body.faq).toEqual([{ question: 'Is it safe?', answer: 'Yes, really.\nSee the manual.' }]);
  });

  it.each([
    ['%ff', 'invalid_encoding'],
    ['%E0%A4%A', 'invalid_encoding'],
    ['SKU%00', 'invalid_characters'],
  ])('a product %p in the address → 400 %s, not a 500', async (sku, code) => {
    const res = await request(app).get(`/public/v1/products/${sku}/gallery?territory=PL`).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('a NUL in the query → 400 invalid_characters', async () => {
    expect((await request(app).get(`/public/v1/products/${SKU}/gallery?territory=PL%00`).expect(400)).body.error.code).toBe('invalid_characters');
  });
});
