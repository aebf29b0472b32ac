import type { Services } from '../runtime/services';
import { GalleryCache } from './gallery-cache';
import { galleryChanges } from './gallery-changes';
import { loadGallerySource } from './gallery-query';
import { renderGallery, type GalleryView } from './gallery-view';

/**
 * A cached gallery is reloaded in the background after GALLERY_REFRESH_MS and never served
 * after GALLERY_MAX_STALE_MS. Changes made in this process drop the cache at once (see
 * markGalleriesStale and gallery-changes.ts; with PGlite, the embedded default, everything runs
 * in one process, so that is every change). With SHARE_REPLICA_STATE, replicas on one PostgreSQL
 * server announce their writes through Redis and drop each other's entries too. The two bounds
 * are for what is missed: a change made through another replica without sharing (or while Redis
 * is away) shows here within a minute at most, as it
 * would through a CDN honouring max-age. License starts and ends never wait for either:
 * entries expire at the next one. A refresh costs a few queries per SKU and territory
 * (about 30 ms of in-process PGlite work for 20 assets), so refreshes are kept rare.
 */
export const GALLERY_REFRESH_MS = 30_000;
export const GALLERY_MAX_STALE_MS = 60_000;
const MAX_CACHED_GALLERIES = 2_000;

/** One cache per open database, so that test instances (and their data) never share entries. */
const caches = new WeakMap<object, GalleryCache<GalleryView>>();

/** The public gallery of `sku` for `territory` (an upper-case country code) as of now. */
export function publicGallery(services: Services, sku: string, territory: string): Promise<GalleryView> {
  let cache = caches.get(services.database);
  if (!cache) caches.set(services.database, (cache = new GalleryCache(MAX_CACHED_GALLERIES, galleryChanges(services).changeCount)));
  return cache.get(`${territory}/${sku}`, async () => {
    const now = new Date();
    const view = await renderGallery(await loadGallerySource(services.database.db, sku), territory, now, services.storage);
    return {
      value: view,
      refreshAt: now.getTime() + GALLERY_REFRESH_MS,
      expiresAt: Math.min(now.getTime() + GALLERY_MAX_STALE_MS, view.nextChange ?? Infinity),
    };
  });
}

/**
 * Cache-Control max-age for a gallery served at `now`: the configured ceiling, cut to the whole
 * seconds left before the earliest license among its items ends (0 when under one second).
 */
export function galleryMaxAge(view: GalleryView, ceilingS: number, now = Date.now()): number {
  if (view.itemsValidUntil === null) return ceilingS;
  return Math.max(0, Math.min(ceilingS, Math.floor((view.itemsValidUntil - now) / 1000)));
}
