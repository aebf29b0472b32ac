import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { assetProducts, assets as assetsTable, auditLog, licenseAssets, rightsRequests } from '../../core/db';
import { MAX_ORIGINALS_PER_REQUEST, ORIGINALS_UPLOAD_DAYS } from '../../core/rights-requests/request-originals';
import type { Services } from '../../core/runtime/services';
import { makeImage, makeSizedFile, makeVideo } from '../helpers/media-fixtures';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator } from '../core/licensing/fixtures';

let services: Services;
let app: Express;
let managerKey: string;
let creator: string;
let requested: string[];
let dir: string;

beforeAll(async () => {
  services = await openTestServices({ BRAND_NAME: 'Marka', UPLOAD_LIMIT_MB: '1' });
  app = createApp(services);
  const db = services.database.db;
  managerKey = (await createApiKey(db, 'Maria (content)', 'content_manager')).key;
  creator = await insertCreator(db);
  requested = [await insertAsset(db, creator), await insertAsset(db, creator)];
  await db.insert(assetProducts).values([
    { assetId: requested[0]!, sku: 'SKU-MUG' },
    { assetId: requested[1]!, sku: 'SKU-MUG' },
    { assetId: requested[1]!, sku: 'SKU-CUP' },
  ]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'request-originals-'));
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
const iso = (deltaMs: number) => new Date(Date.now() + deltaMs).toISOString();
const api = (method: 'get' | 'post', url: string) => request(app)[method](url).set('Authorization', `Bearer ${managerKey}`);
const pathOf = (url: string) => new URL(url).pathname;
/** What a browser sends with a form post: it asks for HTML first. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function ask(body: Record<string, unknown> = {}): Promise<{ id: string; url: string }> {
  const res = await api('post', '/api/v1/rights-requests')
    .send({
      creatorId: creator,
      assetIds: requested,
      terms: { territories: ['PL'], channels: ['paid_social'], startsAt: iso(-DAY), endsAt: iso(120 * DAY), derivativesAllowed: true },
      language: 'pl',
      ...body,
    })
    .expect(201);
  return res.body as { id: string; url: string };
}

const accept = (url: string) =>
  request(app)
    .post(`${pathOf(url)}/accept`)
    .send({ name: 'Anna Kowalska', email: 'anna@example.com', agree: true });

async function accepted(body: Record<string, unknown> = {}): Promise<{ id: string; url: string; licenseId: string }> {
  const asked = await ask(body);
  const res = await accept(asked.url).expect(200);
  return { ...asked, licenseId: res.body.licenseId as string };
}

function sendOriginal(url: string, file: string | null, opts: { page?: boolean; fields?: Record<string, string> } = {}): request.Test {
  let req = request(app).post(`${pathOf(url)}/originals`);
  if (opts.page) req = req.set('Accept', BROWSER_ACCEPT);
  for (const [name, value] of Object.entries(opts.fields ?? {})) req = req.field(name, value);
  return file ? req.attach('file', file) : req;
}

let imageCount = 0;
/** A small JPEG whose bytes no other image in this file has. */
const newImage = () => makeImage(dir, `photo-${++imageCount}.jpg`, { width: 48, height: 32, format: 'jpeg' });

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of services.storage.list('')) keys.push(object.key);
  return keys.sort();
}

/** Runs `act` and expects storage, the assets, what licenses name and the audit log to be exactly as they were. */
async function leavesNothing(act: () => Promise<unknown>): Promise<void> {
  const db = services.database.db;
  const state = async () => [
    await storedKeys(),
    (await db.select().from(assetsTable)).length,
    (await db.select().from(licenseAssets)).length,
    (await db.select().from(auditLog)).length,
  ];
  const before = await state();
  await act();
  expect(await state()).toEqual(before);
}

const refused = async (res: request.Test, status: number, code: string) => {
  const { body } = await res.expect(status);
  expect(body.error.code).toBe(code);
};

