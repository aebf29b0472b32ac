import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FsDriver, type StoredObject } from '../../../core/storage';

/** What only the fs driver promises; storage-driver.test.ts covers the shared behaviour. */
describe('FsDriver', () => {
  let base: string;
  let root: string;
  let driver: FsDriver;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'fs-driver-'));
    root = path.join(base, 'media');
    driver = new FsDriver({ root, signingSecret: 'test-signing-secret-0123456789' });
    await driver.init();
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('lists in S3 key order, where a-b comes before a/', async () => {
    for (const key of ['a/1', 'ab', 'a-b', 'a/0/z', 'a.b']) await driver.put(key, Buffer.from(key));
    const keys: string[] = [];
    for await (const object of driver.list('a')) keys.push(object.key);
    expect(keys).toEqual(['a-b', 'a.b', 'a/0/z', 'a/1', 'ab']);
  });

  it('removes the temp file of a failed upload', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.alloc(100_000);
        throw new Error('source went away');
      })(),
    );
    await expect(driver.put('broken', failing)).rejects.toThrow('source went away');
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await readdir(path.join(root, 'objects'))).toEqual([]);
  });

  it('sweeps temp files abandoned for an hour at init, and keeps live ones', async () => {
    const tmp = path.join(root, 'tmp');
    await writeFile(path.join(tmp, 'abandoned'), 'partial');
    await writeFile(path.join(tmp, 'in-progress'), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(tmp, 'abandoned'), twoHoursAgo, twoHoursAgo);
    await driver.init();
    expect(await readdir(tmp)).toEqual(['in-progress']);
  });

  it('delete removes the directories it leaves empty, up to the root, and keeps shared ones', async () => {
    await driver.put('assets/1/original', Buffer.from('a'));
    await driver.put('assets/2/original', Buffer.from('b'));
    await driver.put('assets/2/renditions/w320.webp', Buffer.from('c'));
    await driver.delete('assets/1/original');
    expect(await readdir(path.join(root, 'objects', 'assets'))).toEqual(['2']);
    expect(await readdir(path.join(root, 'meta', 'assets'))).toEqual(['2']);
    await driver.delete('assets/2/renditions/w320.webp');
    expect(await readdir(path.join(root, 'objects', 'assets', '2'))).toEqual(['original']);
    await driver.delete('assets/2/original');
    expect(await readdir(path.join(root, 'objects'))).toEqual([]);
    expect(await readdir(path.join(root, 'meta'))).toEqual([]);
    // The roots themselves stay, and a put into a pruned directory makes it again.
    await driver.put('assets/2/original', Buffer.from('again'));
    expect((await driver.stat('assets/2/original'))?.size).toBe(5);
  });

  it('a put racing deletes in the same directory still lands', async () => {
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await driver.put(`race/${i}`, Buffer.from(String(i)));
        if (i % 2 === 0) await driver.delete(`race/${i}`);
      }),
    );
    const keys: string[] = [];
    for await (const object of driver.list('race/')) keys.push(object.key);
    expect(keys.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `race/${i * 2 + 1}`).sort());
  });

  it('does not take a directory of nested keys for an object', async () => {
    await driver.put('a/b', Buffer.from('x'));
    expect(await driver.stat('a')).toBeNull();
    await expect(driver.get('a')).rejects.toMatchObject({ code: 'object_not_found' });
    expect(await driver.stat('a/b/c')).toBeNull();
  });

  it('keeps content types in a sidecar that listings do not show', async () => {
    await driver.put('p.bin', Buffer.from('x'), { contentType: 'image/webp' });
    const listed: StoredObject[] = [];
    for await (const object of driver.list('')) listed.push(object);
    expect(listed.map((o) => o.key)).toEqual(['p.bin']);
    expect(await driver.stat('p.bin')).toMatchObject({ contentType: 'image/webp' });
  });

  it('fails ping when the root is gone', async () => {
    await rm(root, { recursive: true });
    await expect(driver.ping()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
