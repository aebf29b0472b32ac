import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  assetProducts,
  assets,
  creators,
  licenseAssets,
  licenses,
  renditions,
  type Asset,
  type Creator,
  type Database,
  type Db,
  type License,
  type NewLicense,
  type Rendition,
  type RenditionKind,
} from '../../../core/db';
import { FsDriver, type StorageDriver } from '../../../core/storage';

/**
 * Rows for rights tests, written straight with drizzle (the upload and license routes belong to
 * other features), with real bytes in real storage behind every asset and rendition.
 */
export async function addCreator(db: Db, handle = `creator_${randomUUID().slice(0, 8)}`): Promise<Creator> {
  const [row] = await db.insert(creators).values({ handle, platform: 'instagram', followers: 25_000 }).returning();
  return row!;
}

export async function addAsset(
  db: Db,
  storage: StorageDriver,
  opts: { creatorId: string; skus?: string[]; kind?: 'image' | 'video'; status?: Asset['status'] },
): Promise<Asset> {
  const id = randomUUID();
  const storageKey = `assets/${id}/original`;
  const kind = opts.kind ?? 'video';
  const mimeType = kind === 'video' ? 'video/mp4' : 'image/jpeg';
  await storage.put(storageKey, Buffer.from(`original ${id}`), { contentType: mimeType });
  const [row] = await db
    .insert(assets)
    .values({
      id,
      creatorId: opts.creatorId,
      kind,
      status: opts.status ?? 'ready',
      sha256: randomUUID(),
      storageKey,
      mimeType,
      sizeBytes: 45,
      width: 1080,
      height: 1920,
    })
    .returning();
  if (opts.skus?.length) await db.insert(assetProducts).values(opts.skus.map((sku) => ({ assetId: id, sku })));
  return row!;
}

export async function addRendition(
  db: Db,
  storage: StorageDriver,
  opts: { assetId: string; kind: RenditionKind; spec: Record<string, unknown>; format?: string; width?: number; height?: number; durationS?: number },
): Promise<Rendition> {
  const id = randomUUID();
  const storageKey = `renditions/${opts.assetId}/${id}`;
  const bytes = Buffer.from(`${opts.kind} ${id}`);
  await storage.put(storageKey, bytes);
  const [row] = await db
    .insert(renditions)
    .values({
      id,
      assetId: opts.assetId,
      kind: opts.kind,
      spec: opts.spec,
      specHash: id,
      format: opts.format ?? 'mp4',
      width: opts.width ?? 1080,
      height: opts.height ?? 1920,
      durationS: opts.durationS,
      sizeBytes: bytes.length,
      storageKey,
    })
    .returning();
  return row!;
}

/** A cut as the media worker records it. */
export const addCut = (db: Db, storage: StorageDriver, assetId: string, aspect = '9:16', durationS = 15): Promise<Rendition> =>
  addRendition(db, storage, { assetId, kind: 'cut', spec: { aspect, durationS, startS: 0, fit: 'crop', disclosure: null }, durationS });

const HOUR = 3600_000;

/** An active license over `assetIds` (or a creator's assets), by default worldwide on every channel, started an hour ago, perpetual. */
export async function addLicense(db: Db, terms: Partial<NewLicense> & { assetIds?: string[] }): Promise<License> {
  const { assetIds = [], ...rest } = terms;
  const [row] = await db
    .insert(licenses)
    .values({
      territories: ['WW'],
      channels: ['paid_social', 'paid_video', 'product_page', 'organic_social'],
      startsAt: new Date(Date.now() - HOUR),
      endsAt: null,
      derivativesAllowed: true,
      status: 'active',
      ...rest,
    })
    .returning();
  if (assetIds.length) await db.insert(licenseAssets).values(assetIds.map((assetId) => ({ licenseId: row!.id, assetId })));
  return row!;
}

/**
 * For data-layer tests that need no other service: a test database and real fs storage in a
 * temp dir, opened before the enclosing describe block's tests and removed after them.
 */
export function useDatabaseAndStorage(open: () => Promise<Database>): { db: () => Db; storage: () => FsDriver } {
  let database: Database;
  let storage: FsDriver;
  let root: string;
  beforeAll(async () => {
    database = await open();
    root = await mkdtemp(path.join(os.tmpdir(), 'rights-storage-'));
    storage = new FsDriver({ root, signingSecret: 'rights-fixtures-secret-0123' });
    await storage.init();
  });
  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });
  return { db: () => database.db, storage: () => storage };
}
