import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys';
import { createdAt, id, timestamptz } from './columns';
import { creators } from './creators';

/** What a code takes off: a share of the order, or a fixed amount (an exact decimal string) in a currency. */
export type StoredCodeDiscount = { percent: number } | { amount: string; currency: string };

/**
 * A discount or affiliate code given to a creator, for a campaign or none. Codes compare
 * without regard to case (a shopper types `ola-7k2q` as readily as `OLA-7K2Q`), so they are
 * stored upper-cased and the unique index on them makes one code one creator's, brand-wide.
 * A code is never deleted: deactivated, it stays listed, so past orders still find its creator.
 */
export const creatorCodes = pgTable(
  'creator_codes',
  {
    id: id(),
    /** Plain reference: creators are never deleted (erasure keeps them as a pseudonym). */
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creators.id),
    /** Upper case, 3–32 of A–Z, 0–9, `-`, `_`. */
    code: text('code').notNull(),
    campaign: text('campaign'),
    discount: jsonb('discount').$type<StoredCodeDiscount>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => apiKeys.id),
    createdAt: createdAt(),
    deactivatedAt: timestamptz('deactivated_at'),
    deactivatedBy: uuid('deactivated_by').references(() => apiKeys.id),
  },
  (t) => [
    uniqueIndex('creator_codes_code_unique').on(t.code),
    index('creator_codes_creator_idx').on(t.creatorId, t.createdAt),
    index('creator_codes_created_idx').on(t.createdAt, t.id),
  ],
);

export type CreatorCode = typeof creatorCodes.$inferSelect;
export type NewCreatorCode = typeof creatorCodes.$inferInsert;
