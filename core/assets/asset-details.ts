import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { assetProducts, assets, type Db } from '../db';
import { notFound } from '../errors/domain-error';
import { findAsset, type AssetWithProducts } from './asset-store';
import { toAssetView } from './asset-view';

/** What a content manager may change about an asset: never its bytes (originals are immutable). */
export interface AssetDetailsChange {
  title?: string | null;
  /** Replaces the whole list: the gallery of every SKU removed or added follows at once. */
  productSkus?: string[];
  notes?: string | null;
}

/** Changes an asset's title, products or notes in one transaction with its audit entry. */
export async function updateAssetDetails(db: Db, actorKeyId: string | null, id: string, change: AssetDetailsChange): Promise<AssetWithProducts> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, id)).for('update');
    if (!locked) throw notFound('asset', id);
    const before = (await findAsset(tx, id))!;
    const { productSkus, ...columns } = change;
    if (Object.keys(columns).length > 0) await tx.update(assets).set(columns).where(eq(assets.id, id));
    if (productSkus !== undefined) {
      await tx.delete(assetProducts).where(eq(assetProducts.assetId, id));
      if (productSkus.length) await tx.insert(assetProducts).values(productSkus.map((sku) => ({ assetId: id, sku })));
    }
    const after = (await findAsset(tx, id))!;
    await recordAudit(tx, { actorKeyId, action: 'asset.update', entityType: 'asset', entityId: id, before: toAssetView(before), after: toAssetView(after) });
    return after;
  });
}
