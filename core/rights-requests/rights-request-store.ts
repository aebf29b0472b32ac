import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { Page } from '../contract/page';
import { assets, creators, licenseAssets, licenses, rightsRequestAssets, rightsRequests, type Db, type RightsRequest } from '../db';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';
import { afterCursor, toIdPage } from '../paging/id-cursor';
import type { RightsRequestStatus } from '../vocabulary/rights-request-status';
import { newLinkNonce } from './request-link';
import { DEFAULT_REQUEST_DAYS, type NewRightsRequest } from './request-input';
import { defaultReplyHashtag } from './reply-hashtag';

/** The audit log's entity type for rights requests. */
export const RIGHTS_REQUEST_ENTITY = 'rights_request';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A stored request with the assets it names (none: all of the creator's content) and whom it asks. */
export interface StoredRequest {
  row: RightsRequest;
  assetIds: string[];
  creatorHandle: string;
}

/** Where a request stands now: a pending one whose link has run out is expired, whether or not a sweep has marked it. */
export const effectiveStatus = (row: RightsRequest, now: Date): RightsRequestStatus =>
  row.status === 'pending' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;

export async function createRightsRequest(db: Db, actorKeyId: string | null, input: NewRightsRequest, brandName: string): Promise<StoredRequest> {
  return db.transaction(async (tx) => {
    const assetIds = input.renewsLicenseId ? await renewedAssets(tx, input.creatorId, input.renewsLicenseId) : (input.assetIds ?? []);
    await assertCreatorsAssets(tx, input.creatorId, assetIds);
    const [row] = await tx
      .insert(rightsRequests)
      .values({
        creatorId: input.creatorId,
        terms: input.terms,
        message: input.message ?? null,
        language: input.language,
        replyHashtag: input.replyHashtag ?? defaultReplyHashtag(brandName, input.language),
        linkNonce: newLinkNonce(),
        expiresAt: input.expiresAt ?? new Date(Date.now() + DEFAULT_REQUEST_DAYS * DAY_MS),
        requestedBy: actorKeyId,
        renewsLicenseId: input.renewsLicenseId ?? null,
      })
      .returning();
    if (assetIds.length > 0) await tx.insert(rightsRequestAssets).values(assetIds.map((assetId) => ({ requestId: row!.id, assetId })));
    await recordAudit(tx, {
      actorKeyId,
      action: 'rights_request.create',
      entityType: RIGHTS_REQUEST_ENTITY,
      entityId: row!.id,
      before: null,
      after: auditable(row!, assetIds),
    });
    return (await withDetails(tx, [row!]))[0]!;
  });
}

export async function getRightsRequest(db: Db, id: string): Promise<StoredRequest> {
  const [row] = await db.select().from(rightsRequests).where(eq(rightsRequests.id, id));
  if (!row) throw notFound('rights_request', id);
  return (await withDetails(db, [row]))[0]!;
}

export interface RightsRequestFilter {
  status?: RightsRequestStatus;
  creatorId?: string;
  cursor?: string;
  limit: number;
}

/** Newest first. A status filter reads the stored status, so `pending` may list a request whose link has just run out (shown as expired). */
export async function listRightsRequests(db: Db, filter: RightsRequestFilter): Promise<Page<StoredRequest>> {
  const rows = await db
    .select()
    .from(rightsRequests)
    .where(
      and(
        filter.status ? eq(rightsRequests.status, filter.status) : undefined,
        filter.creatorId ? eq(rightsRequests.creatorId, filter.creatorId) : undefined,
        filter.cursor ? afterCursor(rightsRequests, rightsRequests.createdAt, rightsRequests.id, filter.cursor, 'desc') : undefined,
      ),
    )
    .orderBy(desc(rightsRequests.createdAt), desc(rightsRequests.id))
    .limit(filter.limit + 1);
  const page = toIdPage(rows, filter.limit);
  return { items: await withDetails(db, page.items), nextCursor: page.nextCursor };
}

/** Cancels a pending request: its link stops working at once. Cancelling again returns it unchanged. */
export async function cancelRightsRequest(db: Db, actorKeyId: string | null, id: string): Promise<StoredRequest> {
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    if (locked.row.status === 'cancelled') return locked;
    assertOpen(locked.row, 'cancelled');
    return changeRequest(tx, actorKeyId, locked, 'rights_request.cancel', { status: 'cancelled' });
  });
}

/**
 * Sends a pending request again: a new link (every earlier one stops working, e.g. one sent to
 * the wrong person), optionally a new expiry (within the same limit as on create), and the
 * expiry reminder armed again.
 */
export async function renewRequestLink(db: Db, actorKeyId: string | null, id: string, expiresAt: Date | null): Promise<StoredRequest> {
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    assertOpen(locked.row, 'sent');
    return changeRequest(tx, actorKeyId, locked, 'rights_request.resend', {
      linkNonce: newLinkNonce(),
      remindedAt: null,
      ...(expiresAt ? { expiresAt } : {}),
    });
  });
}

