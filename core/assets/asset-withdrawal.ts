import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { assetProducts, assets, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import type { StorageDriver } from '../storage';
import { assetPrefix } from '../storage/object-keys';
import { findAsset, type AssetWithProducts } from './asset-store';
import { toAssetView } from './asset-view';

/**
 * Taking an asset out of use. Archiving withdraws it from every use at once (the rights checks
 * find no license for it: gallery, ads, pulls and licensed file URLs all stop), keeping files
 * and records, and can be undone. Deleting also removes every file stored for it (original,
 * renditions, cuts, posters, previews) and its products; the rows stay, marked, because licenses
 * and the usage ledger point at them as the legal record. Both are audited; both are idempotent.
 */
export async function archiveAsset(db: Db, actorKeyId: string | null, id: string, archived: boolean): Promise<AssetWithProducts> {
  return changeAsset(db, actorKeyId, id, archived ? 'asset.archive' : 'asset.unarchive', async (tx, asset) => {
    if (!archived && asset.deletedAt) throw new DomainError('conflict', 'asset_deleted', `Asset ${id} is deleted: its files are gone, it cannot be used again`);
    if (Boolean(asset.archivedAt) === archived) return false;
    await tx
      .update(assets)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(assets.id, id));
    return true;
  });
}

export async function deleteAsset(db: Db, storage: StorageDriver, actorKeyId: string | null, id: string): Promise<AssetWithProducts> {
  const deleted = await changeAsset(db, actorKeyId, id, 'asset.delete', async (tx, asset) => {
    if (asset.deletedAt) return false;
    const now = new Date();
    await tx
      .update(assets)
      .set({ deletedAt: now, archivedAt: asset.archivedAt ?? now })
      .where(eq(assets.id, id));
    await tx.delete(assetProducts).where(eq(assetProducts.assetId, id));
    return true;
  });
  // After the commit: a failure here leaves files of an asset already out of use, and deleting
  // again (idempotent) removes what is left.
  // Rendition rows stay (the usage ledger names the cuts that were pulled); their files go.
  const keys: string[] = [];
  for await (const object of storage.list(assetPrefix(id))) keys.push(object.key);
  for (const key of keys) await storage.delete(key);
  return deleted;
}

/** Runs `change` on the locked asset; records the audit entry only when it changed something. */
async function changeAsset(
  db: Db,
  actorKeyId: string | null,
  id: string,
  action: string,
  change: (tx: Db, asset: AssetWithProducts) => Promise<boolean>,
): Promise<AssetWithProducts> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, id)).for('update');
    if (!locked) throw notFound('asset', id);
    const before = (await findAsset(tx, id))!;
    if (!(await change(tx, before))) return before;
    const after = (await findAsset(tx, id))!;
    await recordAudit(tx, { actorKeyId, action, entityType: 'asset', entityId: id, before: toAssetView(before), after: toAssetView(after) });
    return after;
  });
}
