import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  assetProducts,
  assets,
  creators,
  licenseAssets,
  licenses,
  renditions,
  type Db,
  type NewAsset,
  type NewLicense,
  type NewRendition,
} from '../../core/db';
import type { Channel } from '../../core/vocabulary/channels';
import { originalKey } from '../../core/storage/object-keys';

/** The benchmark's library: the size issue 3 names (100 products, 2,000 assets, 5,000 licenses). */
export const BENCH_SIZE = { products: 100, creators: 200, assets: 2_000, directLicenses: 4_000, creatorLicenses: 1_000 } as const;

export interface BenchData {
  skus: string[];
  assetIds: string[];
  /** A creator to upload under. */
  creatorId: string;
  rows: { creators: number; assets: number; renditions: number; licenses: number; licenseAssets: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const IMAGE_WIDTHS = [320, 640, 1080];
/** Rows per INSERT: the widest table (renditions, 11 columns) stays far under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/**
 * Bulk-inserts the benchmark library with Drizzle in one transaction: ready assets (a quarter
 * of them videos) spread evenly over the products, each with three image widths (videos also a
 * poster and a preview), and licenses of every shape (direct ones naming one or two assets,
 * creator-wide ones) cycling through territories, channels and periods, so a gallery request
 * weighs several licenses per asset the way a real library does. Names carry a run id, so the
 * seed also works in a database that already has data (DATABASE_URL).
 */
export async function seedBenchData(db: Db, { analyze = true } = {}): Promise<BenchData> {
  const run = randomBytes(3).toString('hex');
  const skus = Array.from({ length: BENCH_SIZE.products }, (_, i) => `BENCH-${run}-${String(i).padStart(3, '0')}`);
  const creatorRows = Array.from({ length: BENCH_SIZE.creators }, (_, i) => ({
    id: randomUUID(),
    handle: `bench_${run}_${i}`,
    platform: ['instagram', 'tiktok', 'youtube'][i % 3]!,
    followers: 800 + i * 12_000,
  }));
  const assetRows = Array.from({ length: BENCH_SIZE.assets }, (_, i) => benchAsset(i, creatorRows[i % creatorRows.length]!.id));
  const productRows = assetRows.flatMap((a, i) => {
    const own = { assetId: a.id!, sku: skus[i % skus.length]! };
    // Every tenth asset also shows the next product, as posts often show two.
    return i % 10 === 0 ? [own, { assetId: a.id!, sku: skus[(i + 1) % skus.length]! }] : [own];
  });
  const renditionRows = assetRows.flatMap(benchRenditions);
  const { licenseRows, links } = benchLicenses(
    assetRows.map((a) => a.id!),
    creatorRows.map((c) => c.id),
  );

  await db.transaction(async (tx) => {
    await insertInChunks(tx, creators, creatorRows);
    await insertInChunks(tx, assets, assetRows);
    await insertInChunks(tx, assetProducts, productRows);
    await insertInChunks(tx, renditions, renditionRows);
    await insertInChunks(tx, licenses, licenseRows);
    await insertInChunks(tx, licenseAssets, links);
  });
  // Planner statistics, as autovacuum would gather after a bulk load on a server. PGlite has
  // no autovacuum: without this its plans rest on guesses (a seq scan of licenses per request).
  if (analyze) await db.execute(sql`analyze`);
  return {
    skus,
    assetIds: assetRows.map((a) => a.id!),
    creatorId: creatorRows[0]!.id,
    rows: {
      creators: creatorRows.length,
      assets: assetRows.length,
      renditions: renditionRows.length,
      licenses: licenseRows.length,
      licenseAssets: links.length,
    },
  };
}

function benchAsset(i: number, creatorId: string): NewAsset {
  const id = randomUUID();
  const video = i % 4 === 0;
  const [width, height] = [
    [1080, 1920],
    [1080, 1080],
    [1920, 1080],
    [1080, 1350],
  ][i % 4]!;
  return {
    id,
    creatorId,
    kind: video ? 'video' : 'image',
    status: 'ready',
    title: `Bench asset ${i}`,
    sha256: randomBytes(32).toString('hex'),
    storageKey: originalKey(id),
    mimeType: video ? 'video/mp4' : 'image/jpeg',
    sizeBytes: video ? 8_000_000 : 600_000,
    width,
    height,
    durationS: video ? 15 : null,
  };
}

function benchRenditions(asset: NewAsset): NewRendition[] {
  const rendition = (kind: NewRendition['kind'], spec: Record<string, unknown>, format: string, width: number): NewRendition => ({
    assetId: asset.id!,
    kind,
    spec,
    specHash: createHash('sha256').update(JSON.stringify(spec)).digest('hex'),
    format,
    width,
    height: Math.round((width * asset.height!) / asset.width!),
    sizeBytes: width * 100,
    storageKey: `assets/${asset.id}/${kind}-${width}.${format}`,
  });
  const images = IMAGE_WIDTHS.map((width) => rendition('image', { width, format: 'webp' }, 'webp', width));
  if (asset.kind !== 'video') return images;
  return [...images, rendition('poster', { width: 1080 }, 'jpeg', 1080), rendition('preview', { width: 480, durationS: 6 }, 'mp4', 480)];
}

const TERRITORIES: Array<{ territories: string[]; excludedTerritories?: string[] }> = [
  { territories: ['WW'], excludedTerritories: ['RU', 'BY'] },
  { territories: ['PL'] },
  { territories: ['DE', 'AT', 'CH'] },
  { territories: ['PL', 'CZ', 'SK'] },
  { territories: ['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'CZ', 'AT', 'BE', 'SE'] },
  { territories: ['US', 'GB', 'CA'] },
];
const CHANNEL_SETS: Channel[][] = [
  ['product_page', 'organic_social'],
  ['paid_social', 'paid_video'],
  ['product_page', 'paid_social', 'email'],
  ['paid_social'],
  ['product_page'],
];

/** Of every 20 licenses: 4 perpetual, 10 ending within a year, 3 over, 1 not started, 1 revoked, 1 draft. */
function period(k: number, now: number): Pick<NewLicense, 'startsAt' | 'endsAt' | 'status' | 'revokedAt'> {
  const day = (n: number) => new Date(now + n * DAY_MS);
  const slot = k % 20;
  if (slot < 4) return { startsAt: day(-300), endsAt: null, status: 'active' };
  if (slot < 14) return { startsAt: day(-60), endsAt: day(20 + (k % 380)), status: 'active' };
  if (slot < 17) return { startsAt: day(-400), endsAt: day(-1 - (k % 90)), status: 'active' };
  if (slot === 17) return { startsAt: day(10), endsAt: day(200), status: 'active' };
  if (slot === 18) return { startsAt: day(-30), endsAt: day(300), status: 'revoked', revokedAt: day(-2) };
  return { startsAt: day(5), endsAt: day(365), status: 'draft' };
}

function benchLicenses(assetIds: string[], creatorIds: string[]): { licenseRows: NewLicense[]; links: Array<{ licenseId: string; assetId: string }> } {
  const now = Date.now();
  const total = BENCH_SIZE.directLicenses + BENCH_SIZE.creatorLicenses;
  const licenseRows: NewLicense[] = [];
  const links: Array<{ licenseId: string; assetId: string }> = [];
  for (let k = 0; k < total; k++) {
    const id = randomUUID();
    const direct = k < BENCH_SIZE.directLicenses;
    licenseRows.push({
      id,
      creatorId: direct ? null : creatorIds[k % creatorIds.length]!,
      ...TERRITORIES[k % TERRITORIES.length]!,
      channels: CHANNEL_SETS[k % CHANNEL_SETS.length]!,
      ...period(k, now),
      derivativesAllowed: k % 3 === 0,
      disclosureRequired: k % 4 === 0,
      notes: 'bench',
    });
    if (!direct) continue;
    const named = new Set([assetIds[k % assetIds.length]!, ...(k % 2 ? [assetIds[(k * 7 + 13) % assetIds.length]!] : [])]);
    for (const assetId of named) links.push({ licenseId: id, assetId });
  }
  return { licenseRows, links };
}

async function insertInChunks<T extends PgTable>(db: Db, table: T, rows: Array<T['$inferInsert']>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK));
}
