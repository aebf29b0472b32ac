import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { USAGE_OUTCOMES } from '../../vocabulary/usage-outcomes';
import { apiKeys } from './api-keys';
import { assets } from './assets';
import { id, timestamptz } from './columns';
import { licenses } from './licenses';
import { renditions } from './renditions';

export const usageOutcome = pgEnum('usage_outcome', USAGE_OUTCOMES);

/**
 * The ledger: every pull of a file for a channel, granted or refused, with who asked and under
 * which license. Its references are plain (no cascade): the ledger outlives nothing it points
 * to, so an asset, cut, key or license with ledger entries cannot be deleted, only revoked.
 */
export const usages = pgTable(
  'usages',
  {
    id: id(),
    outcome: usageOutcome('outcome').notNull(),
    /** Rights reason codes (`expired`, `channel_not_granted`…); empty when granted. */
    reasons: text('reasons').array().notNull().default([]),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    /** The cut pulled, when it was one. */
    renditionId: uuid('rendition_id').references(() => renditions.id),
    licenseId: uuid('license_id').references(() => licenses.id),
    channel: text('channel').notNull(),
    territory: text('territory').notNull(),
    campaign: text('campaign'),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('usages_asset_id_idx').on(t.assetId, t.at), index('usages_license_id_idx').on(t.licenseId, t.at)],
);

export type UsageOutcome = (typeof usageOutcome.enumValues)[number];
export type Usage = typeof usages.$inferSelect;
export type NewUsage = typeof usages.$inferInsert;
