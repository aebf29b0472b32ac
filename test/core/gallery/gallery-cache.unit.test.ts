import { setTimeout as sleep } from 'node:timers/promises';
import { GalleryCache, markGalleriesStale, type Loaded } from '../../../core/gallery/gallery-cache';

/** A value that is refreshed after `refreshMs` and never served after `expireMs`. */
const fresh = <V>(value: V, refreshMs = 60_000, expireMs = 60_000): Loaded<V> => ({
  value,
  refreshAt: Date.now() + refreshMs,
  expiresAt: Date.now() + expireMs,
});

describe('GalleryCache', () => {
  it('loads once for concurrent requests and never serves a value past its expiry', async () => {
    const cache = new GalleryCache<string>(10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(20);
      return fresh(`v${loads}`, 60, 60);
    };
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual(['v1', 'v1', 'v1']);
    expect(await cache.get('k', load)).toBe('v1');
    await sleep(80);
    expect(await cache.get('k', load)).toBe('v2'); // expired: the request waits for the new value
    expect(loads).toBe(2);
  });

  it('after refreshAt, serves the cached value while one background load replaces it', async () => {
    const cache = new GalleryCache<string>(10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(30);
      return fresh(`v${loads}`, 20);
    };
    expect(await cache.get('k', load)).toBe('v1');
    await sleep(40);
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['v1', 'v1']);
    expect(loads).toBe(2);
    await sleep(50);
    expect(await cache.get('k', load)).toBe('v2');
  });

  it('keeps serving when a background refresh fails, and tries again', async () => {
    const cache = new GalleryCache<string>(10);
    let fail = false;
    const load = async () => {
      if (fail) throw new Error('db down');
      return fresh('ok', 10);
    };
    await cache.get('k', load);
    await sleep(20);
    fail = true;
    expect(await cache.get('k', load)).toBe('ok');
    await sleep(10);
    fail = false;
    expect(await cache.get('k', load)).toBe('ok');
  });

  it('drops everything when galleries are marked stale', async () => {
    const cache = new GalleryCache<number>(10);
    let n = 0;
    const load = async () => fresh(++n);
    expect(await cache.get('k', load)).toBe(1);
    markGalleriesStale();
    expect(await cache.get('k', load)).toBe(2);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const cache = new GalleryCache<string>(10);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => fresh('ok'))).toBe('ok');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const cache = new GalleryCache<string>(2);
    const load = (v: string) => async () => fresh(v);
    await cache.get('a', load('a1'));
    await cache.get('b', load('b1'));
    await cache.get('c', load('c1'));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', load('a2'))).toBe('a2');
    expect(await cache.get('c', load('c2'))).toBe('c1');
  });
});
