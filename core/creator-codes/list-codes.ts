import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { CreatorCodeView } from '../contract/creator-code-replies';
import type { Page } from '../contract/page';
import { creatorCodes, creators, type Db } from '../db';
import { micros, olderThan, toPage } from '../paging/newest-first';
import type { PageCursor } from '../paging/page-cursor';
import { toCreatorCodeView } from './code-view';

export interface CreatorCodeFilter {
  creatorId?: string;
  /** Exactly this campaign. */
  campaign?: string;
  active?: boolean;
  /** Part of the code or of the creator's handle, any case. */
  q?: string;
}

/** Codes newest first, each with its creator's handle, a page at a time. */
export async function listCreatorCodes(db: Db, filter: CreatorCodeFilter, limit: number, after?: PageCursor): Promise<Page<CreatorCodeView>> {
  const rows = await db
    .select({ code: creatorCodes, handle: creators.handle, createdAtUs: micros(creatorCodes.createdAt) })
    .from(creatorCodes)
    .innerJoin(creators, eq(creators.id, creatorCodes.creatorId))
    .where(
      and(
        filter.creatorId ? eq(creatorCodes.creatorId, filter.creatorId) : undefined,
        filter.campaign !== undefined ? eq(creatorCodes.campaign, filter.campaign) : undefined,
        filter.active === undefined ? undefined : filter.active ? isNull(creatorCodes.deactivatedAt) : isNotNull(creatorCodes.deactivatedAt),
        filter.q ? matching(filter.q) : undefined,
        after ? olderThan(creatorCodes.createdAt, creatorCodes.id, after) : undefined,
      ),
    )
    .orderBy(desc(creatorCodes.createdAt), desc(creatorCodes.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAtUs: r.createdAtUs, id: r.code.id }),
    (r) => toCreatorCodeView(r.code, r.handle),
  );
}

/** LIKE's wildcards in `q` match literally. */
function matching(q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(sql`${creatorCodes.code} ilike ${pattern}`, sql`${creators.handle} ilike ${pattern}`);
}
