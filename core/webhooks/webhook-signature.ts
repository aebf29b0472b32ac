import { createHmac } from 'node:crypto';

/**
 * The `X-Signature` header of a delivery: `sha256=` and the hex HMAC-SHA256 of the exact bytes
 * sent, keyed with the webhook's secret. Receivers recompute it over the raw body they read.
 */
export const signWebhookBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
