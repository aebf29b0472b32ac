import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { creators, type Db } from '../db';
import { toIdPage } from '../paging/id-cursor';
import type { Page } from '../contract/page';
import { CREATOR_TIERS, creatorTier, type CreatorTier } from '../vocabulary/creator-tier';
import { creatorView, type CreatorView } from './creator-store';

/** How the creators list may be ordered: newest, most followers, most engaging first, or by handle A–Z. */
export const CREATOR_SORTS = ['newest', 'followers', 'engagement', 'handle'] as const;
export type CreatorSort = (typeof CREATOR_SORTS)[number];

export interface CreatorFilter {
  /** Part of the handle; a leading `@` is dropped by the route. */
  q?: string;
  platform?: string;
  tier?: CreatorTier;
  sort?: CreatorSort;
  cursor?: string;
  limit: number;
}

/**
 * The sort key of each order. A creator without an engagement rate sorts as -1, after every
 * measured one, so the keyset cursor never compares a null.
 */
function sortKey(sort: CreatorSort): { key: SQL; order: 'asc' | 'desc' } {
  if (sort === 'followers') return { key: sql`${creators.followers}`, order: 'desc' };
  if (sort === 'engagement') return { key: sql`coalesce(${creators.engagementRate}, -1)`, order: 'desc' };
  if (sort === 'handle') return { key: sql`${creators.handle}`, order: 'asc' };
  return { key: sql`${creators.createdAt}`, order: 'desc' };
}

/** Creators whose followers fall in the tier: at least its floor, under the next tier's. */
function inTier(tier: CreatorTier): SQL | undefined {
  const floors = tierFloors();
  const floor = floors.get(tier)!;
  const next = CREATOR_TIERS[CREATOR_TIERS.indexOf(tier) + 1];
  return and(gte(creators.followers, floor), next ? lt(creators.followers, floors.get(next)!) : undefined);
}

/**
 * Each tier's lowest follower count, found from `creatorTier` itself so the two never disagree:
 * the tiers are ordered and each begins at a power of ten (1 000, 10 000…), or at 0 for `none`.
 */
function tierFloors(): Map<CreatorTier, number> {
  const floors = new Map<CreatorTier, number>([['none', 0]]);
  for (let followers = 1; followers <= 1e9; followers *= 10) {
    const tier = creatorTier(followers);
    if (!floors.has(tier)) floors.set(tier, followers);
  }
  return floors;
}

/** Creators matching the filter, a page at a time in the chosen order (newest first by default). */
export async function listCreators(db: Db, filter: CreatorFilter): Promise<Page<CreatorView>> {
  const { key, order } = sortKey(filter.sort ?? 'newest');
  const direction = order === 'asc' ? asc : desc;
  const comparison = order === 'asc' ? sql`>` : sql`<`;
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select()
    .from(creators)
    .where(
      and(
        pattern ? sql`${creators.handle} ilike ${pattern}` : undefined,
        filter.platform ? eq(creators.platform, filter.platform) : undefined,
        filter.tier ? inTier(filter.tier) : undefined,
        // As core/paging/id-cursor.ts: the key is read back from the cursor's row.
        filter.cursor
          ? sql`(${key}, ${creators.id}) ${comparison} (select ${key}, ${creators.id} from ${creators} where ${creators.id} = ${filter.cursor})`
          : undefined,
      ),
    )
    .orderBy(direction(key), direction(creators.id))
    .limit(filter.limit + 1);
  return toIdPage(rows.map(creatorView), filter.limit);
}
