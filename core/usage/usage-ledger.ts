import { and, desc, eq } from 'drizzle-orm';
import { usages, type Db, type NewUsage, type Usage, type UsageOutcome } from '../db';
import { micros, olderThan, toPage } from '../paging/newest-first';
import type { Page } from '../contract/page';
import type { PageCursor } from '../paging/page-cursor';

/** A ledger entry as clients see it. */
export interface UsageView {
  id: string;
  outcome: UsageOutcome;
  reasons: string[];
  apiKeyId: string;
  assetId: string;
  /** The cut pulled, when it was one. */
  cutId: string | null;
  licenseId: string | null;
  channel: string;
  territory: string;
  campaign: string | null;
  at: string;
}

export interface UsageFilter {
  assetId?: string;
  licenseId?: string;
  outcome?: UsageOutcome;
}

/** Appends one entry: the ledger is never updated or deleted. */
export async function recordUsage(db: Db, entry: NewUsage): Promise<UsageView> {
  const [row] = await db.insert(usages).values(entry).returning();
  return toView(row!);
}

/** Entries newest first, a page at a time. */
export async function listUsages(db: Db, filter: UsageFilter, limit: number, after?: PageCursor): Promise<Page<UsageView>> {
  const rows = await db
    .select({ usage: usages, atUs: micros(usages.at) })
    .from(usages)
    .where(
      and(
        filter.assetId ? eq(usages.assetId, filter.assetId) : undefined,
        filter.licenseId ? eq(usages.licenseId, filter.licenseId) : undefined,
        filter.outcome ? eq(usages.outcome, filter.outcome) : undefined,
        after ? olderThan(usages.at, usages.id, after) : undefined,
      ),
    )
    .orderBy(desc(usages.at), desc(usages.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAtUs: r.atUs, id: r.usage.id }),
    (r) => toView(r.usage),
  );
}

function toView(row: Usage): UsageView {
  return {
    id: row.id,
    outcome: row.outcome,
    reasons: row.reasons,
    apiKeyId: row.apiKeyId,
    assetId: row.assetId,
    cutId: row.renditionId,
    licenseId: row.licenseId,
    channel: row.channel,
    territory: row.territory,
    campaign: row.campaign,
    at: row.at.toISOString(),
  };
}
