import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import type { Page } from '../contract/page';
import type { TakedownView } from '../contract/takedown-replies';
import { assets, creators, takedownRequests, type Db, type TakedownRequest } from '../db';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';
import { afterCursor, toIdPage } from '../paging/id-cursor';
import type { Services } from '../runtime/services';
import type { TakedownStatus } from '../vocabulary/takedown-status';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';

export const TAKEDOWN_ENTITY = 'takedown_request';
/** A creator's page is an unauthenticated write: this many open requests per creator, then wait for the brand. */
export const MAX_OPEN_TAKEDOWNS = 20;

export type TakedownItem = z.input<typeof TakedownView>;

export interface TakedownFilter {
  status?: TakedownStatus;
  creatorId?: string;
  cursor?: string;
  limit: number;
}

/**
 * A creator asks, from their page, that some of their assets (or all: none named) stop being
 * used. Recorded with an audit entry and a `takedown.requested` webhook; nothing is withdrawn:
 * a content manager decides; the webhook deliveries are queued once the request is committed.
 */
export async function requestTakedown(
  services: Services,
  creatorId: string,
  input: { assetIds: readonly string[]; reason: string | null },
): Promise<TakedownItem> {
  const { takedown, deliveries } = await services.database.db.transaction(async (tx) => {
    const [creator] = await tx.select({ id: creators.id }).from(creators).where(eq(creators.id, creatorId)).for('update');
    if (!creator) throw notFound('creator', creatorId);
    await assertTheirAssets(tx, creatorId, input.assetIds);
    const [open] = await tx
      .select({ n: count() })
      .from(takedownRequests)
      .where(and(eq(takedownRequests.creatorId, creatorId), eq(takedownRequests.status, 'open')));
    if ((open?.n ?? 0) >= MAX_OPEN_TAKEDOWNS)
      throw new DomainError('conflict', 'too_many_takedowns', 'The brand has not yet answered your earlier requests: please wait for them');
    const [row] = await tx
      .insert(takedownRequests)
      .values({ creatorId, assetIds: [...new Set(input.assetIds)], reason: input.reason })
      .returning();
    await recordAudit(tx, {
      actorKeyId: null,
      action: 'takedown.request',
      entityType: TAKEDOWN_ENTITY,
      entityId: row!.id,
      before: null,
      after: auditable(row!),
    });
    const event = { takedownId: row!.id, creatorId, assetIds: row!.assetIds, at: row!.createdAt.toISOString() };
    const deliveries = await recordDeliveries(tx, 'takedown.requested', event);
    return { takedown: (await withDetails(tx, [row!]))[0]!, deliveries };
  });
  await queueDeliveries(services, deliveries);
  return takedown;
}

/** A content manager has dealt with a takedown request; resolving it again returns it unchanged. */
export async function resolveTakedown(db: Db, actorKeyId: string | null, id: string, note: string | null): Promise<TakedownItem> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(takedownRequests).where(eq(takedownRequests.id, id)).for('update');
    if (!row) throw notFound('takedown_request', id);
    if (row.status === 'resolved') return (await withDetails(tx, [row]))[0]!;
    const [resolved] = await tx
      .update(takedownRequests)
      .set({ status: 'resolved', resolvedAt: new Date(), resolvedBy: actorKeyId, resolvedNote: note })
      .where(eq(takedownRequests.id, id))
      .returning();
    await recordAudit(tx, {
      actorKeyId,
      action: 'takedown.resolve',
      entityType: TAKEDOWN_ENTITY,
      entityId: id,
      before: auditable(row),
      after: auditable(resolved!),
    });
    return (await withDetails(tx, [resolved!]))[0]!;
  });
}

/** Newest first, open and resolved alike unless a status is asked for. */
export async function listTakedowns(db: Db, filter: TakedownFilter): Promise<Page<TakedownItem>> {
  const rows = await db
    .select()
    .from(takedownRequests)
    .where(
      and(
        filter.status ? eq(takedownRequests.status, filter.status) : undefined,
        filter.creatorId ? eq(takedownRequests.creatorId, filter.creatorId) : undefined,
        filter.cursor ? afterCursor(takedownRequests, takedownRequests.createdAt, takedownRequests.id, filter.cursor, 'desc') : undefined,
      ),
    )
    .orderBy(desc(takedownRequests.createdAt), desc(takedownRequests.id))
    .limit(filter.limit + 1);
  const page = toIdPage(rows, filter.limit);
  return { items: await withDetails(db, page.items), nextCursor: page.nextCursor };
}

/** The open takedown requests of one creator, for their page. */
export async function openTakedowns(db: Db, creatorId: string): Promise<TakedownRequest[]> {
  return db
    .select()
    .from(takedownRequests)
    .where(and(eq(takedownRequests.creatorId, creatorId), eq(takedownRequests.status, 'open')))
    .orderBy(desc(takedownRequests.createdAt));
}

async function assertTheirAssets(tx: Db, creatorId: string, assetIds: readonly string[]): Promise<void> {
  if (assetIds.length === 0) return;
  const found = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(inArray(assets.id, [...assetIds]), eq(assets.creatorId, creatorId)));
  const theirs = new Set(found.map((a) => a.id));
  const unknown = assetIds.filter((id) => !theirs.has(id));
  if (unknown.length) throw unprocessable('unknown_asset', 'Some of the content named is not yours or does not exist', { assetIds: unknown });
}

async function withDetails(db: Db, rows: TakedownRequest[]): Promise<TakedownItem[]> {
  if (rows.length === 0) return [];
  const creatorIds = [...new Set(rows.map((r) => r.creatorId))];
  const assetIds = [...new Set(rows.flatMap((r) => r.assetIds))];
  const [whose, titles] = await Promise.all([
    db.select({ id: creators.id, handle: creators.handle, platform: creators.platform }).from(creators).where(inArray(creators.id, creatorIds)),
    assetIds.length ? db.select({ id: assets.id, title: assets.title }).from(assets).where(inArray(assets.id, assetIds)) : Promise.resolve([]),
  ]);
  const creatorOf = new Map(whose.map((c) => [c.id, c]));
  const titleOf = new Map(titles.map((a) => [a.id, a.title]));
  return rows.map((row) => ({
    id: row.id,
    creatorId: row.creatorId,
    creatorHandle: creatorOf.get(row.creatorId)?.handle ?? '',
    platform: creatorOf.get(row.creatorId)?.platform ?? '',
    assetIds: row.assetIds,
    assets: row.assetIds.map((id) => ({ id, title: titleOf.get(id) ?? null })),
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedNote: row.resolvedNote,
  }));
}

const auditable = (row: TakedownRequest) => ({
  creatorId: row.creatorId,
  assetIds: row.assetIds,
  reason: row.reason,
  status: row.status,
  resolvedNote: row.resolvedNote,
});
