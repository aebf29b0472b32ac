/** The events a webhook may subscribe to. */
export const WEBHOOK_EVENTS = ['license.expiring', 'license.expired', 'asset.ready', 'faq.published'] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
