import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  assetProducts,
  assets,
  comments,
  creators,
  databaseError,
  isUniqueViolation,
  licenseAssets,
  licenseNotifications,
  licenses,
  renditions,
  SqlState,
  type Database,
  type Db,
  type NewAsset,
  type NewLicense,
} from '../../../core/db';
import { testDatabases } from '../../helpers/test-database';

const unique = () => randomBytes(8).toString('hex');

async function newCreator(db: Db) {
  const [creator] = await db
    .insert(creators)
    .values({ handle: `c_${unique()}`, platform: 'tiktok', followers: 25_000 })
    .returning();
  return creator!;
}

async function newAsset(db: Db, fields: Partial<NewAsset> = {}) {
  const creatorId = fields.creatorId ?? (await newCreator(db)).id;
  const sha256 = fields.sha256 ?? randomBytes(32).toString('hex');
  const [asset] = await db
    .insert(assets)
    .values({ creatorId, kind: 'video', sha256, storageKey: `originals/${sha256}`, mimeType: 'video/mp4', sizeBytes: 1024, ...fields })
    .returning();
  return asset!;
}

async function newLicense(db: Db, fields: Partial<NewLicense> = {}) {
  const [license] = await db
    .insert(licenses)
    .values({
      territories: ['PL'],
      channels: ['paid_social'],
      startsAt: new Date('2025-01-01T00:00:00Z'),
      derivativesAllowed: true,
      status: 'active',
      ...fields,
    })
    .returning();
  return license!;
}

/** The SQLSTATE a failing query rejects with. */
async function sqlState(query: Promise<unknown>): Promise<string | undefined> {
  const error = await query.then(
    () => undefined,
    (e: unknown) => e,
  );
  return databaseError(error)?.code;
}

