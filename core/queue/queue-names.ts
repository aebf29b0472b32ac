/**
 * Every BullMQ queue and the payload its jobs carry, in one place, so that the API
 * (producer) and the worker (consumer) agree by type. Later features add their queues here.
 */
export interface JobPayloads {
  /** Diagnostics: a round trip through Redis and a worker, used by the launcher and admins. */
  system: { type: 'ping'; sentAt: string };
  /** Media processing of uploaded originals. */
  media: { type: 'probe'; assetId: string };
  /** License expiry sweeps (repeatable) and webhook deliveries. */
  licenses: { type: 'expiry-sweep' } | { type: 'deliver-webhook'; deliveryId: string };
}

export type QueueName = keyof JobPayloads;

export const QUEUE_NAMES: readonly QueueName[] = ['system', 'media', 'licenses'];

export const isQueueName = (name: string): name is QueueName => (QUEUE_NAMES as readonly string[]).includes(name);
