import { eq } from 'drizzle-orm';
import { creators, databaseError, isUniqueViolation, SqlState, type AssetKind } from '../db';
import { DomainError, unprocessable } from '../errors/domain-error';
import { probeJobId } from '../queue/job-ids';
import { isQueueUnavailable } from '../queue/queue-availability';
import type { Services } from '../runtime/services';
import { findAssetBySha256, insertAsset, type AssetWithProducts } from './asset-store';

/** An original already stored under a fresh asset id (by the upload), as the catalogue records it. */
export interface StoredOriginal {
  assetId: string;
  storageKey: string;
  kind: AssetKind;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  /** The client's file name as a label (already cleaned), or null. */
  originalFilename: string | null;
}

/** What the uploader says of the asset. */
export interface NewAssetFields {
  creatorId: string;
  title?: string | null;
  sourceUrl?: string | null;
  productSkus?: string[];
}

export interface RegisteredAsset {
  asset: AssetWithProducts;
  /** False when identical bytes were already an asset: that one is returned, and the new copy is not needed. */
  created: boolean;
  /** The probe job, or null when the asset was already past the `uploaded` state or the queue is unreachable (it is queued later). */
  jobId: string | null;
}

/** Records a stored original as an asset with its products (or finds the asset that already has these bytes), and queues its probe. */
export async function registerAsset(services: Services, original: StoredOriginal, fields: NewAssetFields): Promise<RegisteredAsset> {
  const { asset, created } = await insertOrFindAsset(services, original, fields);
  return { asset, created, jobId: asset.status === 'uploaded' ? await enqueueProbe(services, asset.id) : null };
}

async function insertOrFindAsset(
  services: Services,
  original: StoredOriginal,
  fields: NewAssetFields,
): Promise<{ asset: AssetWithProducts; created: boolean }> {
  const { db } = services.database;
  await assertCreatorExists(services, fields.creatorId);
  const existing = await findAssetBySha256(db, original.sha256);
  if (existing?.deletedAt) throw deletedBytes(existing.id);
  if (existing) return { asset: existing, created: false };
  const row = {
    id: original.assetId,
    creatorId: fields.creatorId,
    kind: original.kind,
    title: fields.title ?? null,
    sourceUrl: fields.sourceUrl ?? null,
    sha256: original.sha256,
    storageKey: original.storageKey,
    originalFilename: original.originalFilename,
    mimeType: original.mimeType,
    sizeBytes: original.sizeBytes,
  };
  try {
    return { asset: await insertAsset(db, row, fields.productSkus ?? []), created: true };
  } catch (err) {
    // Two uploads of the same bytes raced past the lookup: the unique sha256 let one in.
    if (isUniqueViolation(err, 'assets_sha256_unique')) {
      const winner = await findAssetBySha256(db, original.sha256);
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
export async function enqueueProbe(services: Services, assetId: string): Promise<string | null> {
  try {
    return await services.queues.add('media', { type: 'probe', assetId }, { jobId: probeJobId(assetId) });
  } catch (err) {
    if (!isQueueUnavailable(err)) throw err;
    services.logger.warn({ assetId, err: err.message }, 'asset stored; its probe is queued once Redis is back');
    return null;
  }
}

/** The same bytes as an asset that was deleted: its record stays (licenses point at it), so the bytes cannot come back as a new asset. */
const deletedBytes = (id: string): DomainError =>
  new DomainError(
    'conflict',
    'asset_deleted',
    `These bytes were asset ${id}, which was deleted; its record is kept with its licenses, so they cannot be uploaded again`,
    {
      assetId: id,
    },
  );
