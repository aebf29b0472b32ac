import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assets, creators, renditions, type Database, type Db } from '../../../core/db';
import { specHash, upsertRenditions, type RenditionInput } from '../../../core/assets/rendition-store';
import { testDatabases } from '../../helpers/test-database';

async function newImageAsset(db: Db): Promise<string> {
  const [creator] = await db
    .insert(creators)
    .values({ handle: `c_${randomUUID()}`, platform: 'tiktok', followers: 5000 })
    .returning();
  const id = randomUUID();
  await db.insert(assets).values({
    id,
    creatorId: creator!.id,
    kind: 'image',
    sha256: randomBytes(32).toString('hex'),
    storageKey: `assets/${id}/original`,
    mimeType: 'image/jpeg',
    sizeBytes: 10,
  });
  return id;
}

const row = (assetId: string, width: number, sizeBytes: number): RenditionInput => ({
  assetId,
  kind: 'image',
  spec: { width, format: 'webp' },
  format: 'webp',
  width,
  height: width,
  sizeBytes,
  storageKey: `assets/${assetId}/renditions/image-${width}.webp`,
});

describe('specHash', () => {
  it('ignores key order and tells different specs apart', () => {
    expect(specHash({ width: 320, format: 'webp' })).toBe(specHash({ format: 'webp', width: 320 }));
    expect(specHash({ width: 320, format: 'webp' })).not.toBe(specHash({ width: 320, format: 'avif' }));
  });
});

describe.each(testDatabases())('rendition store on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(() => database.close());

  it('a second upsert of the same specs replaces the rows in place instead of adding copies', async () => {
    const assetId = await newImageAsset(db);
    const first = await upsertRenditions(db, [row(assetId, 320, 100), row(assetId, 640, 200)]);
    const second = await upsertRenditions(db, [row(assetId, 320, 111), row(assetId, 640, 222)]);
    expect(second.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    const stored = await db.select().from(renditions).where(eq(renditions.assetId, assetId));
    expect(stored.map((r) => [r.width, r.sizeBytes]).sort()).toEqual([
      [320, 111],
      [640, 222],
    ]);
  });

  it('writes nothing when one row is bad (one statement)', async () => {
    const assetId = await newImageAsset(db);
    await expect(upsertRenditions(db, [row(assetId, 320, 100), row(randomUUID(), 640, 200)])).rejects.toThrow();
    expect(await db.select().from(renditions).where(eq(renditions.assetId, assetId))).toEqual([]);
    expect(await upsertRenditions(db, [])).toEqual([]);
  });
});
