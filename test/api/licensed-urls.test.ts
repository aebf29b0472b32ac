import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { Asset, License, Rendition } from '../../core/db';
import { CUT_PREVIEW_LIFETIME_S } from '../../core/vocabulary/cut-preview';
import type { Services } from '../../core/runtime/services';
import { addAsset, addCreator, addCut, addLicense, addRendition } from '../core/ads/rights-fixtures';
import { openTestServices } from '../helpers/test-services';

/**
 * Every route that hands out a URL to licensed-only content, attacked as issue 11 did: the
 * asset view's cuts and cut posters, the ads pull and the public gallery. While a license
 * allows the use, each URL dies by the license's end; once it is revoked or has ended, none
 * gives a URL at all. Real PGlite, Redis and fs storage; the URLs are fetched through the app.
 */
let services: Services;
let app: Express;
const keys = { admin: '', manager: '', performance: '', viewer: '' };

type RenditionBody = { id: string; kind: string; url?: string; urlExpiresAt?: string; urlWithheld?: string };
type Licensed = { asset: Asset; cut: Rendition; cutPoster: Rendition; poster: Rendition; license: License; sku: string };

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const assetView = async (key: string, id: string) =>
  (await as(key, request(app).get(`/api/v1/assets/${id}`)).expect(200)).body as { renditions: RenditionBody[] };
const pull = (cutId: string) => as(keys.performance, request(app).post(`/api/v1/ads/${cutId}/pull`)).send({ channel: 'paid_social', territory: 'PL' });
const gallery = (sku: string) => request(app).get(`/public/v1/products/${sku}/gallery?territory=PL`).expect(200);
const urlExpiry = (url: string): number => Number(new URL(url, 'http://x').searchParams.get('expires')) * 1000;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.manager = (await createApiKey(db, 'library team', 'content_manager')).key;
  keys.performance = (await createApiKey(db, 'ads team', 'performance')).key;
  keys.viewer = (await createApiKey(db, 'auditor', 'viewer')).key;
});
afterAll(() => services.close());

let n = 0;
/** A ready video with a cut, its poster and the original's poster, licensed for paid social and product pages in Poland. */
async function licensedVideo(endsAt: Date | null): Promise<Licensed> {
  const db = services.database.db;
  const sku = `SKU-URLS-${++n}`;
  const creator = await addCreator(db);
  const asset = await addAsset(db, services.storage, { creatorId: creator.id, skus: [sku] });
  const cut = await addCut(db, services.storage, asset.id);
  const cutPoster = await addRendition(db, services.storage, { assetId: asset.id, kind: 'cut_poster', spec: cut.spec, format: 'webp' });
  const poster = await addRendition(db, services.storage, { assetId: asset.id, kind: 'poster', spec: { width: 1080 }, format: 'jpeg' });
  const license = await addLicense(db, { assetIds: [asset.id], territories: ['PL'], channels: ['paid_social', 'product_page'], endsAt });
  return { asset, cut, cutPoster, poster, license, sku };
}

const byId = (body: { renditions: RenditionBody[] }, id: string): RenditionBody => body.renditions.find((r) => r.id === id)!;

