/**
 * The events a webhook may subscribe to. `asset.ready` and `asset.failed` are sent once per
 * asset when its processing ends (core/assets/asset-outcome.ts), with `{ assetId, kind, status,
 * error? (failed only), creatorId, at }`.
 */
export const WEBHOOK_EVENTS = ['license.expiring', 'license.expired', 'asset.ready', 'asset.failed', 'faq.published'] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
