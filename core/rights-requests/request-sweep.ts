import { and, eq, isNull, lte } from 'drizzle-orm';
import { rightsRequests, type Db, type RightsRequest } from '../db';
import type { Services } from '../runtime/services';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';
import { changeRequest, lockRequest, type StoredRequest } from './rights-request-store';

/** How long before an unanswered request's link expires the brand is reminded (`rights_request.expiring`). */
export const REMINDER_BEFORE_MS = 2 * 24 * 60 * 60 * 1000;

export interface RequestSweepResult {
  reminded: string[];
  expired: string[];
}

/**
 * Runs with the license expiry sweep: reminds once about each pending request close to its
 * expiry, and marks the ones past it expired (reads already treat them as expired; this makes
 * the stored status and the audit log say so). Each request is taken under its row lock and
 * checked again, so concurrent sweeps neither remind twice nor expire an answered request.
 */
export async function sweepRightsRequests(services: Services, now = new Date()): Promise<RequestSweepResult> {
  const { db } = services.database;
  const due = await db
    .select({ id: rightsRequests.id })
    .from(rightsRequests)
    .where(and(eq(rightsRequests.status, 'pending'), lte(rightsRequests.expiresAt, new Date(now.getTime() + REMINDER_BEFORE_MS))));
  const result: RequestSweepResult = { reminded: [], expired: [] };
  for (const { id } of due) {
    const outcome = await db.transaction(async (tx) => {
      const locked = await lockRequest(tx, id);
      if (locked.row.status !== 'pending') return null;
      return locked.row.expiresAt.getTime() <= now.getTime() ? expire(tx, locked) : remind(tx, locked.row, now);
    });
    if (!outcome) continue;
    await queueDeliveries(services, outcome.deliveries);
    result[outcome.kind].push(id);
  }
  return result;
}

async function expire(tx: Db, locked: StoredRequest) {
  await changeRequest(tx, null, locked, 'rights_request.expire', { status: 'expired' });
  return { kind: 'expired' as const, deliveries: [] as string[] };
}

async function remind(tx: Db, row: RightsRequest, now: Date) {
  const [taken] = await tx
    .update(rightsRequests)
    .set({ remindedAt: now })
    .where(and(eq(rightsRequests.id, row.id), isNull(rightsRequests.remindedAt)))
    .returning();
  if (!taken) return null;
  const deliveries = await recordDeliveries(tx, 'rights_request.expiring', {
    requestId: row.id,
    creatorId: row.creatorId,
    expiresAt: row.expiresAt.toISOString(),
  });
  return { kind: 'reminded' as const, deliveries };
}
