import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { TAKEDOWN_STATUSES } from '../../vocabulary/takedown-status';
import { apiKeys } from './api-keys';
import { createdAt, id, timestamptz } from './columns';
import { creators } from './creators';

export const takedownStatus = pgEnum('takedown_status', TAKEDOWN_STATUSES);

/**
 * The creator's own page: one live link per creator at most. The nonce is part of what the
 * link's signature covers, so making a new link (a new nonce) or deleting the row (revoking)
 * kills every earlier link.
 */
export const creatorPageLinks = pgTable('creator_page_links', {
  creatorId: uuid('creator_id')
    .primaryKey()
    .references(() => creators.id, { onDelete: 'cascade' }),
  nonce: text('nonce').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
  createdBy: uuid('created_by').references(() => apiKeys.id),
  createdAt: createdAt(),
});

/**
 * A creator asking, from their page, that some of their content (or all of it: no asset ids)
 * stop being used. A message to the content managers: nothing is withdrawn automatically.
 */
export const takedownRequests = pgTable(
  'takedown_requests',
  {
    id: id(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creators.id),
    /** The assets named; empty means all of the creator's content. */
    assetIds: uuid('asset_ids').array().notNull().default([]),
    /** In the creator's words (personal data: erased with the creator). */
    reason: text('reason'),
    status: takedownStatus('status').notNull().default('open'),
    resolvedAt: timestamptz('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => apiKeys.id),
    resolvedNote: text('resolved_note'),
    createdAt: createdAt(),
  },
  (t) => [index('takedown_requests_status_idx').on(t.status, t.createdAt), index('takedown_requests_creator_idx').on(t.creatorId, t.createdAt)],
);

export type CreatorPageLink = typeof creatorPageLinks.$inferSelect;
export type TakedownRequest = typeof takedownRequests.$inferSelect;
export type TakedownStatus = (typeof takedownStatus.enumValues)[number];
