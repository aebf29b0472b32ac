import { recordAudit } from '../audit/audit-log';
import type { Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import type { DownloadUrl, StorageDriver } from '../storage';
import { ASSET_ENTITY } from './asset-history';
import { findAsset, type AssetWithProducts } from './asset-store';

/** The audit action of handing out a link to an original, filed in the asset's history. */
export const ORIGINAL_DOWNLOAD_ACTION = 'asset.original_download';

/**
 * A short-lived download link for an asset's original, saved under the name it was uploaded
 * with. The original is not a licensed use (no channel, no territory), so it has no place in
 * the usage ledger; instead each link handed out is audited, with who asked for it, so the
 * asset's history says who took the master copy and when. The entry is written before the link
 * is returned: a link that was not recorded is never given. An archived asset's original may
 * still be fetched (its files are kept); a deleted one's is gone (409 asset_deleted).
 */
export async function originalDownloadUrl(db: Db, storage: StorageDriver, actorKeyId: string, assetId: string): Promise<DownloadUrl> {
  const asset = await findAsset(db, assetId);
  if (!asset) throw notFound('asset', assetId);
  if (asset.deletedAt) throw new DomainError('conflict', 'asset_deleted', `Asset ${assetId} is deleted: its original is gone`);
  const fileName = downloadName(asset);
  const link = await storage.url(asset.storageKey, { downloadName: fileName });
  await recordAudit(db, {
    actorKeyId,
    action: ORIGINAL_DOWNLOAD_ACTION,
    entityType: ASSET_ENTITY,
    entityId: asset.id,
    before: null,
    after: { fileName, sha256: asset.sha256, expiresAt: link.expiresAt.toISOString() },
  });
  return link;
}

/** The uploaded name, or one made from the id and the sniffed type when the client gave none. */
function downloadName(asset: AssetWithProducts): string {
  if (asset.originalFilename) return asset.originalFilename;
  const extension = asset.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') ?? '';
  return extension ? `asset-${asset.id}.${extension}` : `asset-${asset.id}`;
}
