import { sql } from 'drizzle-orm';
import { boolean, char, check, index, jsonb, numeric, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { Channel } from '../../vocabulary/channels';
import { LICENSE_STATUSES } from '../../vocabulary/license-state';
import { assets } from './assets';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { creators } from './creators';

export const licenseStatus = pgEnum('license_status', LICENSE_STATUSES);
export const licenseNotificationKind = pgEnum('license_notification_kind', ['expiring_30', 'expiring_7', 'expiring_1', 'expired']);

export interface LicenseExclusivity {
  scope: 'none' | 'category' | 'all';
  category?: string;
  /** ISO 8601 time. */
  until?: string;
}

/**
 * Terms over the assets listed in license_assets or, when `creatorId` is set, over all of that
 * creator's assets. Territories are ISO 3166-1 alpha-2 codes or `WW`; `endsAt` null is
 * perpetual. Whether a license covers a use is decided from time at the instant asked, never
 * from the expiry sweep (license_notifications only records which notices went out).
 */
export const licenses = pgTable(
  'licenses',
  {
    id: id(),
    creatorId: uuid('creator_id').references(() => creators.id),
    territories: text('territories').array().notNull(),
    excludedTerritories: text('excluded_territories').array().notNull().default([]),
    channels: text('channels').array().$type<Channel[]>().notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at'),
    derivativesAllowed: boolean('derivatives_allowed').notNull(),
    exclusivity: jsonb('exclusivity').$type<LicenseExclusivity>(),
    /** Exact decimal, as a string (e.g. "1500.00"); with `feeCurrency` (ISO 4217) or neither. */
    feeAmount: numeric('fee_amount'),
    feeCurrency: char('fee_currency', { length: 3 }),
    disclosureRequired: boolean('disclosure_required').notNull().default(false),
    attributionRequired: boolean('attribution_required').notNull().default(false),
    contractStorageKey: text('contract_storage_key'),
    contractFilename: text('contract_filename'),
    notes: text('notes'),
    status: licenseStatus('status').notNull(),
    revokedAt: timestamptz('revoked_at'),
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('licenses_creator_id_idx').on(t.creatorId),
    index('licenses_ends_at_idx').on(t.endsAt),
    check('licenses_period_check', sql`${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    check('licenses_fee_check', sql`(${t.feeAmount} is null) = (${t.feeCurrency} is null) and ${t.feeAmount} >= 0`),
  ],
);

/** The assets a license names explicitly. */
export const licenseAssets = pgTable(
  'license_assets',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.assetId] }), index('license_assets_asset_id_idx').on(t.assetId)],
);

/** Expiry notices sent: the primary key makes each kind go out once per license. */
export const licenseNotifications = pgTable(
  'license_notifications',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    kind: licenseNotificationKind('kind').notNull(),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.kind] })],
);

export type LicenseStatus = (typeof licenseStatus.enumValues)[number];
export type LicenseNotificationKind = (typeof licenseNotificationKind.enumValues)[number];
export type License = typeof licenses.$inferSelect;
export type NewLicense = typeof licenses.$inferInsert;
export type LicenseAsset = typeof licenseAssets.$inferSelect;
export type LicenseNotification = typeof licenseNotifications.$inferSelect;
