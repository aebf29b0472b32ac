import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { assets, creators, licenseAssets, licenses, type Db, type License, type NewLicense } from '../db';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';
import type { StorageDriver } from '../storage';
import { licenseRecord, termsOf, namedAssets, type LicenseRecord } from './license-record';
import type { LicenseTermsValues } from './license-terms';
import { contractKey } from '../storage/object-keys';

/**
 * Every way a license changes. Each runs in one transaction that also writes the audit entry,
 * so the log and the data never disagree: if either write fails, neither happens.
 */

/** The audit log's entity type for licenses. */
export const LICENSE_ENTITY = 'license';

const licenseRevoked = (id: string): DomainError => new DomainError('conflict', 'license_revoked', `License ${id} is revoked and can no longer be changed`);

/** Where a license's signed contract is kept: one per license, replaced by a new upload. */

export async function createLicense(db: Db, actorKeyId: string | null, terms: LicenseTermsValues): Promise<LicenseRecord> {
  return db.transaction(async (tx) => {
    await assertCoveredThingsExist(tx, terms);
    const [row] = await tx.insert(licenses).values(columnsOf(terms)).returning();
    await nameAssets(tx, row!.id, terms.assetIds);
    const after = licenseRecord(row!, terms.assetIds);
    await recordAudit(tx, { actorKeyId, action: 'license.create', entityType: LICENSE_ENTITY, entityId: row!.id, before: null, after });
    return after;
  });
}

/**
 * Changes any terms. `revise` gets the current terms and returns the new ones (the caller
 * merges its patch and validates the result); it runs under the row lock, so two concurrent
 * patches apply one after the other instead of one silently undoing the other.
 */
export async function updateLicense(
  db: Db,
  actorKeyId: string | null,
  id: string,
  revise: (current: LicenseTermsValues) => LicenseTermsValues,
): Promise<LicenseRecord> {
  return db.transaction(async (tx) => {
    const { row, assetIds } = await lockEditable(tx, id);
    const terms = revise(termsOf(row, assetIds));
    await assertCoveredThingsExist(tx, terms);
    const [updated] = await tx.update(licenses).set(columnsOf(terms)).where(eq(licenses.id, id)).returning();
    await tx.delete(licenseAssets).where(eq(licenseAssets.licenseId, id));
    await nameAssets(tx, id, terms.assetIds);
    const after = licenseRecord(updated!, terms.assetIds);
    await recordAudit(tx, { actorKeyId, action: 'license.update', entityType: LICENSE_ENTITY, entityId: id, before: licenseRecord(row, assetIds), after });
    return after;
  });
}

/**
 * Revokes at once: from this instant no rights check passes under it. Idempotent: revoking a
 * revoked license returns it unchanged (first reason and time kept) and logs nothing, so a
 * client may safely retry.
 */
export async function revokeLicense(db: Db, actorKeyId: string | null, id: string, reason: string | null): Promise<LicenseRecord> {
  return db.transaction(async (tx) => {
    const { row, assetIds } = await lockLicense(tx, id);
    const before = licenseRecord(row, assetIds);
    if (row.status === 'revoked') return before;
    const [updated] = await tx.update(licenses).set({ status: 'revoked', revokedAt: new Date(), revokedReason: reason }).where(eq(licenses.id, id)).returning();
    const after = licenseRecord(updated!, assetIds);
    await recordAudit(tx, { actorKeyId, action: 'license.revoke', entityType: LICENSE_ENTITY, entityId: id, before, after });
    return after;
  });
}

/**
 * Stores the signed contract (already checked to be a PDF) and records it. The object is
 * written inside the transaction, after the lock: if storage fails nothing is recorded; if the
 * commit fails after the write, the object is a replaced copy under the same key, which the
 * next successful upload overwrites.
 */
export async function attachContract(
  db: Db,
  storage: StorageDriver,
  actorKeyId: string | null,
  id: string,
  contract: { bytes: Buffer; filename: string; key?: string },
): Promise<LicenseRecord> {
  return db.transaction(async (tx) => {
    const { row, assetIds } = await lockEditable(tx, id);
    const key = contract.key ?? contractKey(id);
    await storage.put(key, contract.bytes, { contentType: 'application/pdf', size: contract.bytes.length });
    const [updated] = await tx.update(licenses).set({ contractStorageKey: key, contractFilename: contract.filename }).where(eq(licenses.id, id)).returning();
    const after = licenseRecord(updated!, assetIds);
    await recordAudit(tx, {
      actorKeyId,
      action: 'license.contract_upload',
      entityType: LICENSE_ENTITY,
      entityId: id,
      before: licenseRecord(row, assetIds),
      after,
    });
    return after;
  });
}

/** The license row, locked until the transaction ends, with the assets it names. */
async function lockLicense(tx: Db, id: string): Promise<{ row: License; assetIds: string[] }> {
  const [row] = await tx.select().from(licenses).where(eq(licenses.id, id)).for('update');
  if (!row) throw notFound('license', id);
  const assetIds = (await namedAssets(tx, [id])).get(id) ?? [];
  return { row, assetIds };
}

async function lockEditable(tx: Db, id: string): Promise<{ row: License; assetIds: string[] }> {
  const locked = await lockLicense(tx, id);
  if (locked.row.status === 'revoked') throw licenseRevoked(id);
  return locked;
}

/** 422 rather than a foreign-key 500: the client named assets or a creator that do not exist. */
async function assertCoveredThingsExist(tx: Db, terms: LicenseTermsValues): Promise<void> {
  if (terms.assetIds.length > 0) {
    const found = await tx.select({ id: assets.id }).from(assets).where(inArray(assets.id, terms.assetIds));
    const known = new Set(found.map((a) => a.id));
    const missing = terms.assetIds.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw unprocessable('unknown_asset_ids', `No asset with id ${missing.join(', ')}`, { assetIds: missing });
    }
  }
  if (terms.creatorId !== null) {
    const [creator] = await tx.select({ id: creators.id }).from(creators).where(eq(creators.id, terms.creatorId));
    if (!creator) throw unprocessable('unknown_creator', `No creator with id ${terms.creatorId}`);
  }
}

async function nameAssets(tx: Db, licenseId: string, assetIds: readonly string[]): Promise<void> {
  if (assetIds.length === 0) return;
  await tx.insert(licenseAssets).values(assetIds.map((assetId) => ({ licenseId, assetId })));
}

function columnsOf(terms: LicenseTermsValues): NewLicense {
  const { assetIds: _named, fee, ...columns } = terms;
  return { ...columns, feeAmount: fee?.amount ?? null, feeCurrency: fee?.currency ?? null };
}
