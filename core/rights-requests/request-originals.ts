import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { findAssetBySha256, insertAsset, type AssetWithProducts } from '../assets/asset-store';
import type { StoredOriginal } from '../assets/register-asset';
import { assetProducts, isUniqueViolation, licenseAssets, licenses, rightsRequestOriginals, type Asset, type Db } from '../db';
import { DomainError } from '../errors/domain-error';
import { updateLicense } from '../licensing/license-changes';
import { requestOfLink } from './open-request';
import { effectiveStatus, lockRequest, RIGHTS_REQUEST_ENTITY, type StoredRequest } from './rights-request-store';

/**
 * After accepting, the creator may send the original files in full quality through the same
 * link (POST /r/<link>/originals). Each becomes a new asset of theirs, with the products of the
 * assets the request named, covered by the license just granted, and an audit entry on the
 * request. Open only for a while after the acceptance, and for a limited number of files.
 */

/** How long after the acceptance the link takes originals. */
export const ORIGINALS_UPLOAD_DAYS = 14;
/** How many files one request takes (each distinct file sent counts once). */
export const MAX_ORIGINALS_PER_REQUEST = 10;
/** The audit action recorded on the request for each original sent. */
export const ORIGINAL_AUDIT_ACTION = 'rights_request.original';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether, until when and how many more originals a request takes. */
export interface OriginalsWindow {
  requestId: string;
  licenseId: string;
  until: Date;
  sent: number;
  remaining: number;
}

export interface AddedOriginal {
  stored: StoredRequest;
  asset: AssetWithProducts;
  /** False when these bytes were already this creator's asset: that one is now covered too, and the new copy is not needed. */
  created: boolean;
  window: OriginalsWindow;
}

/** When the link stops taking originals: ORIGINALS_UPLOAD_DAYS after the acceptance. */
export const originalsUntil = (stored: StoredRequest): Date =>
  new Date((stored.row.answeredAt ?? stored.row.updatedAt).getTime() + ORIGINALS_UPLOAD_DAYS * DAY_MS);

/**
 * The request behind a link, if it takes originals now: 404 for a link we did not make, 409
 * `request_not_accepted` while it waits for its answer, 410 once declined, cancelled or expired
 * (as the other answers), and 410 `request_upload_closed` after ORIGINALS_UPLOAD_DAYS or once
 * the license is revoked; 409 `too_many_originals` once MAX_ORIGINALS_PER_REQUEST have come.
 * Read without a lock: checked before a byte is stored, and again under the lock.
 */
export async function openOriginals(db: Db, secret: string, token: string, now: Date): Promise<{ stored: StoredRequest; window: OriginalsWindow }> {
  const stored = await requestOfLink(db, secret, token);
  const { window } = await windowOf(db, stored, now);
  if (window.remaining === 0) throw tooMany();
  return { stored, window };
}

/**
 * Records a stored original as the creator's asset sent with the request, in one transaction:
 * the request is locked (two files at once are counted one after the other), checked again,
 * the asset inserted with the requested assets' products, added to the license (unless the
 * license covers all of the creator's content already, as it does when no asset was named), and
 * the audit entry written. The caller removes the stored object unless `created`, and queues
 * the asset's processing after the commit.
 */
export async function addRequestOriginal(db: Db, secret: string, token: string, original: StoredOriginal): Promise<AddedOriginal> {
  try {
    return await addOnce(db, secret, token, original);
  } catch (err) {
    // The same bytes came in as an asset through another path at this instant: the second try finds it.
    if (isUniqueViolation(err, 'assets_sha256_unique')) return addOnce(db, secret, token, original);
    throw err;
  }
}

async function addOnce(db: Db, secret: string, token: string, original: StoredOriginal): Promise<AddedOriginal> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const stored = await lockRequest(tx, (await requestOfLink(tx, secret, token)).row.id);
    const { window, sentIds } = await windowOf(tx, stored, now);
    const existing = await findAssetBySha256(tx, original.sha256);
    if (existing) assertReusable(existing, stored);
    if (existing && sentIds.includes(existing.id)) return { stored, asset: existing, created: false, window };
    if (window.remaining === 0) throw tooMany();

    const asset = existing ?? (await insertOriginal(tx, stored, original, window.licenseId, now));
    const coveredBy = await cover(tx, stored, window.licenseId, asset.id);
    await tx.insert(rightsRequestOriginals).values({ requestId: stored.row.id, assetId: asset.id });
    await recordAudit(tx, {
      actorKeyId: null, // the creator, through their link
      action: ORIGINAL_AUDIT_ACTION,
      entityType: RIGHTS_REQUEST_ENTITY,
      entityId: stored.row.id,
      before: null,
      after: {
        requestId: stored.row.id,
        licenseId: window.licenseId,
        assetId: asset.id,
        created: !existing,
        coveredBy,
        sha256: asset.sha256,
        sizeBytes: asset.sizeBytes,
        mimeType: asset.mimeType,
        originalFilename: original.originalFilename,
      },
    });
    return { stored, asset, created: !existing, window: { ...window, sent: window.sent + 1, remaining: window.remaining - 1 } };
  });
}

