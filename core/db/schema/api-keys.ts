import { pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { ROLES } from '../../vocabulary/roles';
import { createdAt, id, timestamptz } from './columns';

export const apiKeyRole = pgEnum('api_key_role', ROLES);

/**
 * A key is shown once and stored only as the SHA-256 hex of its text: keys are high-entropy
 * random strings, so a fast hash is enough and lets a lookup be one indexed equality.
 */
export const apiKeys = pgTable('api_keys', {
  id: id(),
  name: text('name').notNull(),
  role: apiKeyRole('role').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first 8 characters of the key, to tell keys apart in lists. */
  keyPrefix: text('key_prefix').notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamptz('last_used_at'),
  revokedAt: timestamptz('revoked_at'),
});

export type ApiKeyRole = (typeof apiKeyRole.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
