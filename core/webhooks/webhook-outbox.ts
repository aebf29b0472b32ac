import { and, arrayContains, eq } from 'drizzle-orm';
import { webhookDeliveries, webhooks, type Db } from '../db';
import { isQueueUnavailable } from '../queue/queue-availability';
import type { Services } from '../runtime/services';
import type { WebhookEvent } from '../vocabulary/webhook-events';

/** Attempts per delivery: with exponential backoff from WEBHOOK_RETRY_BASE_MS (30 s), about two hours in all. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/**
 * Records one pending delivery of `event` for every active webhook subscribed to it. Pass the
 * transaction that makes the change the event announces, so both commit or neither does;
 * then queue the returned ids with `queueDeliveries` once it has committed.
 */
export async function recordDeliveries(tx: Db, event: WebhookEvent, payload: unknown): Promise<string[]> {
  const subscribers = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), arrayContains(webhooks.events, [event])));
  if (subscribers.length === 0) return [];
  const rows = await tx
    .insert(webhookDeliveries)
    .values(subscribers.map((w) => ({ webhookId: w.id, event, payload })))
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

/**
 * One `deliver-webhook` job per delivery, its job id the delivery id: queueing a delivery
 * again while its job exists is a no-op, so re-queueing (see requeuePendingDeliveries) is safe.
 */
export async function queueDeliveries(services: Services, deliveryIds: readonly string[]): Promise<void> {
  // The deliveries are committed: an unreachable queue must not fail the change they announce.
  // They stay pending, and the queue reconciler queues them once Redis is back.
  await queueEach(services, deliveryIds).catch((err: unknown) => {
    if (!isQueueUnavailable(err)) throw err;
    services.logger.warn({ deliveries: deliveryIds.length, err: err.message }, 'webhook deliveries recorded; queued once Redis is back');
  });
}

async function queueEach(services: Services, deliveryIds: readonly string[]): Promise<void> {
  await Promise.all(
    deliveryIds.map((deliveryId) =>
      services.queues.add(
        'licenses',
        { type: 'deliver-webhook', deliveryId },
        {
          jobId: deliveryId,
          attempts: WEBHOOK_MAX_ATTEMPTS,
          backoff: { type: 'exponential', delay: services.config.webhookRetryBaseMs },
        },
      ),
    ),
  );
}

/**
 * Tells every webhook subscribed to `event`. For others' features (asset.ready,
 * faq.published): records the deliveries in their own transaction, then queues them.
 * Returns the delivery ids.
 */
export async function emitEvent(services: Services, event: WebhookEvent, payload: unknown): Promise<string[]> {
  const ids = await services.database.db.transaction((tx) => recordDeliveries(tx, event, payload));
  await queueDeliveries(services, ids);
  return ids;
}

/**
 * Queues every delivery still pending. A process that stops between committing deliveries and
 * queueing them leaves them pending with no job; the expiry sweep calls this so they still go
 * out. Deliveries whose job exists (waiting, retrying) are untouched.
 */
export async function requeuePendingDeliveries(services: Services): Promise<number> {
  const pending = await pendingDeliveryIds(services.database.db);
  await queueDeliveries(services, pending);
  return pending.length;
}

/** Every delivery not yet delivered or given up on. */
export async function pendingDeliveryIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));
  return rows.map((r) => r.id);
}
