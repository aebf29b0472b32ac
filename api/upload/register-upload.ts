import { eq } from 'drizzle-orm';
import { creators, databaseError, isUniqueViolation, SqlState } from '../../core/db';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import { probeJobId } from '../../core/queue/job-ids';
import { isQueueUnavailable } from '../../core/queue/queue-availability';
import { findAssetBySha256, insertAsset, type AssetWithProducts } from '../../core/assets/asset-store';
import type { Services } from '../../core/runtime/services';
import { findNulCharacter } from '../../core/text/nul-characters';
import { validate } from '../http/validate';
import type { StoredUpload } from './asset-storage-engine';
import { sanitizeFilename, UploadFields } from './upload-fields';

export interface RegisteredUpload {
  asset: AssetWithProducts;
  /** False when identical bytes were already an asset: that one is returned, the new copy dropped. */
  created: boolean;
  /** The probe job, or null when the asset was already past the `uploaded` state or the queue is unreachable (it is queued later). */
  jobId: string | null;
}

/**
 * Turns a stored upload into an asset: validates the form fields, then inserts the asset with
 * its products, or finds the asset that already has these bytes. Whatever does not end up as
 * a new asset's original is deleted from storage, so a refused or duplicate upload leaves
 * nothing behind.
 */
export async function registerUpload(services: Services, file: StoredUpload, rawFields: Record<string, unknown>): Promise<RegisteredUpload> {
  let keep = false;
  try {
    const nulAt = findNulCharacter(rawFields);
    if (nulAt !== null) throw unprocessable('invalid_characters', `${nulAt} contains a NUL character`, { field: nulAt });
    const fields = validate(UploadFields, rawFields, 'unprocessable');
    const { asset, created } = await insertOrFindAsset(services, file, fields);
    keep = created;
    return { asset, created, jobId: asset.status === 'uploaded' ? await enqueueProbe(services, asset.id) : null };
  } finally {
    if (!keep) await services.storage.delete(file.storageKey);
  }
}

async function insertOrFindAsset(services: Services, file: StoredUpload, fields: UploadFields): Promise<{ asset: AssetWithProducts; created: boolean }> {
  const { db } = services.database;
  await assertCreatorExists(services, fields.creatorId);
  const existing = await findAssetBySha256(db, file.sha256);
  if (existing) return { asset: existing, created: false };
  const row = {
    id: file.assetId,
    creatorId: fields.creatorId,
    kind: file.kind,
    title: fields.title ?? null,
    sourceUrl: fields.sourceUrl ?? null,
    sha256: file.sha256,
    storageKey: file.storageKey,
    originalFilename: sanitizeFilename(file.originalname),
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
  };
  try {
    return { asset: await insertAsset(db, row, fields.productSkus ?? []), created: true };
  } catch (err) {
    // Two uploads of the same bytes raced past the lookup: the unique sha256 let one in.
    if (isUniqueViolation(err, 'assets_sha256_unique')) {
      const winner = await findAssetBySha256(db, file.sha256);
      if (winner) return { asset: winner, created: false };
    }
    if (databaseError(err)?.code === SqlState.foreignKeyViolation) throw unknownCreator(fields.creatorId);
    throw err;
  }
}

async function assertCreatorExists(services: Services, creatorId: string): Promise<void> {
  const [creator] = await services.database.db.select({ id: creators.id }).from(creators).where(eq(creators.id, creatorId));
  if (!creator) throw unknownCreator(creatorId);
}

const unknownCreator = (id: string): DomainError => unprocessable('unknown_creator', `No creator with id ${id}`);

/**
 * The job id is derived from the asset (the queue reconciler uses the same one), so enqueueing
 * again (a retried request, a re-upload, the reconciler) never makes a second job while the
 * first is known. While the queue is unreachable the upload is still accepted: the asset is
 * stored as `uploaded` with no job (null), and the reconciler queues its probe once Redis is back.
 */
async function enqueueProbe(services: Services, assetId: string): Promise<string | null> {
  try {
    return await services.queues.add('media', { type: 'probe', assetId }, { jobId: probeJobId(assetId) });
  } catch (err) {
    if (!isQueueUnavailable(err)) throw err;
    services.logger.warn({ assetId, err: err.message }, 'asset stored; its probe is queued once Redis is back');
    return null;
  }
}
