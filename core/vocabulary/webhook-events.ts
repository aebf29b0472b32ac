/**
 * The events a webhook may subscribe to. `asset.ready` and `asset.failed` are sent once per
 * asset when its processing ends (core/assets/asset-outcome.ts), with `{ assetId, kind, status,
 * error? (failed only), creatorId, at }`. `rights_request.accepted` and `.declined` are sent when a
 * creator answers, with `{ requestId, creatorId, status, licenseId (accepted only), method, at }`;
 * `rights_request.expiring` once, two days before an unanswered request's link expires, with
 * `{ requestId, creatorId, expiresAt }`. `takedown.requested` when a creator asks from their page
 * that content stop being used, with `{ takedownId, creatorId, assetIds (empty: all), at }`.
 */
export const WEBHOOK_EVENTS = [
  'license.expiring',
  'license.expired',
  'asset.ready',
  'asset.failed',
  'faq.published',
  'rights_request.accepted',
  'rights_request.declined',
  'rights_request.expiring',
  'takedown.requested',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
