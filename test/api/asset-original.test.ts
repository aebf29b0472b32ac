import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { auditHistory } from '../../core/audit/audit-log';
import { creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { makeImage } from '../helpers/media-fixtures';
import { openTestServices } from '../helpers/test-services';

/**
 * GET /api/v1/assets/:id/original: the original in full quality for the people who run the
 * library (content managers, admins) through a short-lived signed link like every other file
 * link, each link handed out audited in the asset's history; everyone else is refused with a
 * stable code, and GET /api/v1/assets/:id says beforehand whether the caller may ask. Real
 * PGlite, Redis (the upload queues its probe) and fs storage; the link is fetched through the app.
 */
let services: Services;
let app: Express;
let dir: string;
let creatorId: string;
const keys = { admin: '', manager: '', performance: '', viewer: '' };
const managerName = 'Maria (library)';
/** The original's name as uploaded, spaces and brackets kept in the download header. */
const FILE_NAME = 'Linen tote (final cut).jpg';

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  keys.admin = (await createApiKey(db, 'admin', 'admin')).key;
  keys.manager = (await createApiKey(db, managerName, 'content_manager')).key;
  keys.performance = (await createApiKey(db, 'ads team', 'performance')).key;
  keys.viewer = (await createApiKey(db, 'viewer', 'viewer')).key;
  const [creator] = await db
    .insert(creators)
    .values({ handle: `h_${randomUUID()}`, platform: 'instagram', followers: 1_000 })
    .returning();
  creatorId = creator!.id;
  dir = await mkdtemp(path.join(os.tmpdir(), 'asset-original-'));
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

/** Uploads a fresh photo through the API; returns its id and the bytes sent. */
async function uploadPhoto(colour: string): Promise<{ id: string; bytes: Buffer }> {
  const file = await makeImage(dir, `${randomUUID()}.jpg`, { width: 400, height: 300, format: 'jpeg', colour });
  const res = await as(keys.manager, request(app).post('/api/v1/assets'))
    .field('creatorId', creatorId)
    .attach('file', file, { filename: FILE_NAME })
    .expect(201);
  return { id: res.body.id as string, bytes: await readFile(file) };
}

const downloads = async (assetId: string) =>
  (await auditHistory(services.database.db, 'asset', assetId)).filter((entry) => entry.action === 'asset.original_download');

describe('GET /api/v1/assets/:id/original', () => {
  it('gives a content manager a short-lived link to the uploaded bytes, saved under the uploaded name, and audits it', async () => {
    const { id, bytes } = await uploadPhoto('#c49a6c');
    const before = Date.now();
    const res = await as(keys.manager, request(app).get(`/api/v1/assets/${id}/original`)).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'url']);
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(before + 15 * 60_000 + 1000);

    // Fetched without the API key, as a browser follows it.
    const file = await request(app).get(res.body.url).buffer(true).expect(200); // images arrive as a Buffer
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers['content-disposition']).toContain(`filename="${FILE_NAME}"`);

    const [entry, ...more] = await downloads(id);
    expect(more).toEqual([]);
    expect(entry!.actor?.name).toBe(managerName);
    expect(entry!.after).toMatchObject({ fileName: FILE_NAME, expiresAt: res.body.expiresAt });
  });

  it('gives admins one too, and each link handed out is its own entry in the asset’s history', async () => {
    const { id } = await uploadPhoto('#2e5e4e');
    await as(keys.admin, request(app).get(`/api/v1/assets/${id}/original`)).expect(200);
    await as(keys.manager, request(app).get(`/api/v1/assets/${id}/original`)).expect(200);
    const history = (await as(keys.viewer, request(app).get(`/api/v1/assets/${id}/history`)).expect(200)).body.items as Array<{
      action: string;
      actor: { name: string };
    }>;
    expect(history.filter((e) => e.action === 'asset.original_download').map((e) => e.actor.name)).toEqual(['admin', managerName]);
  });

  it('refuses viewers and performance teams with 403 forbidden_role, recording nothing', async () => {
    const { id } = await uploadPhoto('#6a4c93');
    for (const key of [keys.viewer, keys.performance]) {
      const res = await as(key, request(app).get(`/api/v1/assets/${id}/original`)).expect(403);
      expect(res.body.error.code).toBe('forbidden_role');
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect(await request(app).get(`/api/v1/assets/${id}/original`).expect(401)).toHaveProperty('body.error.code', 'missing_api_key');
    expect(await downloads(id)).toEqual([]);
  });

  it('answers a bad id with 400 invalid_id and an unknown one with 404 asset_not_found', async () => {
    expect((await as(keys.manager, request(app).get('/api/v1/assets/not-a-uuid/original')).expect(400)).body.error.code).toBe('invalid_id');
    expect((await as(keys.manager, request(app).get(`/api/v1/assets/${randomUUID()}/original`)).expect(404)).body.error.code).toBe('asset_not_found');
  });

  it('gives nothing for a deleted asset (409 asset_deleted): its files are gone', async () => {
    const { id } = await uploadPhoto('#b33951');
    await as(keys.manager, request(app).delete(`/api/v1/assets/${id}`)).expect(200);
    const res = await as(keys.manager, request(app).get(`/api/v1/assets/${id}/original`)).expect(409);
    expect(res.body.error.code).toBe('asset_deleted');
    expect(await downloads(id)).toEqual([]);
  });
});

describe('GET /api/v1/assets/:id says whether the caller may download the original', () => {
  it('true for content managers and admins, false for viewers and performance teams, and for anyone once deleted', async () => {
    const { id } = await uploadPhoto('#3d5a80');
    const may = async (key: string) => (await as(key, request(app).get(`/api/v1/assets/${id}`)).expect(200)).body.originalDownload as boolean;
    expect([await may(keys.manager), await may(keys.admin), await may(keys.viewer), await may(keys.performance)]).toEqual([true, true, false, false]);
    await as(keys.manager, request(app).delete(`/api/v1/assets/${id}`)).expect(200);
    expect(await may(keys.manager)).toBe(false);
  });
});