async function windowOf(db: Db, stored: StoredRequest, now: Date): Promise<{ window: OriginalsWindow; sentIds: string[] }> {
  const { row } = stored;
  const status = effectiveStatus(row, now);
  if (status === 'pending') {
    throw new DomainError('conflict', 'request_not_accepted', 'This request has not been accepted yet: accept it first, then send the originals', {
      status,
    });
  }
  if (status !== 'accepted') throw new DomainError('gone', `request_${status}`, `This request is ${status} and takes no files`, { status });
  const until = originalsUntil(stored);
  if (!row.licenseId || until.getTime() <= now.getTime()) throw uploadClosed(`Originals were taken until ${until.toISOString()}`, until);
  const [license] = await db.select({ status: licenses.status }).from(licenses).where(eq(licenses.id, row.licenseId));
  if (!license || license.status === 'revoked') throw uploadClosed('The license this request granted has been withdrawn', until);
  const sentIds = await originalsSent(db, row.id);
  const sent = sentIds.length;
  return { window: { requestId: row.id, licenseId: row.licenseId, until, sent, remaining: Math.max(0, MAX_ORIGINALS_PER_REQUEST - sent) }, sentIds };
}

/** The assets already sent as originals with the request. */
async function originalsSent(db: Db, requestId: string): Promise<string[]> {
  const rows = await db.select({ assetId: rightsRequestOriginals.assetId }).from(rightsRequestOriginals).where(eq(rightsRequestOriginals.requestId, requestId));
  return rows.map((r) => r.assetId);
}

/** Identical bytes already in the library may be sent again only when they are this creator's, and not deleted. */
function assertReusable(existing: Asset, stored: StoredRequest): void {
  if (existing.deletedAt) {
    throw new DomainError('conflict', 'asset_deleted', 'This file was in the library before and was deleted: it cannot be sent again', {
      assetId: existing.id,
    });
  }
  if (existing.creatorId !== stored.row.creatorId) {
    throw new DomainError('conflict', 'original_of_another_creator', 'This file is already in the library under another creator');
  }
}

/** The new asset, with the products of the assets the request named. */
async function insertOriginal(tx: Db, stored: StoredRequest, original: StoredOriginal, licenseId: string, now: Date): Promise<AssetWithProducts> {
  const { row } = stored;
  const skus = stored.assetIds.length
    ? (await tx.selectDistinct({ sku: assetProducts.sku }).from(assetProducts).where(inArray(assetProducts.assetId, stored.assetIds))).map((p) => p.sku).sort()
    : [];
  const { assetId: id, ...file } = original;
  const title = `Original sent with rights request ${row.id}`;
  const notes =
    `The original in full quality, sent by the creator through the link of rights request ${row.id} ` +
    `after accepting it on ${(row.answeredAt ?? now).toISOString()}; covered by license ${licenseId}.`;
  return insertAsset(tx, { id, creatorId: row.creatorId, title, notes, ...file }, skus);
}

/**
 * Puts the asset under the license: a license over all of the creator's content covers it
 * already; one over named assets gets it added (an audited license update, in this transaction).
 */
async function cover(tx: Db, stored: StoredRequest, licenseId: string, assetId: string): Promise<'creator_license' | 'named_asset'> {
  const [license] = await tx.select({ creatorId: licenses.creatorId }).from(licenses).where(eq(licenses.id, licenseId));
  if (license?.creatorId === stored.row.creatorId) return 'creator_license';
  const [named] = await tx
    .select({ assetId: licenseAssets.assetId })
    .from(licenseAssets)
    .where(and(eq(licenseAssets.licenseId, licenseId), eq(licenseAssets.assetId, assetId)));
  if (!named) await updateLicense(tx, null, licenseId, (current) => ({ ...current, assetIds: [...current.assetIds, assetId] }));
  return 'named_asset';
}

const tooMany = (): DomainError =>
  new DomainError('conflict', 'too_many_originals', `This request has taken the most files it can (${MAX_ORIGINALS_PER_REQUEST})`, {
    max: MAX_ORIGINALS_PER_REQUEST,
  });

const uploadClosed = (message: string, until: Date): DomainError =>
  new DomainError('gone', 'request_upload_closed', `${message}: this link takes no more files`, { until: until.toISOString() });
