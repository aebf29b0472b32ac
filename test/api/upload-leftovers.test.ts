import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { assets, creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { makeImage } from '../helpers/media-fixtures';
import { openTestServices } from '../helpers/test-services';

let services: Services;
let app: Express;
let adminKey: string;
let dir: string;
let creatorId: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
  dir = await mkdtemp(path.join(os.tmpdir(), 'upload-leftovers-'));
  const [row] = await services.database.db
    .insert(creators)
    .values({ handle: `h_${randomUUID()}`, platform: 'instagram', followers: 12_000 })
    .returning();
  creatorId = row!.id;
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

function upload(file: string, fields: Record<string, string>): request.Test {
  let req = request(app).post('/api/v1/assets').set('Authorization', `Bearer ${adminKey}`);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', file);
}

const storageRoot = (): string => (services.config.storage as { root: string }).root;

/** Directories under the storage root's objects/ and meta/ trees that hold nothing. */
async function emptyDirectories(): Promise<string[]> {
  const empty: string[] = [];
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true });
    if (entries.length === 0) empty.push(path.relative(storageRoot(), at));
    for (const entry of entries) if (entry.isDirectory()) await walk(path.join(at, entry.name));
  };
  for (const tree of ['objects', 'meta']) {
    for (const entry of await readdir(path.join(storageRoot(), tree), { withFileTypes: true }))
      if (entry.isDirectory()) await walk(path.join(storageRoot(), tree, entry.name));
  }
  return empty;
}

describe('refused and duplicate uploads leave no directories behind (fs storage)', () => {
  it('a non-media file → 415 and no empty objects/ or meta/ directory', async () => {
    const file = path.join(dir, 'notes.mp4');
    // Long enough that the driver starts writing before the type is judged from the head.
    await writeFile(file, 'just some notes, not a video\n'.repeat(4000));
    expect((await upload(file, { creatorId }).expect(415)).body.error.code).toBe('unsupported_media_type');
    expect(await emptyDirectories()).toEqual([]);
  });

  it('the same bytes again → 200 with the first asset, and the copy leaves no directory', async () => {
    const image = await makeImage(dir, 'dup.png', { width: 32, height: 24, format: 'png' });
    const first = await upload(image, { creatorId }).expect(201);
    const again = await upload(image, { creatorId }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await emptyDirectories()).toEqual([]);
    const assetDirs = await readdir(path.join(storageRoot(), 'objects', 'assets'));
    expect(assetDirs).toEqual([first.body.id]);
  });

  it('an unknown creator → 422 after the file was stored, and no directory stays', async () => {
    const image = await makeImage(dir, 'orphan.png', { width: 30, height: 20, format: 'png' });
    expect((await upload(image, { creatorId: randomUUID() }).expect(422)).body.error.code).toBe('unknown_creator');
    expect(await emptyDirectories()).toEqual([]);
  });
});

describe('form fields with characters PostgreSQL cannot store or people cannot see', () => {
  it('a NUL in the title → 422 invalid_characters, nothing stored', async () => {
    const image = await makeImage(dir, 'nul-title.png', { width: 33, height: 20, format: 'png' });
    const before = (await services.database.db.select().from(assets)).length;
    const res = await upload(image, { creatorId, title: 'summer\u0000sale' }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_characters' });
    expect((await services.database.db.select().from(assets)).length).toBe(before);
    expect(await emptyDirectories()).toEqual([]);
  });

  it('a zero-width or direction character in a product SKU → 422 invalid_product_skus', async () => {
    const image = await makeImage(dir, 'bidi-sku.png', { width: 34, height: 20, format: 'png' });
    for (const skus of ['SKU-1,\u202eSKU-2', 'SKU\u200b-3']) {
      expect((await upload(image, { creatorId, productSkus: skus }).expect(422)).body.error.code).toBe('invalid_product_skus');
    }
  });
});