describe('after accepting', () => {
  it('offers the upload in the JSON reply: where, until when, how many', async () => {
    const asked = await ask();
    const before = Date.now();
    const { body } = await accept(asked.url).expect(200);
    expect(body.originals).toEqual({ url: expect.any(String), until: expect.any(String), maxFiles: MAX_ORIGINALS_PER_REQUEST });
    expect(pathOf(body.originals.url)).toBe(`${pathOf(asked.url)}/originals`); // absolute, under the address the API was reached at
    expect(Date.parse(body.originals.until) - before).toBeGreaterThanOrEqual(ORIGINALS_UPLOAD_DAYS * DAY - 1000);
    expect(Date.parse(body.originals.until) - before).toBeLessThanOrEqual(ORIGINALS_UPLOAD_DAYS * DAY + 60_000);
  });

  it('an original becomes the creator’s asset with the requested products, covered by the license, queued for processing, audited', async () => {
    const req = await accepted();
    const image = await newImage();
    const res = await sendOriginal(req.url, image).expect(201);
    expect(res.body).toMatchObject({
      requestId: req.id,
      assetId: expect.any(String),
      status: 'uploaded',
      licenseId: req.licenseId,
      remaining: MAX_ORIGINALS_PER_REQUEST - 1,
    });
    const { assetId, jobId } = res.body as { assetId: string; jobId: string };

    const asset = (await api('get', `/api/v1/assets/${assetId}`).expect(200)).body;
    expect(asset).toMatchObject({
      creatorId: creator,
      kind: 'image',
      mimeType: 'image/jpeg',
      productSkus: ['SKU-CUP', 'SKU-MUG'],
      originalFilename: path.basename(image),
    });
    expect(asset.title).toContain(req.id);
    expect(asset.licenses.map((l: { id: string }) => l.id)).toContain(req.licenseId);
    expect(asset.sha256).toBe(
      createHash('sha256')
        .update(await readFile(image))
        .digest('hex'),
    ); // the bytes as sent, whole

    const license = (await api('get', `/api/v1/licenses/${req.licenseId}`).expect(200)).body;
    expect(license.assetIds).toEqual([...requested, assetId].sort());
    const rights = (await api('get', `/api/v1/assets/${assetId}/rights?channel=paid_social&territory=PL`).expect(200)).body;
    expect(rights).toMatchObject({ allowed: true, licenseId: req.licenseId });

    expect(jobId).toEqual(expect.any(String));
    expect(await services.queues.find(jobId)).toMatchObject({ queue: 'media', name: 'probe' });

    const entries = await services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, req.id), eq(auditLog.action, 'rights_request.original')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ requestId: req.id, assetId, licenseId: req.licenseId, created: true, coveredBy: 'named_asset' });
    const history = (await api('get', `/api/v1/licenses/${req.licenseId}/history`).expect(200)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'license.update', after: { assetIds: [...requested, assetId].sort() } });
  });

  it('takes a video too, and the same file again returns the same asset without counting it twice', async () => {
    const req = await accepted();
    const video = await makeVideo(dir, 'clip.mp4', { width: 64, height: 64, durationS: 1 });
    const first = await sendOriginal(req.url, video).expect(201);
    expect(first.body.remaining).toBe(MAX_ORIGINALS_PER_REQUEST - 1);
    expect((await api('get', `/api/v1/assets/${first.body.assetId}`).expect(200)).body).toMatchObject({ kind: 'video', mimeType: 'video/mp4' });
    await leavesNothing(async () => {
      const again = await sendOriginal(req.url, video).expect(200);
      expect(again.body).toMatchObject({ assetId: first.body.assetId, remaining: MAX_ORIGINALS_PER_REQUEST - 1 });
    });
  });

  it('under a license over all the creator’s content, the original is covered without being named', async () => {
    const req = await accepted({ assetIds: [] });
    const res = await sendOriginal(req.url, await newImage()).expect(201);
    const license = (await api('get', `/api/v1/licenses/${req.licenseId}`).expect(200)).body;
    expect(license).toMatchObject({ creatorId: creator, assetIds: [] });
    expect((await api('get', `/api/v1/assets/${res.body.assetId}`).expect(200)).body.productSkus).toEqual([]);
    const rights = (await api('get', `/api/v1/assets/${res.body.assetId}/rights?channel=paid_social&territory=PL`).expect(200)).body;
    expect(rights).toMatchObject({ allowed: true, licenseId: req.licenseId });
  });
});

