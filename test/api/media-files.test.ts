import express, { type ErrorRequestHandler } from 'express';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { errorResponse } from '../../api/http/error-handler';
import { mediaFilesRouter } from '../../api/routes/media-files';
import { FsDriver, signFileUrl, type UrlLicense } from '../../core/storage';

const SECRET = 'test-signing-secret-0123456789';
const KEY = 'assets/7/ünï code.txt';
const BODY = '0123456789abcdefghij';

describe('GET/HEAD /files/*key', () => {
  let base: string;
  let storage: FsDriver;
  let app: express.Express;
  let url: string;
  const allowed = new Set<string>();
  const asked: Array<UrlLicense & { at: Date }> = [];
  beforeEach(() => {
    allowed.clear();
    asked.length = 0;
  });
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'media-files-'));
    storage = new FsDriver({ root: base, signingSecret: SECRET });
    await storage.init();
    await storage.put(KEY, Buffer.from(BODY), { contentType: 'text/plain' });
    url = (await storage.url(KEY)).url;
    // The lead's error mapping, without its logger: DomainErrors become their status and JSON.
    const toJson: ErrorRequestHandler = (err, _req, res, _next) => {
      const { status, body } = errorResponse(err);
      res.status(status).json(body);
    };
    // The license question as a plain function over a set: the database side is licenseStillAllows (test/api/revoked-urls.test.ts).
    const licenseAllows = async (license: UrlLicense, at: Date) => {
      asked.push({ ...license, at });
      return allowed.has(`${license.id}|${license.use}`);
    };
    app = express()
      .use(mediaFilesRouter(storage, SECRET, licenseAllows))
      .use(toJson);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves the whole file with its headers', async () => {
    const res = await request(app).get(url).expect(200);
    expect(res.text).toBe(BODY);
    expect(res.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': '20',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
    const stored = await storage.stat(KEY);
    expect(res.headers.etag).toBe(`"${stored?.etag}"`);
    expect(res.headers['last-modified']).toBe(stored?.modifiedAt.toUTCString());
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('serves a byte range with 206', async () => {
    const res = await request(app).get(url).set('Range', 'bytes=2-5').expect(206);
    expect(res.text).toBe('2345');
    expect(res.headers).toMatchObject({ 'content-range': 'bytes 2-5/20', 'content-length': '4' });
  });

  it('serves open-ended and suffix ranges', async () => {
    expect((await request(app).get(url).set('Range', 'bytes=15-').expect(206)).text).toBe('fghij');
    const suffix = await request(app).get(url).set('Range', 'bytes=-3').expect(206);
    expect(suffix.text).toBe('hij');
    expect(suffix.headers['content-range']).toBe('bytes 17-19/20');
  });

  it('answers 416 for a range past the end', async () => {
    const res = await request(app).get(url).set('Range', 'bytes=20-').expect(416);
    expect(res.body).toEqual({ error: { code: 'range_not_satisfiable', message: 'The file has 20 bytes' } });
    expect(res.headers['content-range']).toBe('bytes */20');
  });

  it('ignores a Range in another unit or with an invalid range set, as RFC 9110 says (200, whole file)', async () => {
    for (const range of ['items=0-10', 'bytes=10-5', 'bytes=a-b', 'bytes=', 'bytes=-', 'bytes=1-2,5-3', 'bytes 0-1']) {
      const res = await request(app).get(url).set('Range', range);
      expect([range, res.status, res.text]).toEqual([range, 200, BODY]);
      expect(res.headers['content-range']).toBeUndefined();
    }
  });

  it('a suffix longer than the file selects the whole file (206 bytes 0-19/20)', async () => {
    for (const range of ['bytes=-99999999999', 'bytes=-20', 'bytes=-21']) {
      const res = await request(app).get(url).set('Range', range).expect(206);
      expect(res.text).toBe(BODY);
      expect(res.headers['content-range']).toBe('bytes 0-19/20');
    }
  });

  it('takes the unit in any case, merges adjacent ranges, and clamps a last position past the end', async () => {
    expect((await request(app).get(url).set('Range', 'BYTES=2-3').expect(206)).text).toBe('23');
    const merged = await request(app).get(url).set('Range', 'bytes=0-1, 2-4').expect(206);
    expect([merged.text, merged.headers['content-range']]).toEqual(['01234', 'bytes 0-4/20']);
    const clamped = await request(app).get(url).set('Range', 'bytes=18-99999999999999999999').expect(206);
    expect([clamped.text, clamped.headers['content-range']]).toEqual(['ij', 'bytes 18-19/20']);
    // Two ranges apart would need a multipart answer: the whole file instead.
    expect((await request(app).get(url).set('Range', 'bytes=0-0,-1').expect(200)).text).toBe(BODY);
  });

  it('answers 416 only when every range starts past the end, or the suffix is empty', async () => {
    for (const range of ['bytes=20-', 'bytes=25-30', 'bytes=-0', 'bytes=20-21,30-']) {
      const res = await request(app).get(url).set('Range', range);
      expect([range, res.status, res.headers['content-range']]).toEqual([range, 416, 'bytes */20']);
    }
  });

  it('ignores Range when If-Range names another version', async () => {
    const res = await request(app).get(url).set('Range', 'bytes=2-5').set('If-Range', '"old-version"').expect(200);
    expect(res.text).toBe(BODY);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await request(app).head(url).expect(200);
    expect(res.headers['content-length']).toBe('20');
    expect(res.text).toBeUndefined();
  });

  it('sends the signed download name as Content-Disposition', async () => {
    const { url: download } = await storage.url(KEY, { downloadName: 'Résumé.txt' });
    const res = await request(app).get(download).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="R_sum_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9.txt`);
  });

  it('answers 403 invalid_signature to a tampered URL', async () => {
    const tampered = url.replace(/sig=./, (s) => (s.endsWith('0') ? 'sig=1' : 'sig=0'));
    const res = await request(app).get(tampered).expect(403);
    expect(res.body).toEqual({ error: { code: 'invalid_signature', message: 'The link is not valid for this file' } });
    const otherKey = url.replace('assets/7/', 'assets/8/');
    expect((await request(app).get(otherKey).expect(403)).body.error.code).toBe('invalid_signature');
    expect((await request(app).get('/files/assets/7/x.txt').expect(403)).body.error.code).toBe('invalid_signature');
  });

  it('answers 403 url_expired to a genuine URL past its expiry', async () => {
    const expired = signFileUrl(SECRET, { key: KEY, expires: Math.floor(Date.now() / 1000) - 1 });
    const res = await request(app).get(expired).expect(403);
    expect(res.body).toEqual({ error: { code: 'url_expired', message: 'The link has expired' } });
  });

  describe('a URL given under a license', () => {
    const license = { id: 'lic-1', use: 'show.asset-1.product_page.PL' };

    it('is served while the license allows its use, asked on every request at the time of the request', async () => {
      const { url: licensed } = await storage.url(KEY, { license });
      expect(new URL(licensed, 'http://x').searchParams.get('lic')).toBe('lic-1');
      allowed.add('lic-1|show.asset-1.product_page.PL');
      const before = Date.now();
      expect((await request(app).get(licensed).expect(200)).text).toBe(BODY);
      await request(app).get(licensed).set('Range', 'bytes=0-1').expect(206);
      expect(asked).toEqual([expect.objectContaining(license), expect.objectContaining(license)]);
      expect(asked[0]!.at.getTime()).toBeGreaterThanOrEqual(before);
      expect(asked[1]!.at.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('answers 403 license_not_in_force (GET and HEAD) once it no longer does, before its expiry', async () => {
      const { url: licensed } = await storage.url(KEY, { license, expiresInS: 3600 });
      const res = await request(app).get(licensed).expect(403);
      expect(res.body.error.code).toBe('license_not_in_force');
      await request(app).head(licensed).expect(403);
    });

    it('refuses a changed, added or removed license as invalid_signature, without asking', async () => {
      allowed.add('lic-1|show.asset-1.product_page.PL').add('lic-2|show.asset-1.product_page.PL').add('lic-1|show.asset-1.product_page.DE');
      const { url: licensed } = await storage.url(KEY, { license });
      const tampered = [
        licensed.replace('lic=lic-1', 'lic=lic-2'),
        licensed.replace('product_page.PL', 'product_page.DE'),
        licensed.replace(/&lic=[^&]*/, ''),
        licensed.replace(/&lic=[^&]*&use=[^&]*/, ''),
        `${url}&lic=lic-1&use=show.asset-1.product_page.PL`,
      ];
      for (const forged of tampered) {
        expect([forged, (await request(app).get(forged)).body.error?.code]).toEqual([forged, 'invalid_signature']);
      }
      expect(asked).toEqual([]);
    });

    it('never asks about a URL given without one', async () => {
      await request(app).get(url).expect(200);
      expect(asked).toEqual([]);
    });
  });

  it('answers 404 object_not_found to a valid URL for a missing object', async () => {
    const { url: missing } = await storage.url('assets/7/gone.txt');
    const res = await request(app).get(missing).expect(404);
    expect(res.body.error).toEqual({ code: 'object_not_found', message: 'No stored object with key assets/7/gone.txt' });
  });
});
