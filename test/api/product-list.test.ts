import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { assetProducts, assets, comments } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator } from '../core/licensing/fixtures';

/** GET /api/v1/products: the products named by comments or assets, for the insights screen to offer, against PGlite. */

let services: Services;
let app: Express;
let viewerKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  viewerKey = (await createApiKey(db, 'analyst', 'viewer')).key;
  const comment = (externalId: string, productSku: string | null) => ({ platform: 'instagram', externalId, text: `comment ${externalId}`, productSku });
  await db
    .insert(comments)
    .values([comment('1', 'SKU-TOTE'), comment('2', 'SKU-TOTE'), comment('3', 'SKU-TOTE'), comment('4', 'SKU-BOOT'), comment('5', null)]);
  const creator = await insertCreator(db);
  const [shown, gone] = [await insertAsset(db, creator), await insertAsset(db, creator)];
  await db.insert(assetProducts).values([
    { assetId: shown, sku: 'SKU-BOOT' },
    { assetId: shown, sku: 'SKU-CAP' },
    { assetId: gone, sku: 'SKU-GONE' },
  ]);
  await db.update(assets).set({ deletedAt: new Date() }).where(eq(assets.id, gone));
});
afterAll(() => services.close());

const list = async (query: string, status = 200) =>
  (await request(app).get(`/api/v1/products?${query}`).set('Authorization', `Bearer ${viewerKey}`).expect(status)).body;

describe('GET /api/v1/products', () => {
  it('lists every product once, most commented first, with comment and asset counts; a deleted asset names none', async () => {
    expect(await list('')).toEqual({
      items: [
        { sku: 'SKU-TOTE', comments: 3, assets: 0 },
        { sku: 'SKU-BOOT', comments: 1, assets: 1 },
        { sku: 'SKU-CAP', comments: 0, assets: 1 },
      ],
      truncated: false,
    });
  });

  it('q keeps SKUs containing it, any case; limit cuts and says so', async () => {
    expect((await list('q=oo')).items.map((p: { sku: string }) => p.sku)).toEqual(['SKU-BOOT']);
    expect(await list('limit=1')).toEqual({ items: [{ sku: 'SKU-TOTE', comments: 3, assets: 0 }], truncated: true });
  });

  it('refuses a bad limit with 400 invalid_limit and asks for a key', async () => {
    expect((await list('limit=0', 400)).error.code).toBe('invalid_limit');
    await request(app).get('/api/v1/products').expect(401);
  });
});
