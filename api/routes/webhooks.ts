import { z } from 'zod';
import { webhookDeliveryStatus } from '../../core/db/schema';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { WEBHOOK_EVENTS } from '../../core/vocabulary/webhook-events';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../core/webhooks/webhook-store';
import { checkWebhookUrl } from '../../core/webhooks/webhook-target';
import { defineRoute } from '../http/route';
import { idParams, pageQuery } from '../http/request-schemas';
import { pageOf } from '../../core/contract/page';

const WebhookView = z.object({ id: z.uuid(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), createdAt: z.string() });
const DeliveryView = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(webhookDeliveryStatus.enumValues),
  payload: z.unknown(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  attempts: z.array(
    z.object({
      attempt: z.number(),
      statusCode: z.number().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
      delivered: z.boolean(),
      at: z.string(),
    }),
  ),
});

const create = defineRoute({
  method: 'post',
  path: '/api/v1/webhooks',
  summary: 'Subscribe a URL to events; deliveries carry X-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>',
  tag: 'webhooks',
  access: ['admin'],
  body: z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
    secret: z.string().min(16).max(200),
  }),
  responses: {
    201: { description: 'Created (the secret is never shown again)', schema: WebhookView },
    422: {
      description:
        'invalid_url, invalid_events, invalid_secret; webhook_url_not_allowed (credentials in the URL, or a loopback, private or link-local target whose host is not in WEBHOOK_ALLOWED_HOSTS)',
    },
  },
  handle: async ({ body, services }) => {
    await checkWebhookUrl(body.url, services.config.webhookAllowedHosts);
    return { status: 201, body: await createWebhook(services.database.db, body) };
  },
});

const list = defineRoute({
  method: 'get',
  path: '/api/v1/webhooks',
  summary: 'Webhooks (never their secrets)',
  tag: 'webhooks',
  access: ['admin'],
  responses: { 200: { description: 'Webhooks, newest first', schema: z.object({ items: z.array(WebhookView) }) } },
  handle: async ({ services }) => ({ body: { items: await listWebhooks(services.database.db) } }),
});

const remove = defineRoute({
  method: 'delete',
  path: '/api/v1/webhooks/:id',
  summary: 'Delete a webhook, its deliveries and their pending retries',
  tag: 'webhooks',
  access: ['admin'],
  params: idParams,
  responses: { 204: { description: 'Deleted' }, 404: { description: 'webhook_not_found' } },
  handle: async ({ params, services }) => {
    await deleteWebhook(services.database.db, params.id);
    return { status: 204 };
  },
});

const deliveries = defineRoute({
  method: 'get',
  path: '/api/v1/webhooks/:id/deliveries',
  summary: "A webhook's deliveries, newest first, each with every attempt (status code, error, duration)",
  tag: 'webhooks',
  access: ['admin'],
  params: idParams,
  query: z.object(pageQuery({ max: 500, default: 100 }, 'opaque')),
  responses: {
    200: { description: 'Deliveries', schema: pageOf(DeliveryView) },
    404: { description: 'webhook_not_found' },
  },
  handle: async ({ params, query, services }) => ({
    body: await listDeliveries(services.database.db, params.id, query.limit, query.cursor ? decodePageCursor(query.cursor) : undefined),
  }),
});

export const webhookRoutes = [create, list, remove, deliveries];
