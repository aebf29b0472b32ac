import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys';
import { createdAt, id, timestamptz } from './columns';
import { renditions } from './renditions';

/**
 * A short public link (`/t/<code>`) made by an ad pull with a landing URL: it redirects to the
 * landing URL with UTM tags (`trackedUrl`, fixed when the link is made) and counts the clicks.
 * The same pull asked again finds its link through `pullKey` (a hash of the cut, channel,
 * territory, campaign, platform and landing URL: the columns themselves are too long together
 * for one index entry); only one live link per key, so a disabled link's pull makes a new one.
 */
export const trackingLinks = pgTable(
  'tracking_links',
  {
    id: id(),
    /** 128 random bits, base64url: the secret that makes the link unguessable. */
    code: text('code').notNull(),
    pullKey: text('pull_key').notNull(),
    /** The cut pulled. Plain reference: a cut with pulls is never deleted (the ledger points to it). */
    renditionId: uuid('rendition_id')
      .notNull()
      .references(() => renditions.id),
    channel: text('channel').notNull(),
    territory: text('territory').notNull(),
    campaign: text('campaign'),
    /** The platform the pull named (utm_source); null when it named none. */
    platform: text('platform'),
    landingUrl: text('landing_url').notNull(),
    trackedUrl: text('tracked_url').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => apiKeys.id),
    createdAt: createdAt(),
    disabledAt: timestamptz('disabled_at'),
    disabledBy: uuid('disabled_by').references(() => apiKeys.id),
  },
  (t) => [
    uniqueIndex('tracking_links_code_unique').on(t.code),
    uniqueIndex('tracking_links_live_pull_key_unique')
      .on(t.pullKey)
      .where(sql`${t.disabledAt} is null`),
    index('tracking_links_rendition_idx').on(t.renditionId, t.createdAt),
    index('tracking_links_created_idx').on(t.createdAt, t.id),
  ],
);

/**
 * Clicks per link per day (UTC): one row a day, incremented by an upsert, so a click costs one
 * statement and analytics sums days. Nothing about the person clicking is kept.
 */
export const trackingLinkClicks = pgTable(
  'tracking_link_clicks',
  {
    linkId: uuid('link_id')
      .notNull()
      .references(() => trackingLinks.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'tracking_link_clicks_pk', columns: [t.linkId, t.day] }), index('tracking_link_clicks_day_idx').on(t.day)],
);

export type TrackingLink = typeof trackingLinks.$inferSelect;
export type NewTrackingLink = typeof trackingLinks.$inferInsert;
