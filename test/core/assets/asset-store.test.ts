import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { assets, creators, isUniqueViolation, type Database, type Db, type NewAsset } from '../../../core/db';
import { decodePageCursor, encodePageCursor, type PageCursor } from '../../../core/paging/page-cursor';
import { findAsset, findAssetBySha256, insertAsset, listAssets, updateAsset } from '../../../core/assets/asset-store';
import { testDatabases } from '../../helpers/test-database';

async function newCreator(db: Db): Promise<string> {
  const [row] = await db
    .insert(creators)
    .values({ handle: `c_${randomUUID()}`, platform: 'tiktok', followers: 5000 })
    .returning();
  return row!.id;
}

const newAsset = (creatorId: string, fields: Partial<NewAsset> = {}): NewAsset => {
  const id = randomUUID();
  return {
    id,
    creatorId,
    kind: 'image',
    sha256: randomBytes(32).toString('hex'),
    storageKey: `assets/${id}/original`,
    mimeType: 'image/png',
    sizeBytes: 10,
    ...fields,
  };
};

describe.each(testDatabases())('asset store on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(() => database.close());

  it('inserts an asset with its products, and finds it by id and by sha256', async () => {
    const creatorId = await newCreator(db);
    const asset = await insertAsset(db, newAsset(creatorId), ['SKU-1', 'SKU-2']);
    expect(asset.productSkus).toEqual(['SKU-1', 'SKU-2']);
    expect(await findAsset(db, asset.id)).toMatchObject({ id: asset.id, status: 'uploaded', productSkus: ['SKU-1', 'SKU-2'] });
    expect((await findAssetBySha256(db, asset.sha256))?.id).toBe(asset.id);
    expect(await findAsset(db, randomUUID())).toBeNull();
  });

  it('inserts nothing when a product row fails (one transaction)', async () => {
    const creatorId = await newCreator(db);
    const row = newAsset(creatorId);
    await expect(insertAsset(db, row, ['DUP', 'DUP'])).rejects.toThrow();
    expect(await findAsset(db, row.id!)).toBeNull();
  });

  it('refuses a second asset with the same bytes on the sha256 constraint', async () => {
    const creatorId = await newCreator(db);
    const first = await insertAsset(db, newAsset(creatorId), []);
    const error = await insertAsset(db, newAsset(creatorId, { sha256: first.sha256 }), []).catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'assets_sha256_unique')).toBe(true);
  });

  it('updates probe results', async () => {
    const asset = await insertAsset(db, newAsset(await newCreator(db)), []);
    await updateAsset(db, asset.id, { status: 'ready', width: 10, height: 20 });
    expect(await findAsset(db, asset.id)).toMatchObject({ status: 'ready', width: 10, height: 20 });
  });

  it('pages newest first through rows created within the same millisecond, none skipped or repeated', async () => {
    const creatorId = await newCreator(db);
    // One statement: every row gets the same now(); ids then break the tie. Plus rows microseconds apart.
    const rows = Array.from({ length: 7 }, () => newAsset(creatorId));
    await db.insert(assets).values(rows);
    const base = Date.now() * 1000;
    for (const [i, row] of Array.from({ length: 5 }, () => newAsset(creatorId)).entries()) {
      await db.insert(assets).values({ ...row, createdAt: sql`timestamptz 'epoch' + ${base + i}::bigint * interval '1 microsecond'` });
    }
    const seen: string[] = [];
    let cursor: PageCursor | undefined;
    do {
      const page = await listAssets(db, { creatorId }, 3, cursor);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.next ? decodePageCursor(encodePageCursor(page.next)) : undefined;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const all = await listAssets(db, { creatorId }, 100);
    expect(all.items.map((a) => a.id)).toEqual(seen);
    expect(all.next).toBeNull();
  });

  it('filters by product, status and kind', async () => {
    const creatorId = await newCreator(db);
    const video = await insertAsset(db, newAsset(creatorId, { kind: 'video', mimeType: 'video/mp4' }), ['SHOE-1']);
    const image = await insertAsset(db, newAsset(creatorId), ['SHOE-1', 'BAG-2']);
    await updateAsset(db, image.id, { status: 'ready' });
    const ids = async (filter: Parameters<typeof listAssets>[1]) => (await listAssets(db, { creatorId, ...filter }, 10)).items.map((a) => a.id);
    expect(await ids({ product: 'SHOE-1' })).toEqual([image.id, video.id]);
    expect(await ids({ product: 'BAG-2' })).toEqual([image.id]);
    expect(await ids({ kind: 'video' })).toEqual([video.id]);
    expect(await ids({ status: 'ready' })).toEqual([image.id]);
    expect(await ids({ product: 'NONE' })).toEqual([]);
  });
});

describe('asset cursor', () => {
  it('round-trips', () => {
    const cursor = { createdAtUs: '1714564800123456', id: randomUUID() };
    expect(decodePageCursor(encodePageCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])(
    'refuses %p with invalid_cursor',
    (text) => {
      expect(() => decodePageCursor(text)).toThrow(expect.objectContaining({ code: 'invalid_cursor', kind: 'invalid' }));
    },
  );
});
