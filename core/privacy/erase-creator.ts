import { eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { deleteAsset } from '../assets/asset-withdrawal';
import { recordAudit } from '../audit/audit-log';
import {
  assets,
  auditLog,
  creatorCodes,
  creatorPageLinks,
  creators,
  licenses,
  renditions,
  rightsRequests,
  takedownRequests,
  trackingLinks,
  type Db,
} from '../db';
import type { StorageDriver } from '../storage';
import { licensePrefix } from '../storage/object-keys';
import { creatorData } from './creator-data';

export interface Erasure {
  creatorId: string;
  assetsDeleted: number;
  licensesKept: number;
  requestsRedacted: number;
  filesRemoved: number;
}

/** What each kind of record may say about a person, removed from it and from its audit snapshots. */
const PERSONAL = {
  creator: ['handle', 'contactEmail', 'engagementRate'],
  asset: ['title', 'originalFilename', 'sourceUrl', 'notes'],
  license: ['notes', 'contract'],
  rights_request: ['evidence', 'message', 'declineReason'],
  takedown_request: ['reason'],
  creator_code: ['code'],
} as const;

/**
 * Erases a creator (RODO/GDPR art. 17). Their assets are deleted (every file removed); the
 * licenses over their content stay as the legal record, without contract files or notes, each
 * rights request keeping of its evidence only the method, the time and the SHA-256 of the text
 * accepted; the creator stays as a pseudonym (`erased-…`) that licenses and the ledger point at;
 * their codes are deactivated and renamed (a generated code spells the handle);
 * personal fields are removed from the audit log's snapshots too. Running it again finds
 * nothing more to remove.
 */
export async function eraseCreator(db: Db, storage: StorageDriver, actorKeyId: string | null, creatorId: string): Promise<Erasure> {
  const data = await creatorData(db, creatorId);
  for (const asset of data.assets) await deleteAsset(db, storage, actorKeyId, asset.id);
  let filesRemoved = 0;
  for (const license of data.licenses) filesRemoved += await removeAll(storage, licensePrefix(license.id));
  const assetIds = data.assets.map((a) => a.id);
  const licenseIds = data.licenses.map((l) => l.id);
  const requestIds = data.requests.map((r) => r.id);
  await db.transaction(async (tx) => {
    await tx
      .update(creators)
      .set({ handle: `erased-${creatorId}`, contactEmail: null, engagementRate: null })
      .where(eq(creators.id, creatorId));
    if (assetIds.length) await tx.update(assets).set({ title: null, originalFilename: null, sourceUrl: null, notes: null }).where(inArray(assets.id, assetIds));
    if (licenseIds.length)
      await tx.update(licenses).set({ notes: null, contractStorageKey: null, contractFilename: null }).where(inArray(licenses.id, licenseIds));
    for (const request of data.requests) {
      const evidence = request.evidence as { method: string; sha256: string; acceptedAt: string } | null;
      if (evidence?.method === 'erased') continue; // erased before
      const kept = evidence && { method: 'erased', acceptedBy: evidence.method, sha256: evidence.sha256, acceptedAt: evidence.acceptedAt };
      await tx.update(rightsRequests).set({ evidence: kept, message: null, declineReason: null }).where(eq(rightsRequests.id, request.id));
    }
    await tx.delete(creatorPageLinks).where(eq(creatorPageLinks.creatorId, creatorId)); // their page shows nothing now
    await untagHandle(tx, assetIds, data.creator.handle, `erased-${creatorId}`);
    await tx.update(takedownRequests).set({ reason: null }).where(eq(takedownRequests.creatorId, creatorId));
    await neutraliseCodes(tx, creatorId, actorKeyId);
    await redactAudit(tx, 'creator', [creatorId], PERSONAL.creator);
    await redactAudit(tx, 'asset', assetIds, PERSONAL.asset);
    await redactAudit(tx, 'license', licenseIds, PERSONAL.license);
    await redactAudit(tx, 'rights_request', requestIds, PERSONAL.rights_request);
    await redactAudit(
      tx,
      'takedown_request',
      data.takedowns.map((t) => t.id),
      PERSONAL.takedown_request,
    );
    await redactAudit(
      tx,
      'creator_code',
      data.codes.map((c) => c.id),
      PERSONAL.creator_code,
    );
    await recordAudit(tx, { actorKeyId, action: 'creator.erase', entityType: 'creator', entityId: creatorId, before: null, after: { erased: true } });
  });
  return { creatorId, assetsDeleted: assetIds.length, licensesKept: licenseIds.length, requestsRedacted: requestIds.length, filesRemoved };
}

/**
 * Tracking links of the creator's cuts keep leading to the shop (the brand's campaign goes on),
 * but their URLs carry the handle (utm_term by default, wherever a template put it): it is
 * replaced as the URL encoded it.
 */
async function untagHandle(tx: Db, assetIds: readonly string[], handle: string, erased: string): Promise<void> {
  if (assetIds.length === 0 || handle === erased) return;
  const encoded = (value: string) => new URLSearchParams([['x', value]]).toString().slice(2);
  const cuts = tx
    .select({ id: renditions.id })
    .from(renditions)
    .where(inArray(renditions.assetId, [...assetIds]));
  await tx
    .update(trackingLinks)
    .set({ trackedUrl: sql`replace(${trackingLinks.trackedUrl}, ${encoded(handle)}, ${encoded(erased)})` })
    .where(inArray(trackingLinks.renditionId, cuts));
}

/**
 * The creator's codes stop working (no order may be credited to a person who is gone) and lose
 * their text, which may spell the handle (OLA-7K2Q) or a name: each becomes ERASED-<16 random
 * characters>, unique like any code. Codes erased before keep their neutral text.
 */
async function neutraliseCodes(tx: Db, creatorId: string, actorKeyId: string | null): Promise<void> {
  await tx
    .update(creatorCodes)
    .set({
      code: sql`'ERASED-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))`,
      deactivatedAt: sql`coalesce(${creatorCodes.deactivatedAt}, now())`,
      deactivatedBy: sql`case when ${creatorCodes.deactivatedAt} is null then ${actorKeyId}::uuid else ${creatorCodes.deactivatedBy} end`,
    })
    .where(sql`${creatorCodes.creatorId} = ${creatorId} and ${creatorCodes.code} not like 'ERASED-%'`);
}

/** Removes `keys` from the before and after snapshots of these entities' audit entries. */
async function redactAudit(tx: Db, entityType: string, ids: readonly string[], keys: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // The keys are this file's constants, never input: written into the SQL as a literal array.
  const minus = (column: AnyPgColumn) => sql`${column} - ${sql.raw(`array[${keys.map((k) => `'${k}'`).join(',')}]`)}::text[]`;
  await tx
    .update(auditLog)
    .set({ before: minus(auditLog.before), after: minus(auditLog.after) })
    .where(sql`${auditLog.entityType} = ${entityType} and ${inArray(auditLog.entityId, [...ids])}`);
}

async function removeAll(storage: StorageDriver, prefix: string): Promise<number> {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  for (const key of keys) await storage.delete(key);
  return keys.length;
}
