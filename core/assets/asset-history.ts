import { eq } from 'drizzle-orm';
import { auditHistory, type AuditEntryView } from '../audit/audit-log';
import { assets, type Db } from '../db';
import { notFound } from '../errors/domain-error';

/** Audit entries about an asset (what was made of it, under which license) are filed under this entity type. */
export const ASSET_ENTITY = 'asset';

/** Everything recorded about an asset, oldest first; 404 when the asset does not exist. */
export async function assetHistory(db: Db, id: string): Promise<AuditEntryView[]> {
  const [asset] = await db.select({ id: assets.id }).from(assets).where(eq(assets.id, id));
  if (!asset) throw notFound('asset', id);
  return auditHistory(db, ASSET_ENTITY, id);
}
