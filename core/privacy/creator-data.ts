import { eq, inArray, or, sql } from 'drizzle-orm';
import { assets, creatorCodes, creatorPageLinks, creators, licenseAssets, licenses, rightsRequests, takedownRequests, usages, type Db } from '../db';
import { notFound } from '../errors/domain-error';

/**
 * Everything held about one creator, found once for both an export and an erasure: their row,
 * their assets (deleted ones included), the licenses over their content, the rights requests
 * sent to them, the usage ledger of their assets, their takedown requests and page link, their
 * discount and affiliate codes.
 */
export async function creatorData(db: Db, creatorId: string) {
  const [creator] = await db.select().from(creators).where(eq(creators.id, creatorId));
  if (!creator) throw notFound('creator', creatorId);
  const theirAssets = await db.select().from(assets).where(eq(assets.creatorId, creatorId));
  const assetIds = theirAssets.map((a) => a.id);
  const namingTheirs = assetIds.length
    ? sql`exists (select 1 from ${licenseAssets} where ${licenseAssets.licenseId} = ${licenses.id} and ${inArray(licenseAssets.assetId, assetIds)})`
    : sql`false`;
  const [theirLicenses, requests, ledger, takedowns, pageLinks, codes] = await Promise.all([
    db
      .select()
      .from(licenses)
      .where(or(eq(licenses.creatorId, creatorId), namingTheirs)),
    db.select().from(rightsRequests).where(eq(rightsRequests.creatorId, creatorId)),
    assetIds.length ? db.select().from(usages).where(inArray(usages.assetId, assetIds)) : Promise.resolve([]),
    db.select().from(takedownRequests).where(eq(takedownRequests.creatorId, creatorId)),
    db.select().from(creatorPageLinks).where(eq(creatorPageLinks.creatorId, creatorId)),
    db.select().from(creatorCodes).where(eq(creatorCodes.creatorId, creatorId)),
  ]);
  return { creator, assets: theirAssets, licenses: theirLicenses, requests, usages: ledger, takedowns, pageLink: pageLinks[0] ?? null, codes };
}

export type CreatorData = Awaited<ReturnType<typeof creatorData>>;