describe('refusals leave no object and no row', () => {
  it('a request still waiting for its answer: 409 request_not_accepted', async () => {
    const asked = await ask();
    const image = await newImage();
    await leavesNothing(() => refused(sendOriginal(asked.url, image), 409, 'request_not_accepted'));
  });

  it('a declined or cancelled request: 410 as the other answers', async () => {
    const declined = await ask();
    await request(app)
      .post(`${pathOf(declined.url)}/decline`)
      .send({})
      .expect(200);
    const cancelled = await ask();
    await api('post', `/api/v1/rights-requests/${cancelled.id}/cancel`).expect(200);
    const image = await newImage();
    await leavesNothing(async () => {
      await refused(sendOriginal(declined.url, image), 410, 'request_declined');
      await refused(sendOriginal(cancelled.url, image), 410, 'request_cancelled');
    });
  });

  it('an altered link: 404 request_link_invalid', async () => {
    const req = await accepted();
    const tampered = req.url.slice(0, -1) + (req.url.endsWith('A') ? 'B' : 'A');
    const image = await newImage();
    await leavesNothing(() => refused(sendOriginal(tampered, image), 404, 'request_link_invalid'));
  });

  it(`more than ${ORIGINALS_UPLOAD_DAYS} days after the acceptance, or once the license is revoked: 410 request_upload_closed`, async () => {
    const late = await accepted();
    await services.database.db
      .update(rightsRequests)
      .set({ answeredAt: new Date(Date.now() - (ORIGINALS_UPLOAD_DAYS * DAY + 60_000)) })
      .where(eq(rightsRequests.id, late.id));
    const revoked = await accepted();
    await api('post', `/api/v1/licenses/${revoked.licenseId}/revoke`).send({}).expect(200);
    const image = await newImage();
    await leavesNothing(async () => {
      await refused(sendOriginal(late.url, image), 410, 'request_upload_closed');
      await refused(sendOriginal(revoked.url, image), 410, 'request_upload_closed');
    });
  });

  it('the answered link’s page still offers the upload while it is open (410, as every answered link), and not after', async () => {
    const open = await accepted();
    const page = await request(app).get(pathOf(open.url)).set('Accept-Language', 'en').expect(410);
    expect(page.text).toContain(`action="${pathOf(open.url)}/originals"`);
    await services.database.db
      .update(rightsRequests)
      .set({ answeredAt: new Date(Date.now() - (ORIGINALS_UPLOAD_DAYS * DAY + 60_000)) })
      .where(eq(rightsRequests.id, open.id));
    const closed = await request(app).get(pathOf(open.url)).expect(410);
    expect(closed.text).not.toContain('/originals');
  });

  it(`after ${MAX_ORIGINALS_PER_REQUEST} files: 409 too_many_originals`, async () => {
    const req = await accepted();
    for (let i = 0; i < MAX_ORIGINALS_PER_REQUEST; i++) await sendOriginal(req.url, await newImage()).expect(201);
    const image = await newImage();
    await leavesNothing(() => refused(sendOriginal(req.url, image), 409, 'too_many_originals'));
  });

  it('a file that is not media (judged by its bytes), too large, empty, missing, or sent with other fields', async () => {
    const req = await accepted();
    const notes = path.join(dir, 'notes.jpg');
    await writeFile(notes, 'just some notes, not a photo\n'.repeat(20_000));
    const jpegHead = await readFile(await newImage());
    const large = await makeSizedFile(path.join(dir, 'large.jpg'), jpegHead, 1024 * 1024 + 200_000);
    const empty = path.join(dir, 'empty.jpg');
    await writeFile(empty, '');
    const image = await newImage();
    await leavesNothing(async () => {
      await refused(sendOriginal(req.url, notes), 415, 'unsupported_media_type');
      await refused(sendOriginal(req.url, large), 413, 'file_too_large');
      await refused(sendOriginal(req.url, empty), 422, 'empty_file');
      await refused(sendOriginal(req.url, null, { fields: { note: 'hi' } }), 422, 'missing_file');
      await refused(sendOriginal(req.url, image, { fields: { title: 'mine' } }), 400, 'unexpected_field');
      await refused(
        request(app)
          .post(`${pathOf(req.url)}/originals`)
          .send({ file: 'x' }),
        415,
        'expected_multipart',
      );
    });
    expect((await sendOriginal(req.url, image).expect(201)).body.remaining).toBe(MAX_ORIGINALS_PER_REQUEST - 1); // none of those counted
  });

  it('another creator’s file: 409 original_of_another_creator', async () => {
    const other = await insertCreator(services.database.db);
    const image = await newImage();
    await api('post', '/api/v1/assets').field('creatorId', other).attach('file', image).expect(201);
    const req = await accepted();
    await leavesNothing(() => refused(sendOriginal(req.url, image), 409, 'original_of_another_creator'));
  });
});

describe('the page', () => {
  it('the thank-you page offers the upload: a labelled file input for photos and videos, multipart, no script', async () => {
    const asked = await ask();
    const page = await request(app)
      .post(`${pathOf(asked.url)}/accept`)
      .type('form')
      .send({ name: 'Anna Kowalska', email: 'anna@example.com', agree: 'true' })
      .expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(`<form method="post" action="${pathOf(asked.url)}/originals" enctype="multipart/form-data">`);
    expect(page.text).toMatch(/<label for="file">[^<]+<\/label><input type="file" id="file" name="file" required accept="image\/\*,video\/\*">/);
    expect(page.text).toContain('oryginały w pełnej jakości');
    expect(page.text).not.toContain('<script');
  });

  it('a file from the form gets a page saying it arrived, with the form for more; a refused one a page saying why', async () => {
    const req = await accepted({ language: 'en' });
    const received = await sendOriginal(req.url, await newImage(), { page: true }).expect(201);
    expect(received.headers['content-type']).toMatch(/^text\/html/);
    expect(received.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(received.text).toContain('The file has arrived');
    expect(received.text).toContain(`You can send ${MAX_ORIGINALS_PER_REQUEST - 1} more files`);
    expect(received.text).toContain(`action="${pathOf(req.url)}/originals" enctype="multipart/form-data"`);
    expect(received.text).not.toContain('<script');

    const notes = path.join(dir, 'page-notes.jpg');
    await writeFile(notes, 'not a photo\n'.repeat(100));
    const bad = await sendOriginal(req.url, notes, { page: true }).expect(415);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.text).toContain('This is not a photo or a video');
    expect(bad.text).toContain('enctype="multipart/form-data"'); // try again

    const pending = await ask();
    const early = await sendOriginal(pending.url, await newImage(), { page: true }).expect(409);
    expect(early.text).toContain('Najpierw zaakceptuj prośbę');
    expect(early.text).not.toContain('<form');
  });
});
