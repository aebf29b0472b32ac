import { z } from 'zod';
import { webhookDeliveryStatus } from '../../core/db/schema';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { WEBHOOK_EVENTS } from '../../core/vocabulary/webhook-events';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../core/webhooks/webhook-store';
import { checkWebhookUrl } from '../../core/webhooks/webhook-target';
import { defineRoute } from '../http/route';
import { idParams, pageQuery } from '../http/request-schemas';
import { pageOf } from '../../core/contract/page';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageExample } from '../../core/contract/reply-examples';
import { instant } from '../../core/contract/fields';

const WebhookView = z.object({
  id: z.uuid().describe('The webhook’s id'),
  url: z.string().describe('Where deliveries are POSTed'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).describe('The events it receives'),
  createdAt: instant('When it was made'),
});
const webhookExample = {
  id: EXAMPLE_IDS.webhook,
  url: 'https://hooks.shop.example.com/ugc',
  events: ['license.expiring' as const, 'faq.published' as const],
  createdAt: '2026-11-03T08:05:00.000Z',
};

const DeliveryView = z.object({
  id: z.uuid().describe('The delivery’s id'),
  event: z.string().describe('The event delivered, e.g. license.expiring'),
  status: z.enum(webhookDeliveryStatus.enumValues).describe('pending: still being tried; delivered; failed: given up after the last retry'),
  payload: z.unknown().describe('The event’s data: what the signed body sent carries as `data` (next to id, event, createdAt, sentAt, attempt)'),
  createdAt: instant('When the event happened'),
  finishedAt: instant('When it was delivered or given up').nullable(),
  attempts: z
    .array(
      z.object({
        attempt: z.number().describe('1 for the first try, then each retry'),
        statusCode: z.number().nullable().describe('The HTTP status the target answered; null when it did not answer'),
        error: z.string().nullable().describe('What went wrong (timeout, refused connection, a non-2xx status); null when delivered'),
        durationMs: z.number().describe('How long the attempt took, in milliseconds'),
        delivered: z.boolean().describe('Whether the target answered 2xx'),
        at: instant('When it was tried'),
      }),
    )
    .describe('Every attempt, oldest first'),
});

const create = defineRoute({
  method: 'post',
  path: '/api/v1/webhooks',
  summary: 'Subscribe a URL to events; deliveries carry X-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>',
  tag: 'webhooks',
  access: ['admin'],
  body: z.object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe('Where to POST deliveries: an http or https URL, up to 2,000 characters, on a public address'),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).describe('The events to receive, at least one'),
    secret: z
      .string()
      .min(16)
      .max(200)
      .describe('16 to 200 characters, known to you and this API only: each delivery is signed with it (X-Signature: sha256=<hex HMAC-SHA256 of the body>)'),
  }),
  bodyExample: { url: 'https://hooks.shop.example.com/ugc', events: ['license.expiring', 'faq.published'], secret: 'w9Xr2LpQ7vTz4KcN8mHs3JdF' },
  responses: {
    201: { description: 'Created (the secret is never shown again)', schema: WebhookView, example: webhookExample },
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
  responses: {
    200: {
      description: 'Webhooks, newest first',
      schema: z.object({ items: z.array(WebhookView).describe('Every webhook') }),
      example: { items: [webhookExample] },
    },
  },
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
    200: {
      description: 'Deliveries',
      schema: pageOf(DeliveryView),
      example: pageExample({
        id: EXAMPLE_IDS.delivery,
        event: 'license.expiring',
        status: 'delivered' as const,
        payload: {
          notice: 'expiring_30',
          license: {
            id: EXAMPLE_IDS.license,
            endsAt: '2027-05-31T22:00:00.000Z',
            creatorId: null,
            assetIds: [EXAMPLE_IDS.asset],
            channels: ['paid_social'],
            territories: ['PL', 'DE'],
            excludedTerritories: [],
          },
          secondsLeft: 2649600,
          liveUsages: [],
        },
        createdAt: '2027-05-01T06:00:00.000Z',
        finishedAt: '2027-05-01T06:00:41.000Z',
        attempts: [
          { attempt: 1, statusCode: 503, error: 'HTTP 503', durationMs: 212, delivered: false, at: '2027-05-01T06:00:01.000Z' },
          { attempt: 2, statusCode: 200, error: null, durationMs: 148, delivered: true, at: '2027-05-01T06:00:41.000Z' },
        ],
      }),
    },
    404: { description: 'webhook_not_found' },
  },
  handle: async ({ params, query, services }) => ({
    body: await listDeliveries(services.database.db, params.id, query.limit, query.cursor ? decodePageCursor(query.cursor) : undefined),
  }),
});

export const webhookRoutes = [create, list, remove, deliveries];