/** 409 `rights_request_closed` unless the request is still waiting for its answer. */
function assertOpen(row: RightsRequest, verb: string): void {
  const status = effectiveStatus(row, new Date());
  if (status !== 'pending') {
    throw new DomainError('conflict', 'rights_request_closed', `Rights request ${row.id} is ${status} and can no longer be ${verb}`, { status });
  }
}

/** Changes a locked request and records the change, before and after, in the caller's transaction. */
export async function changeRequest(
  tx: Db,
  actorKeyId: string | null,
  locked: StoredRequest,
  action: string,
  set: Partial<typeof rightsRequests.$inferInsert>,
): Promise<StoredRequest> {
  const { row, assetIds } = locked;
  const [updated] = await tx.update(rightsRequests).set(set).where(eq(rightsRequests.id, row.id)).returning();
  await recordAudit(tx, {
    actorKeyId,
    action,
    entityType: RIGHTS_REQUEST_ENTITY,
    entityId: row.id,
    before: auditable(row, assetIds),
    after: auditable(updated!, assetIds),
  });
  return { ...locked, row: updated! };
}

/** The request under a row lock, so two answers (or an answer and a cancel) happen one after the other. */
export async function lockRequest(tx: Db, id: string): Promise<StoredRequest> {
  const [row] = await tx.select().from(rightsRequests).where(eq(rightsRequests.id, id)).for('update');
  if (!row) throw notFound('rights_request', id);
  return (await withDetails(tx, [row]))[0]!;
}

/** The request as the audit log keeps it: everything but the link's nonce. */
export function auditable(row: RightsRequest, assetIds: readonly string[]): Record<string, unknown> {
  const { linkNonce: _secret, ...rest } = row;
  return { ...rest, assetIds };
}

/** The rows with the assets they name and their creators' handles, two queries for any number of rows. */
async function withDetails(db: Db, rows: readonly RightsRequest[]): Promise<StoredRequest[]> {
  if (rows.length === 0) return [];
  const [named, handles] = await Promise.all([
    db
      .select()
      .from(rightsRequestAssets)
      .where(
        inArray(
          rightsRequestAssets.requestId,
          rows.map((r) => r.id),
        ),
      ),
    db
      .select({ id: creators.id, handle: creators.handle })
      .from(creators)
      .where(inArray(creators.id, [...new Set(rows.map((r) => r.creatorId))])),
  ]);
  return rows.map((row) => ({
    row,
    assetIds: named
      .filter((n) => n.requestId === row.id)
      .map((n) => n.assetId)
      .sort(),
    creatorHandle: handles.find((h) => h.id === row.creatorId)?.handle ?? '',
  }));
}

/** The creator must exist, and every named asset must be theirs: a creator is never asked for someone else's content. */
async function assertCreatorsAssets(tx: Db, creatorId: string, assetIds: readonly string[]): Promise<void> {
  const [creator] = await tx.select({ id: creators.id }).from(creators).where(eq(creators.id, creatorId));
  if (!creator) throw unprocessable('unknown_creator', `No creator with id ${creatorId}`);
  if (assetIds.length === 0) return;
  const found = await tx
    .select({ id: assets.id, creatorId: assets.creatorId })
    .from(assets)
    .where(inArray(assets.id, [...assetIds]));
  const missing = assetIds.filter((id) => !found.some((a) => a.id === id));
  if (missing.length > 0) throw unprocessable('unknown_asset_ids', `No asset with id ${missing.join(', ')}`, { assetIds: missing });
  const others = found.filter((a) => a.creatorId !== creatorId).map((a) => a.id);
  if (others.length > 0) throw unprocessable('asset_not_of_creator', `Asset ${others.join(', ')} belongs to another creator`, { assetIds: others });
}

/** What a renewal asks for: the assets the license names (none when it covers the creator), after checking it is this creator's and still in effect. */
async function renewedAssets(tx: Db, creatorId: string, licenseId: string): Promise<string[]> {
  const [license] = await tx.select().from(licenses).where(eq(licenses.id, licenseId));
  if (!license) throw unprocessable('unknown_license', `No license with id ${licenseId}`);
  if (license.status === 'revoked') throw new DomainError('conflict', 'license_revoked', `License ${licenseId} is revoked: ask for a new license instead`);
  const named = await tx
    .select({ assetId: licenseAssets.assetId, creatorId: assets.creatorId })
    .from(licenseAssets)
    .innerJoin(assets, eq(assets.id, licenseAssets.assetId))
    .where(eq(licenseAssets.licenseId, licenseId));
  const theirs = license.creatorId === creatorId || (named.length > 0 && named.every((a) => a.creatorId === creatorId));
  if (!theirs) throw unprocessable('license_not_of_creator', `License ${licenseId} does not cover this creator's content`);
  return named.map((a) => a.assetId).sort();
}
