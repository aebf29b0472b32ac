import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FILES_PATH, FsDriver, S3Driver, verifyFileUrl, type StorageDriver, type StoredObject } from '../../../core/storage';
import { startS3rver, type S3rverHandle } from '../../helpers/s3rver';

/**
 * One behaviour, two backends: every test here runs against the fs driver in a temp directory
 * and the S3 driver against s3rver on loopback (see test/helpers/s3rver.ts for how its missing
 * ListMultipartUploads is answered). Each test gets a fresh root or bucket.
 */
interface Fixture {
  driver: StorageDriver;
  /** Everything the driver could have touched, to prove that a call did no I/O. */
  footprint(): Promise<string>;
  /** What a download URL serves, and the download name it asks for. */
  openUrl(url: string): Promise<{ body: Buffer; downloadName?: string }>;
  close(): Promise<void>;
}

const SECRET = 'test-signing-secret-0123456789';
const MiB = 1024 * 1024;
/** The smallest part S3 allows, so a 12 MiB stream needs three parts. */
const PART_SIZE = 5 * MiB;

let s3: S3rverHandle;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3.stop());

async function fsFixture(): Promise<Fixture> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'storage-fs-'));
  const driver = new FsDriver({ root: path.join(base, 'media'), signingSecret: SECRET, publicBaseUrl: 'http://media.test' });
  await driver.init();
  return {
    driver,
    // The whole temp directory, so that files written beside the root count too.
    footprint: async () => (await readdir(base, { recursive: true })).sort().join('\n'),
    openUrl: async (url) => {
      const { pathname, searchParams } = new URL(url);
      const key = pathname.slice(`${FILES_PATH}/`.length).split('/').map(decodeURIComponent).join('/');
      const check = verifyFileUrl(SECRET, key, Object.fromEntries(searchParams));
      if (!check.ok) throw new Error(`${url}: ${check.code}`);
      return { body: await readAll(await driver.get(key)), downloadName: check.grant.downloadName };
    },
    close: () => rm(base, { recursive: true, force: true }),
  };
}

async function s3Fixture(): Promise<Fixture> {
  const driver = new S3Driver({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: `test-${randomUUID()}`,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    partSize: PART_SIZE,
  });
  await driver.ensureBucket();
  return {
    driver,
    footprint: async () => String(s3.requests().length),
    openUrl: async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      const name = /filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      return { body: Buffer.from(await res.arrayBuffer()), downloadName: name === undefined ? undefined : decodeURIComponent(name) };
    },
    close: async () => undefined,
  };
}

