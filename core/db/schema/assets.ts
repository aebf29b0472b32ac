import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { ASSET_KINDS, ASSET_STATUSES } from '../../vocabulary/asset-kinds';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { creators } from './creators';

export const assetKind = pgEnum('asset_kind', ASSET_KINDS);
export const assetStatus = pgEnum('asset_status', ASSET_STATUSES);

/** An original video or image: immutable bytes (identified by sha256) and probed metadata. */
export const assets = pgTable(
  'assets',
  {
    id: id(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creators.id),
    kind: assetKind('kind').notNull(),
    status: assetStatus('status').notNull().default('uploaded'),
    /** Why processing failed, when status is `failed`. */
    error: text('error'),
    title: text('title'),
    /** The content manager's own notes about the asset. */
    notes: text('notes'),
    sourceUrl: text('source_url'),
    sha256: text('sha256').notNull().unique(),
    storageKey: text('storage_key').notNull(),
    originalFilename: text('original_filename'),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** As displayed, after rotation metadata. */
    width: integer('width'),
    height: integer('height'),
    durationS: real('duration_s'),
    frameRate: real('frame_rate'),
    videoCodec: text('video_codec'),
    audioCodec: text('audio_codec'),
    hasAudio: boolean('has_audio'),
    /** Withdrawn from every use (gallery, ads, pulls, licensed files) at once; files and records kept. */
    archivedAt: timestamptz('archived_at'),
    /** Its files removed from storage; the row stays as what licenses and the usage ledger point at. */
    deletedAt: timestamptz('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('assets_creator_id_idx').on(t.creatorId), index('assets_created_at_id_idx').on(t.createdAt, t.id)],
);

/** The product SKUs an asset shows; the public gallery looks assets up by SKU. */
export const assetProducts = pgTable(
  'asset_products',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.sku] }), index('asset_products_sku_idx').on(t.sku)],
);

export type AssetKind = (typeof assetKind.enumValues)[number];
export type AssetStatus = (typeof assetStatus.enumValues)[number];
export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
export type AssetProduct = typeof assetProducts.$inferSelect;
