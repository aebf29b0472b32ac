import { markGalleriesStale } from '../../../core/gallery/gallery-cache';
import { cacheLicenseAnswers } from '../../../core/licensing/license-answer-cache';
import { decodeLicensedUse, encodeLicensedUse, type LicensedUse } from '../../../core/licensing/licensed-use';
import { galleriesStaleCount } from '../../../core/gallery/gallery-cache';
import type { UrlLicense } from '../../../core/storage';

/** The cache in front of the file server's license lookups; the lookup itself is tested through the app (test/api/revoked-urls.test.ts). */
describe('cacheLicenseAnswers', () => {
  const lic: UrlLicense = { id: 'l1', use: 'edit.a1' };
  const T0 = new Date('2030-01-01T00:00:00Z');
  const at = (ms: number) => new Date(T0.getTime() + ms);

  function counting(answers: Array<boolean | Error>) {
    const asked: UrlLicense[] = [];
    const ask = async (license: UrlLicense) => {
      asked.push(license);
      const next = answers.shift() ?? true;
      if (next instanceof Error) throw next;
      return next;
    };
    return { asked, ask };
  }

  it('reuses an answer for ttlMs, per license and use, then asks again', async () => {
    const { asked, ask } = counting([true, true, false]);
    const check = cacheLicenseAnswers(ask, { ttlMs: 2000, maxEntries: 10, changeCount: galleriesStaleCount });
    expect(await check(lic, at(0))).toBe(true);
    expect(await check(lic, at(1999))).toBe(true);
    expect(asked).toHaveLength(1);
    expect(await check({ ...lic, use: 'edit.a2' }, at(10))).toBe(true);
    expect(asked).toHaveLength(2);
    expect(await check(lic, at(2000))).toBe(false);
    expect(asked).toHaveLength(3);
  });

  it('drops every answer when this process changes something (markGalleriesStale), even one still being read', async () => {
    const { asked, ask } = counting([true, false, false]);
    const check = cacheLicenseAnswers(ask, { ttlMs: 60_000, maxEntries: 10, changeCount: galleriesStaleCount });
    expect(await check(lic, at(0))).toBe(true);
    markGalleriesStale();
    expect(await check(lic, at(1))).toBe(false);
    expect(asked).toHaveLength(2);

    // A change while a lookup is under way: that lookup's answer is not reused after it.
    const inFlight = check({ ...lic, id: 'l2' }, at(2));
    markGalleriesStale();
    await inFlight;
    await check({ ...lic, id: 'l2' }, at(3));
    expect(asked).toHaveLength(4);
  });

  it('does not keep a failed lookup, and keeps at most maxEntries answers', async () => {
    const { asked, ask } = counting([new Error('database down'), true, true, true, true]);
    const check = cacheLicenseAnswers(ask, { ttlMs: 60_000, maxEntries: 2, changeCount: () => 0 });
    await expect(check(lic, at(0))).rejects.toThrow('database down');
    expect(await check(lic, at(1))).toBe(true);
    await check({ ...lic, id: 'l2' }, at(2));
    await check({ ...lic, id: 'l3' }, at(3)); // pushes out l1, the oldest
    await check({ ...lic, id: 'l3' }, at(4));
    await check(lic, at(5));
    expect(asked.map((l) => l.id)).toEqual(['l1', 'l1', 'l2', 'l3', 'l1']);
  });
});

describe('licensed uses in URLs', () => {
  const asset = '0b5c2f0e-8a4d-4c1e-9b7a-1f2e3d4c5b6a';
  it.each<LicensedUse>([
    { kind: 'show', assetId: asset, channel: 'product_page', territory: 'PL' },
    { kind: 'cut', assetId: asset, channel: 'paid_social', territory: 'DE' },
    { kind: 'edit', assetId: asset },
  ])('round-trips %j', (use) => {
    expect(decodeLicensedUse(encodeLicensedUse(use))).toEqual(use);
  });

  it.each([
    '',
    'edit',
    `edit.${asset}.paid_social`,
    `show.${asset}`,
    `show.${asset}.tv.PL`,
    `show.${asset}.product_page`,
    `copy.${asset}.product_page.PL`,
    `show.${asset}.product_page.PL.x`,
  ])('reads %j as no use at all', (text) => {
    expect(decodeLicensedUse(text)).toBeNull();
  });
});