describe.each([
  { name: 'fs', setup: fsFixture },
  { name: 's3', setup: s3Fixture },
])('$name driver', ({ name, setup }) => {
  let fixture: Fixture;
  let driver: StorageDriver;
  beforeEach(async () => {
    fixture = await setup();
    driver = fixture.driver;
  });
  afterEach(() => fixture.close());

  const text = Buffer.from('0123456789abcdefghij');

  it('stores a Buffer and reports its size and content type', async () => {
    const stored = await driver.put('assets/1/original.txt', text, { contentType: 'text/plain' });
    expect(stored).toMatchObject({ key: 'assets/1/original.txt', size: 20, contentType: 'text/plain' });
    expect(await driver.stat('assets/1/original.txt')).toMatchObject({ size: 20, contentType: 'text/plain' });
    expect(await readAll(await driver.get('assets/1/original.txt'))).toEqual(text);
  });

  it('stores a stream of unknown size, with the default content type', async () => {
    await driver.put('assets/2/poster', Readable.from([text.subarray(0, 7), text.subarray(7)]));
    expect(await driver.stat('assets/2/poster')).toMatchObject({ size: 20, contentType: 'application/octet-stream' });
    expect(await readAll(await driver.get('assets/2/poster'))).toEqual(text);
  });

  it('replaces an object on a second put', async () => {
    await driver.put('k', text, { contentType: 'text/plain' });
    await driver.put('k', Buffer.from('new'), { contentType: 'image/png' });
    expect(await driver.stat('k')).toMatchObject({ size: 3, contentType: 'image/png' });
    expect((await readAll(await driver.get('k'))).toString()).toBe('new');
  });

  it('reads byte ranges, inclusive like HTTP', async () => {
    await driver.put('r', text);
    expect((await readAll(await driver.get('r', { start: 0, end: 3 }))).toString()).toBe('0123');
    expect((await readAll(await driver.get('r', { start: 5, end: 9 }))).toString()).toBe('56789');
    expect((await readAll(await driver.get('r', { start: 15 }))).toString()).toBe('fghij');
    expect((await readAll(await driver.get('r', { start: 18, end: 100 }))).toString()).toBe('ij');
  });

  it('refuses a range that starts past the end', async () => {
    await driver.put('r', text);
    await expect(driver.get('r', { start: 20 })).rejects.toMatchObject({ code: 'range_not_satisfiable' });
  });

  it('reports missing objects: stat null, get not_found', async () => {
    expect(await driver.stat('missing/key')).toBeNull();
    await expect(driver.get('missing/key')).rejects.toMatchObject({ kind: 'not_found', code: 'object_not_found' });
  });

  it('deletes idempotently', async () => {
    await driver.put('d/x', text);
    await driver.delete('d/x');
    expect(await driver.stat('d/x')).toBeNull();
    await expect(driver.delete('d/x')).resolves.toBeUndefined();
    await expect(driver.delete('never/was')).resolves.toBeUndefined();
  });

  it('lists by string prefix, nested keys included', async () => {
    const keys = ['list/a/1', 'list/a/2/deep/x', 'list/a-b', 'list/ab', 'list/b/1', 'other/a'];
    for (const key of keys) await driver.put(key, Buffer.from(key), { contentType: 'text/plain' });
    // Sorted here: s3rver does not list in S3's key order (fs-driver.test.ts checks the fs order).
    const listed = async (prefix: string) => (await collect(driver.list(prefix))).map((o) => o.key).sort();

    expect(await listed('list/a/')).toEqual(['list/a/1', 'list/a/2/deep/x']);
    expect(await listed('list/a')).toEqual(['list/a-b', 'list/a/1', 'list/a/2/deep/x', 'list/ab'].sort());
    expect(await listed('list/b/')).toEqual(['list/b/1']);
    expect(await listed('nothing/')).toEqual([]);
    expect(await listed('')).toEqual([...keys].sort());
    const [first] = await collect(driver.list('list/a/1'));
    expect(first).toMatchObject({ key: 'list/a/1', size: 8 });
    expect(Math.abs(Date.now() - (first?.modifiedAt.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it('gives a download URL that serves the object under the signed download name', async () => {
    await driver.put('assets/3/cut.mp4', text, { contentType: 'video/mp4' });
    const before = Date.now();
    const { url, expiresAt } = await driver.url('assets/3/cut.mp4', { downloadName: 'Résumé "final".mp4' });
    expect(await fixture.openUrl(url)).toEqual({ body: text, downloadName: 'Résumé "final".mp4' });
    // 15 minutes by default, to the second.
    expect(expiresAt.getTime() - before).toBeGreaterThan(899_000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(900_000);
  });

  it('refuses URL lifetimes outside 1 s to 7 days', async () => {
    for (const expiresInS of [0, 1.5, 8 * 24 * 3600]) {
      await expect(driver.url('k', { expiresInS })).rejects.toMatchObject({ code: 'invalid_url_expiry' });
    }
  });

  it('rejects unsafe keys before any I/O', async () => {
    const planted = path.join(os.tmpdir(), `planted-${randomUUID()}`);
    const badKeys = ['../x', 'a/../../b', './a', 'a//b', 'a/', planted, 'a\0b', 'a\nb', 'a\\b', '', 'k'.repeat(1025)];
    const before = await fixture.footprint();
    for (const key of badKeys) {
      for (const call of [() => driver.put(key, text), () => driver.get(key), () => driver.stat(key), () => driver.delete(key), () => driver.url(key)]) {
        await expect(call()).rejects.toMatchObject({ kind: 'invalid', code: 'invalid_storage_key' });
      }
    }
    // Read-only calls only: were validation broken, nothing here may damage the machine.
    await expect(driver.get('/etc/passwd')).rejects.toMatchObject({ code: 'invalid_storage_key' });
    await expect(driver.stat('/etc/passwd')).rejects.toMatchObject({ code: 'invalid_storage_key' });
    for (const prefix of ['../', '/etc/', 'a/../../', 'a\0']) {
      await expect(collect(driver.list(prefix))).rejects.toMatchObject({ code: 'invalid_storage_key' });
    }
    expect(await fixture.footprint()).toBe(before);
    expect(existsSync(planted)).toBe(false);
  });

  it('leaves no object behind when the upload stream fails', async () => {
    const failing = Readable.from(
      (async function* () {
        yield text;
        throw new Error('source went away');
      })(),
    );
    await expect(driver.put('broken', failing)).rejects.toThrow('source went away');
    expect(await driver.stat('broken')).toBeNull();
    expect(await collect(driver.list(''))).toEqual([]);
  });

  it('streams an object larger than the multipart part size', async () => {
    const size = 12 * MiB;
    const sent = createHash('sha256');
    const source = Readable.from(
      (async function* () {
        for (let offset = 0; offset < size; offset += MiB) {
          const chunk = randomBytes(MiB);
          sent.update(chunk);
          yield chunk;
        }
      })(),
    );
    const requestsBefore = s3.requests().length;
    expect(await driver.put('big/video.mp4', source, { contentType: 'video/mp4' })).toMatchObject({ size });

    const received = createHash('sha256');
    for await (const chunk of await driver.get('big/video.mp4')) received.update(chunk);
    expect(received.digest('hex')).toBe(sent.digest('hex'));
    if (name === 's3') {
      // 5 + 5 + 2 MiB: proof that this went through a multipart upload, not one PUT.
      const parts = s3
        .requests()
        .slice(requestsBefore)
        .filter((r) => r.startsWith('PUT ') && r.includes('partNumber='));
      expect(parts).toHaveLength(3);
    }
  });

  it('answers ping', async () => {
    await expect(driver.ping()).resolves.toBeUndefined();
  });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function collect(objects: AsyncIterable<StoredObject>): Promise<StoredObject[]> {
  const all: StoredObject[] = [];
  for await (const object of objects) all.push(object);
  return all;
}
