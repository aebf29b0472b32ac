import { and, desc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { assetProducts, assets, type Asset, type AssetKind, type AssetStatus, type Db, type NewAsset } from '../db';
import type { Channel } from '../vocabulary/channels';
import type { PageCursor } from '../paging/page-cursor';
import type { AssetLicenseState } from '../vocabulary/asset-license-state';
import { channelCondition, licenseStateCondition } from './asset-license-state';

export interface AssetWithProducts extends Asset {
  productSkus: string[];
}

/** Inserts an asset and its product links together: both or neither. */
export async function insertAsset(db: Db, asset: NewAsset, productSkus: readonly string[]): Promise<AssetWithProducts> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assets).values(asset).returning();
    if (productSkus.length) await tx.insert(assetProducts).values(productSkus.map((sku) => ({ assetId: row!.id, sku })));
    return { ...row!, productSkus: [...productSkus] };
  });
}

export async function findAsset(db: Db, id: string): Promise<AssetWithProducts | null> {
  const [row] = await db.select().from(assets).where(eq(assets.id, id));
  return row ? withProducts(db, row) : null;
}

/** Whether an asset with this id exists (a cheap check, without its products). */
export async function assetExists(db: Db, id: string): Promise<boolean> {
  const [asset] = await db.select({ id: assets.id }).from(assets).where(eq(assets.id, id));
  return asset !== undefined;
}

export async function findAssetBySha256(db: Db, sha256: string): Promise<AssetWithProducts | null> {
  const [row] = await db.select().from(assets).where(eq(assets.sha256, sha256));
  return row ? withProducts(db, row) : null;
}

/** What the probe learnt, or the state it is in; `updatedAt` moves by itself. */
export type AssetUpdate = Partial<Pick<Asset, 'status' | 'error' | 'width' | 'height' | 'durationS' | 'frameRate' | 'videoCodec' | 'audioCodec' | 'hasAudio'>>;

export async function updateAsset(db: Db, id: string, update: AssetUpdate): Promise<void> {
  await db.update(assets).set(update).where(eq(assets.id, id));
}

export interface AssetFilter {
  creatorId?: string;
  product?: string;
  status?: AssetStatus;
  kind?: AssetKind;
  /** Where the asset's rights stand (see asset-license-state.ts). */
  licenseState?: AssetLicenseState;
  /** Only assets a license in force grants this channel. */
  channel?: Channel;
  /** Words found in the title or the original file name, case-insensitively. */
  search?: string;
  /** The instant license filters are judged at; now when absent. */
  at?: Date;
}

export interface AssetPage {
  items: AssetWithProducts[];
  /** Where the next page starts; null on the last page. */
  next: PageCursor | null;
}

/** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while assets arrive. */
export async function listAssets(db: Db, filter: AssetFilter, limit: number, after?: PageCursor): Promise<AssetPage> {
  const rows = await db
    .select({ asset: assets, createdAtUs: sql<string>`(extract(epoch from ${assets.createdAt}) * 1000000)::bigint::text` })
    .from(assets)
    .where(and(isNull(assets.deletedAt), ...filterConditions(db, filter), after && before(after)))
    .orderBy(desc(assets.createdAt), desc(assets.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const skus = await productSkus(
    db,
    page.map((r) => r.asset.id),
  );
  return {
    items: page.map(({ asset }) => ({ ...asset, productSkus: skus.get(asset.id) ?? [] })),
    next: rows.length > limit && last ? { createdAtUs: last.createdAtUs, id: last.asset.id } : null,
  };
}

function filterConditions(db: Db, filter: AssetFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.creatorId) conditions.push(eq(assets.creatorId, filter.creatorId));
  if (filter.status) conditions.push(eq(assets.status, filter.status));
  if (filter.kind) conditions.push(eq(assets.kind, filter.kind));
  if (filter.product) {
    const linked = db
      .select({ one: sql`1` })
      .from(assetProducts)
      .where(and(eq(assetProducts.assetId, assets.id), eq(assetProducts.sku, filter.product)));
    conditions.push(exists(linked));
  }
  const at = filter.at ?? new Date();
  if (filter.licenseState) conditions.push(licenseStateCondition(db, filter.licenseState, at));
  if (filter.channel) conditions.push(channelCondition(db, filter.channel, at));
  if (filter.search) conditions.push(...searchConditions(filter.search));
  return conditions;
}

/** Every word must appear in the title or the original file name; LIKE's wildcards in a word match literally. */
function searchConditions(search: string): SQL[] {
  const words = search.trim().split(/\s+/).filter(Boolean);
  return words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(ilike(assets.title, pattern), ilike(assets.originalFilename, pattern))!;
  });
}

/** Rows strictly after the cursor in (createdAt desc, id desc) order; the time rebuilt exactly from microseconds. */
const before = (cursor: PageCursor): SQL =>
  sql`(${assets.createdAt}, ${assets.id}) < (timestamptz 'epoch' + ${cursor.createdAtUs}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;

async function withProducts(db: Db, asset: Asset): Promise<AssetWithProducts> {
  const skus = await productSkus(db, [asset.id]);
  return { ...asset, productSkus: skus.get(asset.id) ?? [] };
}

async function productSkus(db: Db, assetIds: readonly string[]): Promise<Map<string, string[]>> {
  const byAsset = new Map<string, string[]>();
  if (!assetIds.length) return byAsset;
  const rows = await db
    .select()
    .from(assetProducts)
    .where(inArray(assetProducts.assetId, [...assetIds]))
    .orderBy(assetProducts.sku);
  for (const { assetId, sku } of rows) byAsset.set(assetId, [...(byAsset.get(assetId) ?? []), sku]);
  return byAsset;
}
