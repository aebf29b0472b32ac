import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { assetProducts, assets, creators, faqEntries, renditions, type Db, type Rendition } from '../db';
import { licensesForAssets } from '../licensing/license-store';
import type { LicenseTerms } from '../licensing/rights';
import { displayText } from '../text/display-text';

/**
 * Renditions the gallery shows: faithful copies of the asset (resized images, a still frame,
 * a short preview). Crops and cuts are edits: a product page is a non-derivative use, so its
 * license is not checked for edits, and edits are not shown.
 */
export const GALLERY_RENDITION_KINDS = ['image', 'poster', 'preview'] as const;

export interface GalleryCandidate {
  id: string;
  kind: 'image' | 'video';
  storageKey: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  creator: { handle: string; platform: string };
  renditions: Rendition[];
  licenses: LicenseTerms[];
}

export interface GallerySource {
  candidates: GalleryCandidate[];
  faq: Array<{ question: string; answer: string }>;
}

/**
 * Everything the gallery of one SKU may show, whatever the territory and instant: ready assets
 * tagged with the SKU (newest first), their renditions and every license that may cover them,
 * and the published FAQ. Four indexed queries (asset_products.sku, renditions and
 * license_assets by asset, licenses by creator, faq_entries by sku and status).
 */
export async function loadGallerySource(db: Db, sku: string): Promise<GallerySource> {
  const [rows, faq] = await Promise.all([
    db
      .select({ asset: assets, handle: creators.handle, platform: creators.platform })
      .from(assetProducts)
      .innerJoin(assets, eq(assets.id, assetProducts.assetId))
      .innerJoin(creators, eq(creators.id, assets.creatorId))
      .where(and(eq(assetProducts.sku, sku), eq(assets.status, 'ready')))
      .orderBy(desc(assets.createdAt), desc(assets.id)),
    db
      .select({ question: faqEntries.question, answer: faqEntries.answer })
      .from(faqEntries)
      .where(and(eq(faqEntries.productSku, sku), eq(faqEntries.status, 'published'), isNotNull(faqEntries.answer)))
      .orderBy(desc(faqEntries.commentCount), asc(faqEntries.createdAt), asc(faqEntries.id)),
  ]);
  const ids = rows.map((r) => r.asset.id);
  const [licenses, files] = await Promise.all([licensesForAssets(db, ids), renditionsOf(db, ids)]);
  return {
    candidates: rows.map(({ asset, handle, platform }) => ({
      id: asset.id,
      kind: asset.kind,
      storageKey: asset.storageKey,
      mimeType: asset.mimeType,
      width: asset.width,
      height: asset.height,
      creator: { handle: displayText(handle), platform }, // shop pages show it: no bidi tricks
      renditions: files.filter((f) => f.assetId === asset.id),
      licenses: licenses.get(asset.id) ?? [],
    })),
    faq: faq.map((f) => ({ question: displayText(f.question), answer: displayText(f.answer!) })),
  };
}

async function renditionsOf(db: Db, assetIds: string[]): Promise<Rendition[]> {
  if (assetIds.length === 0) return [];
  return db
    .select()
    .from(renditions)
    .where(and(inArray(renditions.assetId, assetIds), inArray(renditions.kind, [...GALLERY_RENDITION_KINDS])))
    .orderBy(asc(renditions.kind), asc(renditions.format), asc(renditions.width), asc(renditions.id));
}
