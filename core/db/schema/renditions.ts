import { bigint, integer, jsonb, pgEnum, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { RENDITION_KINDS } from '../../vocabulary/asset-kinds';
import { assets } from './assets';
import { createdAt, id } from './columns';

export const renditionKind = pgEnum('rendition_kind', RENDITION_KINDS);

/**
 * A file derived from an asset. `specHash` is a stable hash of `spec`, so a retried job
 * upserts on (asset, kind, specHash) and replaces its own output instead of adding a copy.
 */
export const renditions = pgTable(
  'renditions',
  {
    id: id(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kind: renditionKind('kind').notNull(),
    /** What was asked for; a cut's spec is { aspect, durationS, startS, fit, disclosure }. */
    spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
    specHash: text('spec_hash').notNull(),
    format: text('format').notNull(),
    width: integer('width'),
    height: integer('height'),
    durationS: real('duration_s'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('renditions_asset_kind_spec_unique').on(t.assetId, t.kind, t.specHash)],
);

export type RenditionKind = (typeof renditionKind.enumValues)[number];
export type Rendition = typeof renditions.$inferSelect;
export type NewRendition = typeof renditions.$inferInsert;
