import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys';
import { id, timestamptz } from './columns';

/** Who changed what: one row per change, with the entity before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    /** Null for changes the system makes on its own (e.g. the expiry sweep). */
    actorKeyId: uuid('actor_key_id').references(() => apiKeys.id),
    /** `license.create`, `license.update`, `license.revoke`… */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamptz('at').notNull().defaultNow(),
    /**
     * Set when one piece of work may record the same change more than once (a job retried or
     * re-run after its worker lost the lock): the entry is written once per (action, key).
     * Null for changes made once by construction (a request), which never collide.
     */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    uniqueIndex('audit_log_action_idempotency_key_unique').on(t.action, t.idempotencyKey),
  ],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
