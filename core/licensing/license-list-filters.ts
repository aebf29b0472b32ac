import { and, eq, gt, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { assets, creators, licenseAssets, licenses } from '../db';
import { EXPIRING_WITHIN_MS, type LicenseState } from '../vocabulary/license-state';

/** How the licenses list may be ordered: end soonest first, start or creation newest first. */
export const LICENSE_SORTS = ['created', 'ends', 'starts'] as const;
export type LicenseSort = (typeof LICENSE_SORTS)[number];

/**
 * The sort key of each order, with its direction. A perpetual license has no end: it sorts as
 * ending at infinity (last when soonest first), so the keyset cursor never compares a null.
 */
export function licenseSortKey(sort: LicenseSort): { key: SQL; order: 'asc' | 'desc' } {
  if (sort === 'ends') return { key: sql`coalesce(${licenses.endsAt}, 'infinity'::timestamptz)`, order: 'asc' };
  if (sort === 'starts') return { key: sql`${licenses.startsAt}`, order: 'desc' };
  return { key: sql`${licenses.createdAt}`, order: 'desc' };
}

/**
 * Rows after the cursor's row in (key, id) order. The key is read back from the cursor's row
 * (as core/paging/id-cursor.ts does), so timestamps keep their microseconds.
 */
export function afterLicense(key: SQL, cursor: string, order: 'asc' | 'desc'): SQL {
  const comparison = order === 'asc' ? sql`>` : sql`<`;
  return sql`(${key}, ${licenses.id}) ${comparison} (select ${key}, ${licenses.id} from ${licenses} where ${licenses.id} = ${cursor})`;
}

/**
 * Licenses in a state at `now`, by the same rules as `licenseState` (vocabulary/license-state.ts):
 * the status for drafts and revoked ones; for active ones, where now falls in the period.
 */
export function inState(state: LicenseState, now: Date): SQL | undefined {
  if (state === 'draft' || state === 'revoked') return eq(licenses.status, state);
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_MS);
  const started = and(eq(licenses.status, 'active'), lte(licenses.startsAt, now));
  if (state === 'not_started') return and(eq(licenses.status, 'active'), gt(licenses.startsAt, now));
  if (state === 'expired') return and(started, isNotNull(licenses.endsAt), lte(licenses.endsAt, now));
  if (state === 'expiring') return and(started, gt(licenses.endsAt, now), lt(licenses.endsAt, soon));
  return and(started, or(isNull(licenses.endsAt), gte(licenses.endsAt, soon)));
}

/** Granting a channel (whatever the state: the state filter says whether it is in force). */
export const grantingChannel = (channel: string): SQL => sql`${channel} = any(${licenses.channels})`;

/**
 * Covering a country: listing it or worldwide, and not excluding it; `WW` asks for the
 * worldwide licenses only.
 */
export function coveringTerritory(territory: string): SQL {
  if (territory === 'WW') return sql`'WW' = any(${licenses.territories})`;
  return sql`(${territory} = any(${licenses.territories}) or 'WW' = any(${licenses.territories}))
    and not (${territory} = any(${licenses.excludedTerritories}))`;
}

/**
 * Words a person types to find a license: its id or an asset's id (whole), or part of the
 * handle of its creator (creator-wide, or of an asset it names) or of a named asset's title.
 * `%` and `_` are matched literally.
 */
export function matchingWords(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q);
  const byId = isUuid ? sql`${licenses.id} = ${q.toLowerCase()}::uuid or` : sql``;
  const byAssetId = isUuid ? sql`${assets.id} = ${q.toLowerCase()}::uuid or` : sql``;
  return sql`(${byId} exists (select 1 from ${creators} where ${creators.id} = ${licenses.creatorId} and ${creators.handle} ilike ${pattern})
    or exists (select 1 from ${licenseAssets} join ${assets} on ${assets.id} = ${licenseAssets.assetId}
      left join ${creators} on ${creators.id} = ${assets.creatorId}
      where ${licenseAssets.licenseId} = ${licenses.id}
        and (${byAssetId} ${assets.title} ilike ${pattern} or ${creators.handle} ilike ${pattern})))`;
}
