import type { Express } from 'express';
import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { auditLog } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset } from '../core/licensing/fixtures';

/** Content managers keep creators' and assets' details up to date; every change is audited. */
let services: Services;
let app: Express;
let managerKey: string;
let viewerKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  managerKey = (await createApiKey(services.database.db, 'Maria (content)', 'content_manager')).key;
  viewerKey = (await createApiKey(services.database.db, 'viewer', 'viewer')).key;
});
afterAll(() => services.close());

const send = (method: 'post' | 'patch' | 'get', url: string, key = managerKey) => request(app)[method](url).set('Authorization', `Bearer ${key}`);
const audited = async (entityId: string, action: string) =>
  (
    await services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
  ).length;
let n = 0;
const newCreator = async () =>
  (
    await send('post', '/api/v1/creators')
      .send({ handle: `kasia.${++n}`, platform: 'instagram', followers: 900 })
      .expect(201)
  ).body;

describe('PATCH /api/v1/creators/:id', () => {
  it('changes followers (the tier follows), engagement and the contact e-mail, audited', async () => {
    const creator = await newCreator();
    expect(creator).toMatchObject({ tier: 'none', contactEmail: null });
    const res = await send('patch', `/api/v1/creators/${creator.id}`)
      .send({ followers: 150_000, engagementRate: 0.041, contactEmail: ' kasia@example.com ' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: creator.id,
      followers: 150_000,
      tier: 'macro',
      engagementRate: 0.041,
      contactEmail: 'kasia@example.com',
      handle: creator.handle,
    });
    expect((await send('get', `/api/v1/creators/${creator.id}`, viewerKey).expect(200)).body.contactEmail).toBe('kasia@example.com');
    expect(await audited(creator.id, 'creator.update')).toBe(1);
  });

  it('holds a new handle to the same look-alike rule as a new creator', async () => {
    const [a, b] = [await newCreator(), await newCreator()];
    const taken = await send('patch', `/api/v1/creators/${b.id}`).send({ handle: `@${a.handle.toUpperCase()}` });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'creator_exists']);
    await send('patch', `/api/v1/creators/${b.id}`).send({ handle: b.handle }).expect(200); // its own handle is no clash
    expect((await send('patch', `/api/v1/creators/${b.id}`).send({ handle: 'Nowa.Nazwa' }).expect(200)).body.handle).toBe('nowa.nazwa');
  });

  it('refuses nothing to change, bad fields, unknown creators and viewers', async () => {
    const creator = await newCreator();
    const code = async (body: unknown, status = 422) => {
      const res = await send('patch', `/api/v1/creators/${creator.id}`).send(body as object);
      expect(res.status).toBe(status);
      return res.body.error.code;
    };
    expect(await code({})).toBe('invalid_input');
    expect(await code({ contactEmail: 'nope' })).toBe('invalid_contact_email');
    expect(await code({ followers: -1 })).toBe('invalid_followers');
    expect(await code({ tier: 'mega' })).toBe('invalid_input');
    await send('patch', '/api/v1/creators/00000000-0000-4000-8000-000000000000').send({ followers: 1 }).expect(404);
    await send('patch', `/api/v1/creators/${creator.id}`, viewerKey).send({ followers: 1 }).expect(403);
  });
});

describe('PATCH /api/v1/assets/:id', () => {
  it('changes the title, the products and the notes, never the bytes; audited', async () => {
    const creator = await newCreator();
    const assetId = await insertAsset(services.database.db, creator.id);
    const before = (await send('get', `/api/v1/assets/${assetId}`).expect(200)).body;
    const res = await send('patch', `/api/v1/assets/${assetId}`)
      .send({ title: 'Poranna rutyna', productSkus: ['SKU-2', 'SKU-1', 'SKU-2'], notes: 'Najlepsze ujęcie od 0:04' })
      .expect(200);
    expect(res.body).toMatchObject({ title: 'Poranna rutyna', productSkus: ['SKU-1', 'SKU-2'], notes: 'Najlepsze ujęcie od 0:04', sha256: before.sha256 });
    expect((await send('patch', `/api/v1/assets/${assetId}`).send({ productSkus: [], title: null }).expect(200)).body).toMatchObject({
      productSkus: [],
      title: null,
      notes: 'Najlepsze ujęcie od 0:04',
    });
    expect(await audited(assetId, 'asset.update')).toBe(2);
    const refused = await send('patch', `/api/v1/assets/${assetId}`).send({ sha256: 'x' });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'invalid_input']);
    expect((await send('patch', `/api/v1/assets/${assetId}`).send({ productSkus: ['bad sku!'] })).body.error.code).toBe('invalid_product_skus');
    await send('patch', '/api/v1/assets/00000000-0000-4000-8000-000000000000').send({ notes: 'x' }).expect(404);
    await send('patch', `/api/v1/assets/${assetId}`, viewerKey).send({ notes: 'x' }).expect(403);
  });
});
