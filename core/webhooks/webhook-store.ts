import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { webhookDeliveries, webhookDeliveryAttempts, webhooks, type Db, type Webhook, type WebhookDeliveryStatus } from '../db';
import { notFound } from '../errors/domain-error';
import { micros, olderThan, toPage } from '../paging/newest-first';
import type { Page } from '../contract/page';
import type { PageCursor } from '../paging/page-cursor';
import type { WebhookEvent } from '../vocabulary/webhook-events';

/** A webhook as clients see it: never its secret. */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  payload: unknown;
  createdAt: string;
  finishedAt: string | null;
  /** Every attempt, first first. */
  attempts: Array<{ attempt: number; statusCode: number | null; error: string | null; durationMs: number; delivered: boolean; at: string }>;
}

export async function createWebhook(db: Db, input: { url: string; events: WebhookEvent[]; secret: string }): Promise<WebhookView> {
  const [row] = await db
    .insert(webhooks)
    .values({ url: input.url, events: [...new Set(input.events)], secret: input.secret })
    .returning();
  return toView(row!);
}

export async function listWebhooks(db: Db): Promise<WebhookView[]> {
  const rows = await db.select().from(webhooks).where(eq(webhooks.active, true)).orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  return rows.map(toView);
}

/** Deletes a webhook with its deliveries; jobs still queued for them find nothing and stop. */
export async function deleteWebhook(db: Db, id: string): Promise<void> {
  const deleted = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  if (deleted.length === 0) throw notFound('webhook', id);
}

/** A webhook's deliveries, newest first, each with every attempt made. */
export async function listDeliveries(db: Db, webhookId: string, limit: number, after?: PageCursor): Promise<Page<DeliveryView>> {
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!hook) throw notFound('webhook', webhookId);
  const deliveries = await db
    .select({ delivery: webhookDeliveries, createdAtUs: micros(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), after ? olderThan(webhookDeliveries.createdAt, webhookDeliveries.id, after) : undefined))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const ids = deliveries.map((d) => d.delivery.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(webhookDeliveryAttempts)
        .where(inArray(webhookDeliveryAttempts.deliveryId, ids))
        .orderBy(asc(webhookDeliveryAttempts.attempt), asc(webhookDeliveryAttempts.at))
    : [];
  return toPage(
    deliveries,
    limit,
    (d) => ({ createdAtUs: d.createdAtUs, id: d.delivery.id }),
    ({ delivery }) => ({
      id: delivery.id,
      event: delivery.event,
      status: delivery.status,
      payload: delivery.payload,
      createdAt: delivery.createdAt.toISOString(),
      finishedAt: delivery.finishedAt?.toISOString() ?? null,
      attempts: attempts
        .filter((a) => a.deliveryId === delivery.id)
        .map((a) => ({
          attempt: a.attempt,
          statusCode: a.statusCode,
          error: a.error,
          durationMs: a.durationMs,
          delivered: a.delivered,
          at: a.at.toISOString(),
        })),
    }),
  );
}

const toView = (row: Webhook): WebhookView => ({ id: row.id, url: row.url, events: row.events, createdAt: row.createdAt.toISOString() });
