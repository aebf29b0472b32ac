import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { WebhookEvent } from '../../vocabulary/webhook-events';
import { createdAt, id, timestamptz } from './columns';

/** A subscriber: deliveries of its `events` are signed with `secret` (X-Signature HMAC). */
export const webhooks = pgTable('webhooks', {
  id: id(),
  url: text('url').notNull(),
  events: text('events').array().$type<WebhookEvent[]>().notNull(),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivered', 'failed']);

/**
 * One event to deliver to one webhook, recorded before its job is queued (in the same
 * transaction as whatever caused the event), so a delivery is never lost between the database
 * and Redis: the expiry sweep re-queues deliveries still pending. Attempts are logged apart.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    /** Attempts made so far. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    /** When it was delivered or given up on. */
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [index('webhook_deliveries_webhook_id_idx').on(t.webhookId, t.createdAt), index('webhook_deliveries_status_idx').on(t.status)],
);

/** One attempt to deliver: what the receiver answered (or why nothing came back) and how long it took. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: id(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    /** 1 for the first try. */
    attempt: integer('attempt').notNull(),
    /** Null when no response came (refused, timed out). */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    delivered: boolean('delivered').notNull(),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('webhook_delivery_attempts_delivery_id_idx').on(t.deliveryId, t.attempt)],
);

export type Webhook = typeof webhooks.$inferSelect;
export type NewWebhook = typeof webhooks.$inferInsert;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatus.enumValues)[number];
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert;
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect;
