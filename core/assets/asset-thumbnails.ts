import { and, inArray } from 'drizzle-orm';
import { renditions, type Db } from '../db';
import type { StorageDriver } from '../storage';

/**
 * The small picture a library grid shows for each asset, so a page of thumbnails costs one
 * query instead of one asset request each: an image's narrowest width variant (WebP first,
 * then JPEG; AVIF last, being the slowest to decode), a video's poster. Assets without one yet
 * (still processing, failed) are absent from the map.
 */
export async function thumbnailUrls(db: Db, storage: StorageDriver, assetIds: readonly string[]): Promise<Map<string, string>> {
  if (assetIds.length === 0) return new Map();
  const rows = await db
    .select({ assetId: renditions.assetId, kind: renditions.kind, format: renditions.format, width: renditions.width, storageKey: renditions.storageKey })
    .from(renditions)
    .where(and(inArray(renditions.assetId, [...assetIds]), inArray(renditions.kind, ['image', 'poster'])));
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = best.get(row.assetId);
    if (!current || preference(row) < preference(current)) best.set(row.assetId, row);
  }
  const urls = await Promise.all([...best].map(async ([assetId, row]) => [assetId, (await storage.url(row.storageKey)).url] as const));
  return new Map(urls);
}

const FORMAT_ORDER = ['webp', 'jpeg', 'avif'];

/** Lower is better: narrowest first, then the format that decodes fastest in a browser. */
function preference(row: { format: string; width: number | null }): number {
  const formatRank = FORMAT_ORDER.indexOf(row.format);
  return (row.width ?? Number.MAX_SAFE_INTEGER / 10) * 10 + (formatRank === -1 ? FORMAT_ORDER.length : formatRank);
}
