import { asc, and, eq } from 'drizzle-orm';
import { apiKeys, auditLog, type AuditLogEntry, type Db } from '../db';

export interface AuditChange {
  /** The API key that made the change; null for the system acting on its own (e.g. a sweep). */
  actorKeyId: string | null;
  /** `<entity>.<verb>`: `license.create`, `license.update`, `license.revoke`… */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity as JSON before the change (null on create) and after it. */
  before: unknown;
  after: unknown;
  /**
   * For work that may run more than once (a job retried, or re-run after its worker lost the
   * lock): the entry is written once per (action, key), and a second write of it is a no-op.
   */
  idempotencyKey?: string;
}

/**
 * Records one change. Pass the transaction that makes the change, so the entry and the change
 * commit or roll back together: an audit log that can disagree with the data is worthless.
 * With an `idempotencyKey` already recorded for this action, nothing is added and the entry
 * recorded first is returned.
 */
export async function recordAudit(tx: Db, change: AuditChange): Promise<AuditLogEntry> {
  const values = { ...change, before: asJson(change.before), after: asJson(change.after) };
  if (change.idempotencyKey === undefined) {
    const [entry] = await tx.insert(auditLog).values(values).returning();
    if (!entry) throw new Error('audit insert returned no row');
    return entry;
  }
  // ON CONFLICT rather than look-then-insert: two runs committing at once cannot both add one.
  const [inserted] = await tx
    .insert(auditLog)
    .values(values)
    .onConflictDoNothing({ target: [auditLog.action, auditLog.idempotencyKey] })
    .returning();
  if (inserted) return inserted;
  const [existing] = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, change.action), eq(auditLog.idempotencyKey, change.idempotencyKey)));
  if (!existing) throw new Error(`audit entry ${change.action} ${change.idempotencyKey} conflicted but was not found`);
  return existing;
}

export interface AuditEntryView {
  id: string;
  action: string;
  /** Who made the change; null when the system did (e.g. the expiry sweep). */
  actor: { keyId: string; name: string } | null;
  at: string;
  before: unknown;
  after: unknown;
}

/** An entity's changes, oldest first, each with the name of the key that made it. */
export async function auditHistory(db: Db, entityType: string, entityId: string): Promise<AuditEntryView[]> {
  const rows = await db
    .select({ entry: auditLog, keyName: apiKeys.name })
    .from(auditLog)
    .leftJoin(apiKeys, eq(apiKeys.id, auditLog.actorKeyId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(({ entry, keyName }) => ({
    id: entry.id,
    action: entry.action,
    actor: entry.actorKeyId ? { keyId: entry.actorKeyId, name: keyName ?? '' } : null,
    at: entry.at.toISOString(),
    before: entry.before,
    after: entry.after,
  }));
}

/** Dates become ISO strings and undefined fields vanish, exactly as a JSON body would show them. */
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));
