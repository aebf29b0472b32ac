import { randomBytes, randomUUID } from 'node:crypto';
import { createApiKey } from '../../../core/access/api-key-store';
import { assets, creators, licenseAssets, licenses, usages, type Db, type NewLicense, type NewUsage } from '../../../core/db';

/**
 * Rows inserted straight through drizzle, for tests of the license engine: real rows in a real
 * database, without going through routes others own (uploads).
 */

export async function insertCreator(db: Db, followers = 5_000): Promise<string> {
  const [row] = await db
    .insert(creators)
    .values({ handle: `creator_${randomUUID().slice(0, 8)}`, platform: 'tiktok', followers })
    .returning({ id: creators.id });
  return row!.id;
}

export async function insertAsset(db: Db, creatorId: string): Promise<string> {
  const sha256 = randomBytes(32).toString('hex');
  const [row] = await db
    .insert(assets)
    .values({ creatorId, kind: 'video', sha256, storageKey: `originals/${sha256}`, mimeType: 'video/mp4', sizeBytes: 1024 })
    .returning({ id: assets.id });
  return row!.id;
}

export type LicenseFixture = Partial<NewLicense> & { assetIds?: string[] };

/** An active license for paid_social in PL for 2025, over the given assets or creator. */
export async function insertLicense(db: Db, { assetIds = [], ...overrides }: LicenseFixture): Promise<string> {
  const [row] = await db
    .insert(licenses)
    .values({
      territories: ['PL'],
      channels: ['paid_social'],
      startsAt: new Date('2025-01-01T00:00:00Z'),
      endsAt: new Date('2026-01-01T00:00:00Z'),
      derivativesAllowed: false,
      status: 'active',
      ...overrides,
    })
    .returning({ id: licenses.id });
  if (assetIds.length) await db.insert(licenseAssets).values(assetIds.map((assetId) => ({ licenseId: row!.id, assetId })));
  return row!.id;
}

export async function insertApiKey(db: Db, name = 'performance team'): Promise<string> {
  return (await createApiKey(db, name, 'performance')).id;
}

export async function insertUsage(db: Db, usage: Omit<NewUsage, 'outcome'> & Partial<Pick<NewUsage, 'outcome'>>): Promise<void> {
  await db.insert(usages).values({ outcome: 'granted', ...usage });
}
