import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Rendition } from '../db';
import { encodeLicensedUse } from '../licensing/licensed-use';
import { checkRights, type LicenseTerms } from '../licensing/rights';
import type { StorageDriver, UrlLicense } from '../storage';
import { disclosureLabel } from './disclosure-label';
import type { GalleryCandidate, GallerySource } from './gallery-query';
import { urlExpiringAt } from './url-expiring-at';

/**
 * Gallery URLs expire at the end of the hour after the current one (1 to 2 hours away), or at
 * their license's end if sooner. Rounding to an hour keeps the body, and so its ETag, the same
 * for an hour, so 304s work; the hour or more left covers pages that lazy-load images long
 * after they fetched the gallery. With fs storage that is safe: each URL carries its license
 * and the file server refuses it as soon as a revoke or a change of terms takes the item away.
 */
export const URL_BUCKET_S = 3600;
/**
 * S3 URLs cannot be stopped early (the bucket checks them, knowing nothing of licenses), so
 * their lifetime is the only bound after a revoke: ten-minute buckets, links living 10 to 20
 * minutes. The widget fetches the gallery again every max-age (a minute), so pages keep fresh links.
 */
export const S3_URL_BUCKET_S = 600;

const urlBucketS = (storage: StorageDriver): number => (storage.name === 's3' ? S3_URL_BUCKET_S : URL_BUCKET_S);

export interface GalleryView {
  /** The JSON body, encoded once: it is served many times from the cache. */
  body: Buffer;
  /** The same body gzipped, also once: shop pages fetch it on every product view, often over mobile links. */
  gzipped: Buffer;
  /**
   * Weak: it hashes what the body says (items, files, URL expiries), not its bytes. S3 presigned
   * URLs carry their signing second, so two renderings of the same gallery differ in bytes while
   * every URL in either stays valid until the same instant.
   */
  etag: string;
  /** The earliest license end among the items (ms), or null: no response may be cached past it. */
  itemsValidUntil: number | null;
  /** When the gallery may next change by time alone (a license starting or ending), or null. */
  nextChange: number | null;
}

/** A file to link, before signing: the key, the whole second its URL expires, the license it is shown under. */
interface FileRef {
  key: string;
  expiresS: number;
  license: UrlLicense;
}

/**
 * The gallery for one territory at `now`: the candidates whose licenses cover `product_page`
 * there (a non-derivative use), each with its disclosure label when the covering license
 * requires one, and links to its files that expire by that license's end.
 */
export async function renderGallery(source: GallerySource, territory: string, now: Date, storage: StorageDriver): Promise<GalleryView> {
  const nowS = Math.floor(now.getTime() / 1000);
  const bucket = urlBucketS(storage);
  const bucketEnd = (Math.floor(nowS / bucket) + 2) * bucket;
  const shown = source.candidates.flatMap((candidate) => {
    const decision = checkRights(candidate.licenses, { channel: 'product_page', territory, at: now, derivative: false });
    const license = decision.license;
    if (!license) return [];
    const expires = license.endsAt ? Math.min(bucketEnd, Math.floor(license.endsAt.getTime() / 1000)) : bucketEnd;
    // A URL lives whole seconds: a license with under one left (beyond this one) is as good as over.
    return expires - nowS >= 2 ? [{ license, item: itemModel(candidate, license, territory, expires) }] : [];
  });
  const items = shown.map((s) => s.item);
  const etag = `W/"${createHash('sha256')
    .update(JSON.stringify({ items, faq: source.faq }))
    .digest('base64url')
    .slice(0, 32)}"`;
  const body = { items: await Promise.all(items.map((item) => signItem(item, storage))), faq: source.faq };
  const boundaries = source.candidates.flatMap((c) => c.licenses.flatMap((l) => [l.startsAt.getTime(), l.endsAt?.getTime() ?? Infinity]));
  const json = Buffer.from(JSON.stringify(body));
  return {
    body: json,
    gzipped: gzipSync(json),
    etag,
    itemsValidUntil: earliest(shown.map(({ license }) => license.endsAt?.getTime() ?? Infinity)),
    nextChange: earliest(boundaries.filter((t) => t > now.getTime())),
  };
}

function itemModel(candidate: GalleryCandidate, license: LicenseTerms, territory: string, expires: number) {
  // With fs storage the URLs die as soon as this license stops covering the item here (a revoke,
  // an end brought forward), not only at their expiry: a shop page may hold them for an hour.
  const shownUnder = { id: license.id, use: encodeLicensedUse({ kind: 'show', assetId: candidate.id, channel: 'product_page', territory }) };
  const file = (key: string): FileRef => ({ key, expiresS: expires, license: shownUnder });
  const variant = (r: Rendition) => ({
    width: r.width,
    height: r.height,
    format: r.format,
    ...(r.durationS === null ? {} : { durationS: r.durationS }),
    file: file(r.storageKey),
  });
  const ofKind = (kind: Rendition['kind']) => candidate.renditions.filter((r) => r.kind === kind).map(variant);
  return {
    assetId: candidate.id,
    kind: candidate.kind,
    creator: candidate.creator,
    disclosure: license.disclosureRequired ? disclosureLabel(territory) : null,
    attributionRequired: license.attributionRequired,
    renditions: {
      images: ofKind('image'),
      posters: ofKind('poster'),
      previews: ofKind('preview'),
      original: { width: candidate.width, height: candidate.height, mimeType: candidate.mimeType, file: file(candidate.storageKey) },
    },
  };
}

type ItemModel = ReturnType<typeof itemModel>;

/** The item with every file reference replaced by its signed URL. */
async function signItem(item: ItemModel, storage: StorageDriver) {
  const sign = async <T extends { file: FileRef }>({ file, ...rest }: T) => ({ ...rest, url: await signedUrl(storage, file) });
  const { images, posters, previews, original } = item.renditions;
  return {
    ...item,
    renditions: {
      images: await Promise.all(images.map(sign)),
      posters: await Promise.all(posters.map(sign)),
      previews: await Promise.all(previews.map(sign)),
      original: await sign(original),
    },
  };
}

async function signedUrl(storage: StorageDriver, file: FileRef): Promise<string> {
  const url = await urlExpiringAt(storage, file.key, new Date(file.expiresS * 1000), { license: file.license });
  // renderGallery leaves out items with less than a whole second of license left.
  if (!url) throw new Error(`no time left to link ${file.key}`);
  return url.url;
}

/** The earliest of some instants (ms), null when there are none or all are "never" (Infinity). */
function earliest(times: readonly number[]): number | null {
  const first = Math.min(...times);
  return Number.isFinite(first) ? first : null;
}
