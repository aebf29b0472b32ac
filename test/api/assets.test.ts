import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { assets, creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { makeImage, makePngBomb, makeSizedFile, makeVideo } from '../helpers/media-fixtures';
import { startS3rver, type S3rverHandle } from '../helpers/s3rver';
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
  dir = await mkdtemp(path.join(os.tmpdir(), 'assets-api-'));
  creatorId = await newCreator(services);
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

async function newCreator(s: Services): Promise<string> {
  const [row] = await s.database.db
    .insert(creators)
    .values({ handle: `h_${randomUUID()}`, platform: 'instagram', followers: 12_000 })
    .returning();
  return row!.id;
}

type Fields = Record<string, string>;

/** A multipart upload; `fieldsFirst: false` sends the fields after the file, as some clients do. */
function upload(file: string | null, fields: Fields = {}, opts: { key?: string; name?: string; fieldsFirst?: boolean; to?: Express } = {}): request.Test {
  let req = request(opts.to ?? app)
    .post('/api/v1/assets')
    .set('Authorization', `Bearer ${opts.key ?? adminKey}`);
  const addFields = () => {
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  };
  if (opts.fieldsFirst !== false) addFields();
  if (file) req = req.attach('file', file, opts.name ? { filename: opts.name } : undefined);
  if (opts.fieldsFirst === false) addFields();
  return req;
}

async function storedKeys(s: Services = services): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of s.storage.list('assets/')) keys.push(object.key);
  return keys;
}

const assetCount = async (s: Services = services): Promise<number> => (await s.database.db.select().from(assets)).length;

/** Runs `act` and expects it to leave storage and the assets table exactly as they were. */
async function leavesNothing(act: () => Promise<unknown>, s: Services = services): Promise<void> {
  const [keysBefore, rowsBefore] = [await storedKeys(s), await assetCount(s)];
  await act();
  expect(await storedKeys(s)).toEqual(keysBefore);
  expect(await assetCount(s)).toBe(rowsBefore);
}