describe('GET /api/v1/assets/:id: cuts only as short rights-checked previews', () => {
  it('gives the roles that make and choose cuts a preview URL living 5 minutes at most, and viewers none', async () => {
    const v = await licensedVideo(null);
    for (const key of [keys.admin, keys.manager, keys.performance]) {
      const before = Date.now();
      const body = await assetView(key, v.asset.id);
      for (const id of [v.cut.id, v.cutPoster.id]) {
        const r = byId(body, id);
        expect(r.url).toEqual(expect.any(String));
        expect(r.urlWithheld).toBeUndefined();
        expect(Date.parse(r.urlExpiresAt!)).toBeLessThanOrEqual(before + CUT_PREVIEW_LIFETIME_S * 1000 + 1000);
        expect(urlExpiry(r.url!)).toBe(Date.parse(r.urlExpiresAt!));
      }
    }
    const preview = byId(await assetView(keys.manager, v.asset.id), v.cut.id);
    expect((await request(app).get(preview.url!).expect(200)).body.toString()).toMatch(/^cut /);

    const seen = await assetView(keys.viewer, v.asset.id);
    for (const id of [v.cut.id, v.cutPoster.id]) {
      expect(byId(seen, id)).not.toHaveProperty('url');
      expect(byId(seen, id).urlWithheld).toBe('forbidden_role');
    }
    // What is not licensed-only (the original's own renditions) stays viewable for every role.
    expect(byId(seen, v.poster.id).url).toEqual(expect.any(String));
  });

  it('never lets a preview outlive the license', async () => {
    const endsAt = new Date(Date.now() + 40_000);
    const v = await licensedVideo(endsAt);
    const body = await assetView(keys.manager, v.asset.id);
    for (const id of [v.cut.id, v.cutPoster.id]) {
      expect(Date.parse(byId(body, id).urlExpiresAt!)).toBeLessThanOrEqual(endsAt.getTime());
      expect(urlExpiry(byId(body, id).url!)).toBeLessThanOrEqual(endsAt.getTime());
    }
  });

  it('gives no preview where no license allows edits', async () => {
    const db = services.database.db;
    const creator = await addCreator(db);
    const asset = await addAsset(db, services.storage, { creatorId: creator.id });
    const cut = await addCut(db, services.storage, asset.id);
    expect(byId(await assetView(keys.admin, asset.id), cut.id)).toMatchObject({ urlWithheld: 'no_license' });
    await addLicense(db, { assetIds: [asset.id], derivativesAllowed: false });
    const r = byId(await assetView(keys.admin, asset.id), cut.id);
    expect(r).not.toHaveProperty('url');
    expect(r.urlWithheld).toBe('derivatives_not_allowed');
  });
});

describe('after a license is revoked or has ended, no route gives a URL to what it covered', () => {
  /** Every exit at once: the asset view (as admin), the ads listing and pull, the public gallery. */
  async function exits(v: Licensed) {
    const view = await assetView(keys.admin, v.asset.id);
    const ads = (await as(keys.performance, request(app).get('/api/v1/ads?channel=paid_social&territory=PL')).expect(200)).body.items as Array<{
      cutId: string;
    }>;
    const pulled = await pull(v.cut.id);
    const shown = (await gallery(v.sku)).body.items as Array<{ assetId: string; renditions: { original: { url: string }; posters: Array<{ url: string }> } }>;
    return { cut: byId(view, v.cut.id), cutPoster: byId(view, v.cutPoster.id), listed: ads.some((a) => a.cutId === v.cut.id), pulled, shown };
  }

  it('revoked: the asset view, the ads listing and pull and the gallery all stop at once', async () => {
    const v = await licensedVideo(new Date(Date.now() + 30 * 24 * 3600_000));
    const before = await exits(v);
    expect(before.cut.url && before.cutPoster.url).toBeTruthy();
    expect(before.listed).toBe(true);
    expect(before.pulled.status).toBe(200);
    expect(before.shown).toHaveLength(1);

    await as(keys.manager, request(app).post(`/api/v1/licenses/${v.license.id}/revoke`))
      .send({ reason: 'creator withdrew consent' })
      .expect(200);
    const after = await exits(v);
    for (const r of [after.cut, after.cutPoster]) {
      expect(r).not.toHaveProperty('url');
      expect(r.urlWithheld).toBe('revoked');
    }
    expect(after.listed).toBe(false);
    expect(after.pulled.status).toBe(403);
    expect(after.pulled.body.error.code).toBe('revoked');
    expect(after.pulled.body).not.toHaveProperty('url');
    expect(after.shown).toEqual([]);
  });

  it('ended: every URL given before dies by the end, and none is given after it', async () => {
    const endsAt = new Date(Date.now() + 3_000);
    const v = await licensedVideo(endsAt);
    const before = await exits(v);
    const given = [
      before.cut.url!,
      before.cutPoster.url!,
      before.pulled.body.url as string,
      before.shown[0]!.renditions.original.url,
      before.shown[0]!.renditions.posters[0]!.url,
    ];
    for (const url of given) expect(urlExpiry(url)).toBeLessThanOrEqual(endsAt.getTime());
    expect(Date.parse(before.pulled.body.expiresAt)).toBeLessThanOrEqual(endsAt.getTime());

    await sleep(endsAt.getTime() - Date.now() + 50);
    const after = await exits(v);
    for (const r of [after.cut, after.cutPoster]) {
      expect(r).not.toHaveProperty('url');
      expect(r.urlWithheld).toBe('expired');
    }
    expect(after.listed).toBe(false);
    expect(after.pulled.status).toBe(403);
    expect(after.pulled.body.error.code).toBe('expired');
    expect(after.shown).toEqual([]);
    for (const url of given) expect((await request(app).get(url)).status).toBe(403); // signed to die with the license
  });
});
