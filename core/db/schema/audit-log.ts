import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at)],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