describe('POST /api/v1/assets', () => {
  it('stores an image: 201 with sniffed type, sha256, size, fields, and a probe job', async () => {
    const file = await makeImage(dir, 'first.jpg', { width: 120, height: 80, format: 'jpeg' });
    const res = await upload(file, {
      creatorId,
      title: '  Summer look ',
      productSkus: 'SKU-2, SKU-1,,SKU-2',
      sourceUrl: 'https://tiktok.com/@a/video/1',
    }).expect(201);
    expect(res.body).toMatchObject({
      kind: 'image',
      status: 'uploaded',
      mimeType: 'image/jpeg',
      creatorId,
      title: 'Summer look',
      productSkus: ['SKU-1', 'SKU-2'],
      sourceUrl: 'https://tiktok.com/@a/video/1',
      originalFilename: 'first.jpg',
      jobId: `media.probe-${res.body.id}`,
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.sizeBytes).toBeGreaterThan(0);
    expect(await storedKeys()).toContain(`assets/${res.body.id}/original`);
    const job = await request(app).get(`/api/v1/jobs/${res.body.jobId}`).set('Authorization', `Bearer ${adminKey}`).expect(200);
    expect(job.body).toMatchObject({ queue: 'media', name: 'probe', state: 'waiting' });
  });

  it('stores a video whose fields come after the file part', async () => {
    const file = await makeVideo(dir, 'clip.mp4', { width: 160, height: 90, durationS: 1 });
    const res = await upload(file, { creatorId, productSkus: 'SKU-9' }, { fieldsFirst: false }).expect(201);
    expect(res.body).toMatchObject({ kind: 'video', mimeType: 'video/mp4', productSkus: ['SKU-9'], title: null, sourceUrl: null });
  });

  it('the same bytes again → 200 with the existing asset; the new copy is not kept', async () => {
    const file = await makeImage(dir, 'dupe.png', { width: 50, height: 50, format: 'png' });
    const first = await upload(file, { creatorId }).expect(201);
    await leavesNothing(async () => {
      const again = await upload(file, { creatorId, title: 'other title' }, { name: 'renamed.png' }).expect(200);
      expect(again.body).toMatchObject({ id: first.body.id, sha256: first.body.sha256, title: null, originalFilename: 'dupe.png' });
    });
  });

  it('the bytes of a deleted asset → 409 asset_deleted, nothing kept: its record stays with its licenses', async () => {
    const file = await makeImage(dir, 'gone.png', { width: 40, height: 40, format: 'png' });
    const first = await upload(file, { creatorId }).expect(201);
    await request(app).delete(`/api/v1/assets/${first.body.id}`).set('Authorization', `Bearer ${adminKey}`).expect(200);
    await leavesNothing(async () => {
      const again = await upload(file, { creatorId }).expect(409);
      expect(again.body.error).toMatchObject({ code: 'asset_deleted', details: { assetId: first.body.id } });
    });
  });

  it('identical uploads racing end as one asset and one stored object', async () => {
    const file = await makeImage(dir, 'race.webp', { width: 64, height: 64, format: 'webp' });
    const keysBefore = (await storedKeys()).length;
    const results = await Promise.all(Array.from({ length: 4 }, () => upload(file, { creatorId })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await storedKeys()).length).toBe(keysBefore + 1);
  });

  it('keeps a path-like client file name only as a sanitised label', async () => {
    const file = await makeImage(dir, 'path.png', { width: 20, height: 20, format: 'png' });
    const res = await upload(file, { creatorId }, { name: '../../etc/passwd.mp4' }).expect(201);
    expect(res.body.originalFilename).toBe('passwd.mp4');
    expect(res.body.mimeType).toBe('image/png'); // from the bytes, not the name
    expect(await storedKeys()).toContain(`assets/${res.body.id}/original`);
    const backslashes = await makeImage(dir, 'win.png', { width: 21, height: 20, format: 'png' });
    const win = await upload(backslashes, { creatorId }, { name: '..\\..\\Windows\\evil.png' }).expect(201);
    expect(win.body.originalFilename).toBe('evil.png');
  });

  it('keeps a file name with Polish letters as the browser sent it', async () => {
    const file = await makeImage(dir, 'accents.png', { width: 22, height: 20, format: 'png' });
    const res = await upload(file, { creatorId }, { name: 'Ślub Zażółć.png' }).expect(201);
    expect(res.body.originalFilename).toBe('Ślub Zażółć.png');
  });

  describe('refuses bad files and leaves nothing behind', () => {
    it('a text file renamed .mp4 → 415 unsupported_media_type', async () => {
      const file = path.join(dir, 'notes.mp4');
      await writeFile(file, 'just some notes, not a video\n'.repeat(100));
      await leavesNothing(async () => {
        const res = await upload(file, { creatorId }).expect(415);
        expect(res.body.error.code).toBe('unsupported_media_type');
      });
    });

    it('a zip (large enough to stream) → 415', async () => {
      const file = await makeSizedFile(path.join(dir, 'archive.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), 3 * 1024 * 1024);
      await leavesNothing(async () => {
        expect((await upload(file, { creatorId }).expect(415)).body.error.code).toBe('unsupported_media_type');
      });
    });

    it('an empty file → 422 empty_file', async () => {
      const file = path.join(dir, 'empty.jpg');
      await writeFile(file, '');
      await leavesNothing(async () => {
        expect((await upload(file, { creatorId }).expect(422)).body.error.code).toBe('empty_file');
      });
    });

    it('a decompression bomb PNG → 422 image_too_large from its header', async () => {
      const file = await makePngBomb(dir);
      await leavesNothing(async () => {
        const res = await upload(file, { creatorId }).expect(422);
        expect(res.body.error).toMatchObject({ code: 'image_too_large', details: { width: 12_000, height: 12_000 } });
      });
    });
  });

  describe('refuses bad forms and leaves nothing behind', () => {
    let file: string;
    beforeAll(async () => {
      file = await makeImage(dir, 'form.png', { width: 30, height: 30, format: 'png' });
    });

    it.each([
      ['a malformed creatorId', { creatorId: 'abc' }, 'invalid_creator_id'],
      ['a bad SKU', { productSkus: 'OK-1, bad sku!' }, 'invalid_product_skus'],
      ['too many SKUs', { productSkus: Array.from({ length: 51 }, (_, i) => `S${i}`).join(',') }, 'invalid_product_skus'],
      ['a non-http sourceUrl', { sourceUrl: 'javascript:alert(1)' }, 'invalid_source_url'],
      ['a too long title', { title: 'x'.repeat(301) }, 'invalid_title'],
    ])('%s → 422 %s', async (_name, fields: Fields, code) => {
      await leavesNothing(async () => {
        const res = await upload(file, { creatorId, ...fields }, { fieldsFirst: false }).expect(422);
        expect(res.body.error.code).toBe(code);
      });
    });

    it('no creatorId at all → 422 invalid_creator_id', async () => {
      await leavesNothing(async () => {
        expect((await upload(file, {}, { fieldsFirst: false }).expect(422)).body.error.code).toBe('invalid_creator_id');
      });
    });

    it('an unknown creator → 422 unknown_creator', async () => {
      await leavesNothing(async () => {
        expect((await upload(file, { creatorId: randomUUID() }, { fieldsFirst: false }).expect(422)).body.error.code).toBe('unknown_creator');
      });
    });

    it('no file → 422 missing_file', async () => {
      expect((await upload(null, { creatorId }).expect(422)).body.error.code).toBe('missing_file');
    });

    it('the file under another field name → 400 unexpected_file_field', async () => {
      await leavesNothing(async () => {
        const res = await request(app)
          .post('/api/v1/assets')
          .set('Authorization', `Bearer ${adminKey}`)
          .field('creatorId', creatorId)
          .attach('upload', file)
          .expect(400);
        expect(res.body.error.code).toBe('unexpected_file_field');
      });
    });

    it('two files → 400 too_many_files, the first one removed', async () => {
      const other = await makeImage(dir, 'second.png', { width: 31, height: 30, format: 'png' });
      await leavesNothing(async () => {
        const res = await upload(file, { creatorId }).attach('file', other).expect(400);
        expect(res.body.error.code).toBe('too_many_files');
      });
    });

    it('JSON instead of multipart → 415 expected_multipart', async () => {
      const res = await request(app).post('/api/v1/assets').set('Authorization', `Bearer ${adminKey}`).send({ creatorId }).expect(415);
      expect(res.body.error.code).toBe('expected_multipart');
    });

    it('a multipart body cut off mid-file → 400 invalid_multipart', async () => {
      const boundary = 'XyZ';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000`;
      await leavesNothing(async () => {
        const res = await request(app)
          .post('/api/v1/assets')
          .set('Authorization', `Bearer ${adminKey}`)
          .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
          .send(body)
          .expect(400);
        expect(res.body.error.code).toBe('invalid_multipart');
      });
    });

    it('a client that disconnects mid-file leaves no object, temp file or row', async () => {
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const png = await readFile(await makeImage(dir, 'abort.png', { width: 10, height: 10, format: 'png' }));
      try {
        await leavesNothing(async () => {
          const req = http.request({
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/api/v1/assets',
            headers: {
              Authorization: `Bearer ${adminKey}`,
              'Content-Type': 'multipart/form-data; boundary=B',
              'Content-Length': String(10 * 1024 * 1024),
            },
          });
          req.on('error', () => undefined);
          req.write(`--B\r\nContent-Disposition: form-data; name="creatorId"\r\n\r\n${creatorId}\r\n`);
          req.write('--B\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n');
          req.write(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024, 1)]));
          await sleep(300); // the head is judged and the put has begun
          req.destroy();
          await sleep(300);
        });
        expect(await readdir(path.join(services.config.dataDir, 'media', 'tmp'))).toEqual([]);
      } finally {
        server.close();
      }
    });

    it('a viewer may not upload → 403 before anything is read', async () => {
      const viewer = await createApiKey(services.database.db, 'viewer', 'viewer');
      await leavesNothing(async () => {
        expect((await upload(file, { creatorId }, { key: viewer.key }).expect(403)).body.error.code).toBe('forbidden_role');
      });
    });

    it('a content manager may', async () => {
      const manager = await createApiKey(services.database.db, 'cm', 'content_manager');
      const own = await makeImage(dir, 'cm.png', { width: 33, height: 30, format: 'png' });
      await upload(own, { creatorId }, { key: manager.key }).expect(201);
    });
  });
});

describe('POST /api/v1/assets over UPLOAD_LIMIT_MB', () => {
  let small: Services;
  let smallApp: Express;
  let key: string;
  let smallCreator: string;
  beforeAll(async () => {
    small = await openTestServices({ UPLOAD_LIMIT_MB: '1' });
    smallApp = createApp(small);
    key = (await ensureAdminKey(small)).key!;
    smallCreator = await newCreator(small);
  });
  afterAll(() => small.close());

  it('→ 413 file_too_large, with no orphan object, temp file or row', async () => {
    const png = await makeImage(dir, 'seed.png', { width: 8, height: 8, format: 'png' });
    const head = await readFile(png);
    const file = await makeSizedFile(path.join(dir, 'big.png'), head, 3 * 1024 * 1024);
    await leavesNothing(async () => {
      const res = await upload(file, { creatorId: smallCreator }, { key, to: smallApp }).expect(413);
      expect(res.body.error.code).toBe('file_too_large');
    }, small);
    const tmp = await readdir(path.join(small.config.dataDir, 'media', 'tmp'));
    expect(tmp).toEqual([]);
  });

  it('a file of exactly the limit is accepted', async () => {
    const png = await makeImage(dir, 'seed2.png', { width: 9, height: 8, format: 'png' });
    const head = await readFile(png);
    const file = await makeSizedFile(path.join(dir, 'exact.png'), head, small.config.uploadLimitBytes);
    const res = await upload(file, { creatorId: smallCreator }, { key, to: smallApp }).expect(201);
    expect(res.body.sizeBytes).toBe(small.config.uploadLimitBytes);
  });
});

describe('POST /api/v1/assets to S3 storage', () => {
  let s3: S3rverHandle;
  let onS3: Services;
  let s3App: Express;
  let key: string;
  let s3Creator: string;
  beforeAll(async () => {
    s3 = await startS3rver();
    onS3 = await openTestServices({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'uploads',
    });
    s3App = createApp(onS3);
    key = (await ensureAdminKey(onS3)).key!;
    s3Creator = await newCreator(onS3);
  });
  let s3Running = true;
  afterAll(async () => {
    await onS3.close();
    if (s3Running) await s3.stop();
  });

  it('streams the original into the bucket', async () => {
    const file = await makeVideo(dir, 's3.mp4', { width: 96, height: 64, durationS: 0.5, hue: 45 });
    const res = await upload(file, { creatorId: s3Creator }, { key, to: s3App }).expect(201);
    expect(await onS3.storage.stat(`assets/${res.body.id}/original`)).toMatchObject({ size: res.body.sizeBytes, contentType: 'video/mp4' });
  });

  it('refuses non-media without touching the bucket', async () => {
    const file = path.join(dir, 'fake.mp4');
    await writeFile(file, '<html>not a video</html>');
    const before = s3.requests().length;
    await leavesNothing(async () => {
      expect((await upload(file, { creatorId: s3Creator }, { key, to: s3App }).expect(415)).body.error.code).toBe('unsupported_media_type');
    }, onS3);
    expect(
      s3
        .requests()
        .slice(before)
        .filter((r) => r.startsWith('PUT') || r.startsWith('POST')),
    ).toEqual([]);
  });

  it('storage down → 503 storage_unavailable and no row', async () => {
    const file = await makeImage(dir, 'down.png', { width: 12, height: 12, format: 'png' });
    await s3.stop();
    s3Running = false;
    const rows = await assetCount(onS3);
    const res = await upload(file, { creatorId: s3Creator }, { key, to: s3App }).expect(503);
    expect(res.body.error.code).toBe('storage_unavailable');
    expect(await assetCount(onS3)).toBe(rows);
  });
});

describe('GET /api/v1/assets and /api/v1/assets/:id', () => {
  let listCreator: string;
  const ids: string[] = [];
  beforeAll(async () => {
    listCreator = await newCreator(services);
    for (let i = 0; i < 5; i++) {
      const file = await makeImage(dir, `list-${i}.png`, { width: 40 + i, height: 40, format: 'png' });
      const res = await upload(file, { creatorId: listCreator, productSkus: i % 2 ? 'ODD-1' : 'EVEN-1' }).expect(201);
      ids.unshift(res.body.id); // newest first
    }
  });

  const get = (url: string) => request(app).get(url).set('Authorization', `Bearer ${adminKey}`);

  it('pages newest first with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await get(`/api/v1/assets?creatorId=${listCreator}&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('filters by product, kind and status', async () => {
    const odd = await get(`/api/v1/assets?creatorId=${listCreator}&product=ODD-1`).expect(200);
    expect(odd.body.items.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[3]]);
    expect(odd.body.items[0].productSkus).toEqual(['ODD-1']);
    expect((await get(`/api/v1/assets?creatorId=${listCreator}&kind=video`).expect(200)).body.items).toEqual([]);
    expect((await get(`/api/v1/assets?creatorId=${listCreator}&status=uploaded`).expect(200)).body.items).toHaveLength(5);
  });

  it.each([
    ['cursor=garbage', 'invalid_cursor'],
    ['status=done', 'invalid_status'],
    ['kind=audio', 'invalid_kind'],
    ['limit=0', 'invalid_limit'],
    ['limit=1000', 'invalid_limit'],
    ['creatorId=nope', 'invalid_creator_id'],
    ['product=a%20b', 'invalid_product'],
  ])('?%s → 400 %s', async (query, code) => {
    expect((await get(`/api/v1/assets?${query}`).expect(400)).body.error.code).toBe(code);
  });

  it('one asset with renditions and licenses', async () => {
    const res = await get(`/api/v1/assets/${ids[0]}`).expect(200);
    expect(res.body).toMatchObject({ id: ids[0], status: 'uploaded', renditions: [], licenses: [], productSkus: ['EVEN-1'] });
    expect(res.body).not.toHaveProperty('error');
  });

  it('unknown id → 404 asset_not_found; malformed → 400 invalid_id', async () => {
    expect((await get(`/api/v1/assets/${randomUUID()}`).expect(404)).body.error.code).toBe('asset_not_found');
    expect((await get('/api/v1/assets/123').expect(400)).body.error.code).toBe('invalid_id');
  });

  it('needs a key', async () => {
    await request(app).get('/api/v1/assets').expect(401);
  });
});
