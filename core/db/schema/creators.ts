import { integer, pgTable, real, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

/** A creator on one platform. The tier (nano…mega) is derived from `followers`, never stored. */
export const creators = pgTable(
  'creators',
  {
    id: id(),
    handle: text('handle').notNull(),
    platform: text('platform').notNull(),
    followers: integer('followers').notNull(),
    engagementRate: real('engagement_rate'),
    /** Where the brand reaches the creator (personal data: exported and erased on request). */
    contactEmail: text('contact_email'),
    createdAt: createdAt(),
  },
  (t) => [unique('creators_platform_handle_unique').on(t.platform, t.handle)],
);

export type Creator = typeof creators.$inferSelect;
export type NewCreator = typeof creators.$inferInsert;
