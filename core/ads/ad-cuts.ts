import { and, desc, eq, exists, sql } from 'drizzle-orm';
import { assetProducts, assets, renditions, type Db } from '../db';
import type { Channel } from '../vocabulary/channels';
import { licensesForAssets } from '../licensing/license-store';
import { checkRights, type IntendedUse } from '../licensing/rights';
import { micros, olderThan } from '../paging/newest-first';
import type { Page } from '../contract/page';
import { encodePageCursor, type PageCursor } from '../paging/page-cursor';
import { readCutSpec } from './cut-spec';

export interface AdCutQuery {
  channel: Channel;
  territory: string;
  at: Date;
  aspect?: string;
  durationS?: number;
  product?: string;
}

export interface AdCut {
  cutId: string;
  assetId: string;
  aspect: string;
  durationS: number;
  width: number | null;
  height: number | null;
  format: string;
  disclosure: string | null;
  license: { id: string; endsAt: string | null; disclosureRequired: boolean; attributionRequired: boolean };
}

/**
 * Ad cuts whose asset may be used for this channel, territory and instant as a derivative
 * (a cut is an edit), newest first. Rights are checked per asset after the query, so pages are
 * read from the database in batches until `limit` licensed cuts are found or none are left.
 */
export async function listAdCuts(db: Db, query: AdCutQuery, limit: number, after?: PageCursor): Promise<Page<AdCut>> {
  const use: IntendedUse = { channel: query.channel, territory: query.territory, at: query.at, derivative: true };
  const batchSize = Math.max(limit, 100);
  const items: AdCut[] = [];
  let cursor = after;
  for (;;) {
    const rows = await cutBatch(db, query, batchSize, cursor);
    const licenses = await licensesForAssets(db, [...new Set(rows.map((r) => r.cut.assetId))]);
    for (const [i, row] of rows.entries()) {
      const decision = checkRights(licenses.get(row.cut.assetId) ?? [], use);
      if (decision.allowed) items.push(toAdCut(row.cut, decision.license!));
      cursor = { createdAtUs: row.createdAtUs, id: row.cut.id };
      const more = i < rows.length - 1 || rows.length === batchSize;
      if (items.length === limit) return { items, nextCursor: more ? encodePageCursor(cursor) : null };
    }
    if (rows.length < batchSize) return { items, nextCursor: null };
  }
}

type CutRow = Awaited<ReturnType<typeof cutBatch>>[number];

function cutBatch(db: Db, query: AdCutQuery, size: number, after?: PageCursor) {
  return db
    .select({ cut: renditions, createdAtUs: micros(renditions.createdAt) })
    .from(renditions)
    .innerJoin(assets, eq(assets.id, renditions.assetId))
    .where(
      and(
        eq(renditions.kind, 'cut'),
        eq(assets.status, 'ready'),
        query.aspect === undefined ? undefined : sql`${renditions.spec}->>'aspect' = ${query.aspect}`,
        query.durationS === undefined ? undefined : sql`${renditions.spec}->'durationS' = to_jsonb(${query.durationS}::numeric)`,
        query.product === undefined
          ? undefined
          : exists(
              db
                .select({ one: sql`1` })
                .from(assetProducts)
                .where(and(eq(assetProducts.assetId, assets.id), eq(assetProducts.sku, query.product))),
            ),
        after ? olderThan(renditions.createdAt, renditions.id, after) : undefined,
      ),
    )
    .orderBy(desc(renditions.createdAt), desc(renditions.id))
    .limit(size);
}

function toAdCut(cut: CutRow['cut'], license: { id: string; endsAt: Date | null; disclosureRequired: boolean; attributionRequired: boolean }): AdCut {
  const spec = readCutSpec(cut.spec);
  return {
    cutId: cut.id,
    assetId: cut.assetId,
    aspect: spec.aspect,
    durationS: spec.durationS,
    width: cut.width,
    height: cut.height,
    format: cut.format,
    disclosure: spec.disclosure,
    license: {
      id: license.id,
      endsAt: license.endsAt?.toISOString() ?? null,
      disclosureRequired: license.disclosureRequired,
      attributionRequired: license.attributionRequired,
    },
  };
}
