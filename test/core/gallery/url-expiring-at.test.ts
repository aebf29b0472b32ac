import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { urlExpiringAt } from '../../../core/gallery/url-expiring-at';
import { FsDriver, verifyFileUrl } from '../../../core/storage';
import { disclosureLabel } from '../../../core/gallery/disclosure-label';

const SECRET = 'url-expiring-at-secret-0123';
let dir: string;
let storage: FsDriver;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'url-expiring-'));
  storage = new FsDriver({ root: dir, signingSecret: SECRET });
  await storage.init();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('urlExpiringAt', () => {
  it('expires at the deadline rounded down to a whole second, never later', async () => {
    for (let i = 0; i < 20; i++) {
      const deadline = new Date(Date.now() + 5_000 + i * 37);
      const url = (await urlExpiringAt(storage, 'a/b', deadline))!;
      expect(url.expiresAt.getTime()).toBe(Math.floor(deadline.getTime() / 1000) * 1000);
      expect(verifyFileUrl(SECRET, 'a/b', query(url.url))).toMatchObject({ ok: true });
      expect(verifyFileUrl(SECRET, 'a/b', query(url.url), url.expiresAt.getTime())).toMatchObject({ ok: false, code: 'url_expired' });
    }
  });

  it('gives the same URL for the same deadline, so a gallery body stays the same', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    expect((await urlExpiringAt(storage, 'k', deadline))!.url).toBe((await urlExpiringAt(storage, 'k', deadline))!.url);
  });

  it('gives none with less than a second left', async () => {
    expect(await urlExpiringAt(storage, 'k', new Date(Date.now() - 1))).toBeNull();
    expect(await urlExpiringAt(storage, 'k', new Date(Math.floor(Date.now() / 1000) * 1000 + 999))).toBeNull();
  });
});

describe('disclosureLabel', () => {
  it('is REKLAMA in Poland and #ad elsewhere', () => {
    expect(disclosureLabel('PL')).toBe('REKLAMA');
    expect(disclosureLabel('DE')).toBe('#ad');
  });
});