describe.each(testDatabases())('schema on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(() => database.close());

  it('round-trips every column type the same way', async () => {
    const asset = await newAsset(db, { sizeBytes: 5_000_000_000, durationS: 12.5, hasAudio: true });
    expect(asset).toMatchObject({ sizeBytes: 5_000_000_000, durationS: 12.5, hasAudio: true, status: 'uploaded' });
    expect(asset.createdAt).toBeInstanceOf(Date);

    const terms = {
      creatorId: asset.creatorId,
      territories: ['WW'],
      excludedTerritories: ['DE', 'FR'],
      channels: ['paid_social' as const, 'product_page' as const],
      startsAt: new Date('2025-03-01T10:00:00Z'),
      endsAt: new Date('2026-03-01T10:00:00Z'),
      exclusivity: { scope: 'category' as const, category: 'shoes' },
      feeAmount: '1500.50',
      feeCurrency: 'EUR',
    };
    const license = await newLicense(db, terms);
    const [read] = await db.select().from(licenses).where(eq(licenses.id, license.id));
    expect(read).toEqual(license);
    expect(read).toMatchObject({ ...terms, disclosureRequired: false });
  });

  it('keeps one asset per sha256', async () => {
    const asset = await newAsset(db);
    const error = await newAsset(db, { sha256: asset.sha256 }).catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'assets_sha256_unique')).toBe(true);
    expect(isUniqueViolation(error, 'creators_platform_handle_unique')).toBe(false);
  });

  it('keeps one comment per (platform, externalId), so re-imports skip', async () => {
    const comment = { platform: 'instagram', externalId: unique(), text: 'Does it run small?' };
    expect(await db.insert(comments).values(comment).onConflictDoNothing().returning()).toHaveLength(1);
    expect(await db.insert(comments).values(comment).onConflictDoNothing().returning()).toEqual([]);
    expect(await sqlState(db.insert(comments).values(comment))).toBe(SqlState.uniqueViolation);
    await db.insert(comments).values({ ...comment, platform: 'tiktok' });
  });

  it('refuses a license_assets row for an asset that does not exist', async () => {
    const license = await newLicense(db);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await sqlState(db.insert(licenseAssets).values({ licenseId: license.id, assetId: missing }))).toBe(SqlState.foreignKeyViolation);
  });

  it('refuses a license that ends before it starts, or a fee without a currency', async () => {
    const startsAt = new Date('2025-06-01T00:00:00Z');
    expect(await sqlState(newLicense(db, { startsAt, endsAt: new Date('2025-05-01T00:00:00Z') }))).toBe(SqlState.checkViolation);
    expect(await sqlState(newLicense(db, { feeAmount: '100' }))).toBe(SqlState.checkViolation);
  });

  it('lets a retried job replace its own rendition', async () => {
    const asset = await newAsset(db);
    const cut = (storageKey: string) => ({
      assetId: asset.id,
      kind: 'cut' as const,
      spec: { aspect: '9:16', durationS: 6, startS: 0, fit: 'crop', disclosure: null },
      specHash: 'spec-9x16-6s',
      format: 'mp4',
      sizeBytes: 2048,
      storageKey,
    });
    const upsert = (storageKey: string) =>
      db
        .insert(renditions)
        .values(cut(storageKey))
        .onConflictDoUpdate({
          target: [renditions.assetId, renditions.kind, renditions.specHash],
          set: { storageKey, sizeBytes: 2048, createdAt: sql`now()` },
        })
        .returning();
    const [first] = await upsert('cuts/a.mp4');
    const [second] = await upsert('cuts/b.mp4');
    expect(second!.id).toBe(first!.id);
    expect(await db.select().from(renditions).where(eq(renditions.assetId, asset.id))).toEqual([expect.objectContaining({ storageKey: 'cuts/b.mp4' })]);
    expect(await sqlState(db.insert(renditions).values(cut('cuts/c.mp4')))).toBe(SqlState.uniqueViolation);
  });

  it('records each expiry notice once per license', async () => {
    const license = await newLicense(db, { endsAt: new Date('2025-02-01T00:00:00Z') });
    const send = (kind: 'expiring_7' | 'expired') => db.insert(licenseNotifications).values({ licenseId: license.id, kind }).onConflictDoNothing().returning();
    expect(await send('expiring_7')).toHaveLength(1);
    expect(await send('expiring_7')).toEqual([]);
    expect(await send('expired')).toHaveLength(1);
  });

  it('deletes an asset with its products, renditions and license links, and unlinks its comments', async () => {
    const asset = await newAsset(db);
    const license = await newLicense(db);
    await db.insert(assetProducts).values({ assetId: asset.id, sku: `SKU-${unique()}` });
    await db.insert(renditions).values({
      assetId: asset.id,
      kind: 'poster',
      spec: { width: 640 },
      specHash: 'poster-640',
      format: 'jpeg',
      sizeBytes: 100,
      storageKey: `posters/${asset.id}.jpg`,
    });
    await db.insert(licenseAssets).values({ licenseId: license.id, assetId: asset.id });
    const [comment] = await db.insert(comments).values({ platform: 'tiktok', externalId: unique(), text: 'love it', assetId: asset.id }).returning();

    await db.delete(assets).where(eq(assets.id, asset.id));

    expect(await db.select().from(assetProducts).where(eq(assetProducts.assetId, asset.id))).toEqual([]);
    expect(await db.select().from(renditions).where(eq(renditions.assetId, asset.id))).toEqual([]);
    expect(await db.select().from(licenseAssets).where(eq(licenseAssets.assetId, asset.id))).toEqual([]);
    expect(await db.select().from(licenses).where(eq(licenses.id, license.id))).toHaveLength(1);
    const [unlinked] = await db.select().from(comments).where(eq(comments.id, comment!.id));
    expect(unlinked!.assetId).toBeNull();
  });

  it('leaves no rows behind when a transaction throws', async () => {
    const handle = `tx_${unique()}`;
    const failing = db.transaction(async (tx) => {
      const [creator] = await tx.insert(creators).values({ handle, platform: 'youtube', followers: 1 }).returning();
      await tx.insert(assets).values({
        creatorId: creator!.id,
        kind: 'image',
        sha256: unique(),
        storageKey: 'k',
        mimeType: 'image/jpeg',
        sizeBytes: 1,
      });
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(
      await db
        .select()
        .from(creators)
        .where(and(eq(creators.platform, 'youtube'), eq(creators.handle, handle))),
    ).toEqual([]);
  });

  it('loads relations', async () => {
    const asset = await newAsset(db, { title: 'with relations' });
    await db.insert(assetProducts).values({ assetId: asset.id, sku: 'SKU-REL' });
    const found = await db.query.assets.findFirst({
      where: eq(assets.id, asset.id),
      with: { creator: true, products: true, renditions: true },
    });
    expect(found).toMatchObject({ title: 'with relations', creator: { id: asset.creatorId }, products: [{ sku: 'SKU-REL' }], renditions: [] });
  });
});
