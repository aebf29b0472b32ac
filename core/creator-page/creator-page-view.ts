import { and, asc, count, desc, eq, inArray, isNull, max, min } from 'drizzle-orm';
import { readCutSpec } from '../ads/cut-spec';
import { thumbnailUrls } from '../assets/asset-thumbnails';
import { assets, creators, renditions, usages, type Db } from '../db';
import { notFound } from '../errors/domain-error';
import { licensesForAssets } from '../licensing/license-store';
import type { LicenseTerms } from '../licensing/rights';
import { useInPlainWords, type RequestLanguage } from '../rights-requests/terms-in-plain-words';
import type { StorageDriver } from '../storage';
import { CHANNELS } from '../vocabulary/channels';
import { licenseState, type LicenseState } from '../vocabulary/license-state';
import { openTakedowns } from './takedown-store';

/** What the creator's own page shows: everything of theirs the brand holds, and what is done with it. */
export interface CreatorPage {
  handle: string;
  platform: string;
  assets: CreatorPageAsset[];
}

export interface CreatorPageAsset {
  id: string;
  kind: 'image' | 'video';
  title: string | null;
  posterUrl: string | null;
  /** Archived: kept, but used nowhere. */
  withdrawn: boolean;
  /** Each license over it: its state now and, in the page's language, what it allows, where and until when. */
  licenses: { id: string; state: LicenseState; words: string }[];
  /** Where it went out, from the usage ledger's granted pulls: one entry per channel, territory and campaign. */
  live: { channel: string; territory: string; campaign: string | null; since: Date; lastPulledAt: Date; pulls: number }[];
  /** The ad cuts made of it, with the label each carries (REKLAMA, AD…; null: none). */
  cuts: { aspect: string; durationS: number; label: string | null }[];
  /** When the creator asked for it to be taken down, while the brand has not yet answered. */
  takedownRequestedAt: Date | null;
}

export interface PageSettings {
  language: RequestLanguage;
  brandName: string;
  timeZone: string;
}

/** The creator's page as of `now`. Deleted assets are gone from it (their files are gone too); archived ones show as withdrawn. */
export async function creatorPage(db: Db, storage: StorageDriver, creatorId: string, settings: PageSettings, now = new Date()): Promise<CreatorPage> {
  const [creator] = await db.select().from(creators).where(eq(creators.id, creatorId));
  if (!creator) throw notFound('creator', creatorId);
  const theirs = await db
    .select({ id: assets.id, kind: assets.kind, title: assets.title, archivedAt: assets.archivedAt })
    .from(assets)
    .where(and(eq(assets.creatorId, creatorId), isNull(assets.deletedAt)))
    .orderBy(desc(assets.createdAt), desc(assets.id));
  const ids = theirs.map((a) => a.id);
  const [posters, licenses, live, cuts, takedowns] = await Promise.all([
    thumbnailUrls(db, storage, ids),
    licensesForAssets(db, ids, { withdrawn: 'include' }),
    liveUses(db, ids),
    cutsOf(db, ids),
    openTakedowns(db, creatorId),
  ]);
  const askedAt = (assetId: string): Date | null => takedowns.find((t) => t.assetIds.length === 0 || t.assetIds.includes(assetId))?.createdAt ?? null;
  return {
    handle: creator.handle,
    platform: creator.platform,
    assets: theirs.map((asset) => ({
      id: asset.id,
      kind: asset.kind,
      title: asset.title,
      posterUrl: posters.get(asset.id) ?? null,
      withdrawn: asset.archivedAt !== null,
      licenses: (licenses.get(asset.id) ?? [])
        .filter((l) => l.status !== 'draft')
        .map((l) => ({ id: l.id, state: licenseState(l, now), words: licenseWords(l, asset.kind, creator.handle, settings) })),
      live: live.get(asset.id) ?? [],
      cuts: cuts.get(asset.id) ?? [],
      takedownRequestedAt: askedAt(asset.id),
    })),
  };
}

/** "Your video may be used in paid ads on social media, in Poland, until 31 March 2027." */
function licenseWords(license: LicenseTerms, kind: 'image' | 'video', handle: string, settings: PageSettings): string {
  return useInPlainWords({
    language: settings.language,
    brand: settings.brandName,
    creatorHandle: handle,
    assets: [{ kind }],
    timeZone: settings.timeZone,
    terms: {
      territories: license.territories,
      excludedTerritories: license.excludedTerritories,
      channels: CHANNELS.filter((c) => license.channels.includes(c)),
      startsAt: license.startsAt,
      endsAt: license.endsAt,
      derivativesAllowed: license.derivativesAllowed,
      disclosureRequired: license.disclosureRequired,
      disclosureLabel: null,
      attributionRequired: license.attributionRequired,
      exclusivity: null,
      fee: null,
    },
  });
}

async function liveUses(db: Db, assetIds: string[]): Promise<Map<string, CreatorPageAsset['live']>> {
  const byAsset = new Map<string, CreatorPageAsset['live']>();
  if (assetIds.length === 0) return byAsset;
  const since = min(usages.at);
  const lastPulledAt = max(usages.at);
  const rows = await db
    .select({ assetId: usages.assetId, channel: usages.channel, territory: usages.territory, campaign: usages.campaign, since, lastPulledAt, pulls: count() })
    .from(usages)
    .where(and(eq(usages.outcome, 'granted'), inArray(usages.assetId, assetIds)))
    .groupBy(usages.assetId, usages.channel, usages.territory, usages.campaign)
    .orderBy(desc(lastPulledAt), asc(usages.channel), asc(usages.territory));
  for (const { assetId, since: first, lastPulledAt: last, ...use } of rows) {
    if (first === null || last === null) continue; // a group has at least one row
    const list = byAsset.get(assetId) ?? [];
    list.push({ ...use, since: new Date(first), lastPulledAt: new Date(last) });
    byAsset.set(assetId, list);
  }
  return byAsset;
}

async function cutsOf(db: Db, assetIds: string[]): Promise<Map<string, CreatorPageAsset['cuts']>> {
  const byAsset = new Map<string, CreatorPageAsset['cuts']>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db
    .select({ assetId: renditions.assetId, spec: renditions.spec })
    .from(renditions)
    .where(and(eq(renditions.kind, 'cut'), inArray(renditions.assetId, assetIds)));
  for (const { assetId, spec } of rows) {
    const cut = readCutSpec(spec);
    const list = byAsset.get(assetId) ?? [];
    list.push({ aspect: cut.aspect, durationS: cut.durationS, label: cut.disclosure });
    byAsset.set(assetId, list);
  }
  for (const list of byAsset.values()) list.sort((a, b) => a.aspect.localeCompare(b.aspect) || a.durationS - b.durationS);
  return byAsset;
}
