/**
 * BullMQ job ids derived from what a job works on, shared by whoever queues that work (the API
 * at once, the queue reconciler later), so queueing it twice while a job is known is a no-op.
 */
export const probeJobId = (assetId: string): string => `probe-${assetId}`;

/** A webhook delivery's job is the delivery itself (core/webhooks/webhook-outbox.ts). */
export const deliveryJobId = (deliveryId: string): string => deliveryId;
