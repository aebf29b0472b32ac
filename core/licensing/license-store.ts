import { and, asc, count, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { assets, licenseAssets, licenses, usages, type Db } from '../db';
import type { LicenseTerms } from './rights';

/** Only what the rights check reads: on the hot path (rights, ads, gallery) fewer columns map faster. */
export const termsColumns = {
  id: licenses.id,
  status: licenses.status,
  territories: licenses.territories,
  excludedTerritories: licenses.excludedTerritories,
  channels: licenses.channels,
  startsAt: licenses.startsAt,
  endsAt: licenses.endsAt,
  derivativesAllowed: licenses.derivativesAllowed,
  disclosureRequired: licenses.disclosureRequired,
  attributionRequired: licenses.attributionRequired,
};

/**
 * Every license that may cover each asset: those naming it (license_assets) and those over all
 * of its creator's assets (licenses.creator_id), in one round trip. Every asked id is a key,
 * with an empty array when nothing applies (or the asset does not exist). Licenses come in a
 * stable order (start, then id) and once each. Whether they cover a use is for `checkRights`.
 *
 * An archived or deleted asset is withdrawn from every use: for it, nothing applies (so every
 * rights check refuses it with no_license), unless the catalogue asks to see its licenses anyway
 * (`{ withdrawn: 'include' }`: the asset page, the library's license state).
 */
export async function licensesForAssets(
  db: Db,
  assetIds: readonly string[],
  { withdrawn = 'exclude' }: { withdrawn?: 'exclude' | 'include' } = {},
): Promise<Map<string, LicenseTerms[]>> {
  const byAsset = new Map<string, Map<string, LicenseTerms>>(assetIds.map((id) => [id, new Map()]));
  if (byAsset.size === 0) return new Map();
  const ids = [...byAsset.keys()];
  const inUse = withdrawn === 'include' ? undefined : and(isNull(assets.archivedAt), isNull(assets.deletedAt));
  const named = db
    .select({ assetId: licenseAssets.assetId, ...termsColumns })
    .from(licenseAssets)
    .innerJoin(licenses, eq(licenses.id, licenseAssets.licenseId))
    .innerJoin(assets, eq(assets.id, licenseAssets.assetId))
    .where(and(inArray(licenseAssets.assetId, ids), inUse));
  const creatorWide = db
    .select({ assetId: assets.id, ...termsColumns })
    .from(assets)
    .innerJoin(licenses, eq(licenses.creatorId, assets.creatorId))
    .where(and(inArray(assets.id, ids), inUse));
  for (const { assetId, ...terms } of await named.unionAll(creatorWide)) {
    byAsset.get(assetId)?.set(terms.id, terms);
  }
  return new Map([...byAsset].map(([assetId, found]) => [assetId, [...found.values()].sort(byStartThenId)]));
}

function byStartThenId(a: LicenseTerms, b: LicenseTerms): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface LiveUsage {
  campaign: string | null;
  channel: string;
  territory: string;
  /** ISO 8601 time of the latest granted pull. */
  lastPulledAt: string;
  pulls: number;
  assetId: string;
}

/**
 * Where each license's content is out in the world: its granted pulls from the usage ledger,
 * one entry per (asset, campaign, channel, territory), most recently pulled first. Every asked
 * id is a key, with an empty array when nothing was pulled under it.
 */
export async function liveUsages(db: Db, licenseIds: readonly string[]): Promise<Map<string, LiveUsage[]>> {
  const byLicense = new Map<string, LiveUsage[]>(licenseIds.map((id) => [id, []]));
  if (licenseIds.length === 0) return byLicense;
  const lastPulledAt = max(usages.at);
  const rows = await db
    .select({
      licenseId: usages.licenseId,
      assetId: usages.assetId,
      campaign: usages.campaign,
      channel: usages.channel,
      territory: usages.territory,
      lastPulledAt,
      pulls: count(),
    })
    .from(usages)
    .where(and(eq(usages.outcome, 'granted'), inArray(usages.licenseId, [...byLicense.keys()])))
    .groupBy(usages.licenseId, usages.assetId, usages.campaign, usages.channel, usages.territory)
    .orderBy(desc(lastPulledAt), asc(usages.channel), asc(usages.territory));
  for (const { licenseId, lastPulledAt: last, ...usage } of rows) {
    if (licenseId === null || last === null) continue; // the where clause rules both out
    byLicense.get(licenseId)?.push({ ...usage, lastPulledAt: new Date(last).toISOString() });
  }
  return byLicense;
}
