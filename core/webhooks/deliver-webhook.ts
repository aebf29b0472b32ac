import http from 'node:http';
import https from 'node:https';
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookDeliveryAttempts, webhooks } from '../db';
import type { Services } from '../runtime/services';
import { signWebhookBody } from './webhook-signature';
import { deliveryRefusal, hostOf, publicOnlyLookup } from './webhook-target';

/** A receiver that has not answered within this is counted as down for the attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/** Thrown after a failed attempt, so that BullMQ schedules the next one with backoff. */
export class WebhookAttemptError extends Error {
  override name = 'WebhookAttemptError';
}

/**
 * Makes attempt number `jobAttempt` (of `maxAttempts`; later when the delivery row has counted
 * more) to deliver one delivery: POSTs the signed JSON, logs the attempt, and moves the delivery
 * to `delivered`, or to `failed` after the last attempt. Throws WebhookAttemptError when another attempt should follow. A delivery that is
 * gone (its webhook deleted) or already finished is skipped, so a repeated job is harmless.
 */
export async function deliverWebhook(services: Services, deliveryId: string, jobAttempt: number, maxAttempts: number): Promise<AttemptOutcome> {
  const { db } = services.database;
  const [row] = await db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== 'pending') return 'skipped';
  // The row counts the attempts already made: a delivery queued again after Redis lost its job
  // goes on from there instead of starting over at 1 with a fresh budget.
  const attempt = Math.max(jobAttempt, row.delivery.attempts + 1);

  const sentAt = new Date();
  // The time is inside the signed body, so a receiver can refuse old replays; the header repeats it.
  const body = JSON.stringify({ id: deliveryId, event: row.delivery.event, createdAt: row.delivery.createdAt, sentAt, attempt, data: row.delivery.payload });
  const result = await post(row.url, services.config.webhookAllowedHosts, body, {
    'Content-Type': 'application/json',
    'User-Agent': 'ugc-rights-library-webhooks',
    'X-Webhook-Event': row.delivery.event,
    'X-Webhook-Delivery': deliveryId,
    'X-Webhook-Timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'X-Webhook-Attempt': String(attempt),
    'X-Signature': signWebhookBody(row.secret, body),
  });
  const outcome: AttemptOutcome = result.delivered ? 'delivered' : attempt >= maxAttempts ? 'failed' : 'retry';
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({ deliveryId, attempt, ...result, at: sentAt });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        status: outcome === 'retry' ? 'pending' : outcome,
        finishedAt: outcome === 'retry' ? null : new Date(),
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
  // Attempts are routine (each is recorded in its delivery's history); only a delivery given up on matters in a log.
  services.logger[outcome === 'failed' ? 'warn' : 'debug'](
    { deliveryId, event: row.delivery.event, attempt, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, outcome },
    'webhook attempt',
  );
  if (!result.delivered) throw new WebhookAttemptError(`webhook attempt ${attempt}/${maxAttempts}: ${result.error}`);
  return outcome;
}

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  delivered: boolean;
}

/**
 * One POST: any 2xx delivers; other statuses, redirects (never followed: the body is signed for
 * this URL, and a redirect could point anywhere), errors and timeouts do not. Made with
 * http.request rather than fetch for its `lookup` option: the connection goes to an address
 * checked to be public (core/webhooks/webhook-target.ts) unless the host is allowed.
 */
function post(url: string, allowedHosts: readonly string[], body: string, headers: Record<string, string>): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (err: unknown): AttemptResult => ({ statusCode: null, error: describeFailure(err), durationMs: elapsed(), delivered: false });
  const target = new URL(url);
  const refusal = deliveryRefusal(target, allowedHosts);
  if (refusal) return Promise.resolve(failed(refusal));
  const lookup = allowedHosts.includes(hostOf(target)) ? undefined : publicOnlyLookup;
  return new Promise((resolve) => {
    const client = target.protocol === 'https:' ? https : http;
    // A connection of its own (agent: false): a pooled one may have been opened for an allowed host.
    const req = client.request(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent: false, lookup });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), WEBHOOK_TIMEOUT_MS);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.destroy(); // the answer's body is not needed
      const status = res.statusCode ?? 0;
      const delivered = status >= 200 && status < 300;
      resolve({ statusCode: status, error: delivered ? null : `HTTP ${status}`, durationMs: elapsed(), delivered });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      resolve(failed(err));
    });
    req.end(body);
  });
}

/**
 * The attempt's error as logged: the system error code where there is one (ECONNREFUSED).
 * Read by shape, not instanceof: errors from Node's internals may come from another realm (e.g. under jest).
 */
function describeFailure(err: unknown): string {
  const { name, message, code } = (err ?? {}) as { name?: string; message?: string; code?: string };
  if (name === 'TimeoutError') return `no answer within ${WEBHOOK_TIMEOUT_MS} ms`;
  if (name === 'WebhookTargetError') return message!;
  const text = message ?? String(err);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}
