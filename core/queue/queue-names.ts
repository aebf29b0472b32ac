import type { CutRequest } from '../vocabulary/ad-cut-request';

/**
 * Every BullMQ queue and the payload its jobs carry, in one place, so that the API
 * (producer) and the worker (consumer) agree by type. Later features add their queues here.
 */
export interface JobPayloads {
  /** Diagnostics: a round trip through Redis and a worker, used by the launcher and admins. */
  system: { type: 'ping'; sentAt: string };
  /** Media processing of uploaded originals. */
  media:
    | { type: 'probe'; assetId: string }
    /** Ad cuts of a video: disclosure labels already resolved by the API from the license it checked. */
    | {
        type: 'cuts';
        assetId: string;
        licenseId: string;
        defaultDisclosure: string | null;
        cuts: CutRequest[];
        /** The API key that asked, for the audit log; absent when the system queued it. */
        requestedBy?: string | null;
      };
  /** License expiry sweeps (repeatable) and webhook deliveries. */
  licenses: { type: 'expiry-sweep' } | { type: 'deliver-webhook'; deliveryId: string };
  /**
   * Comment mining: an import's classification is a flow, a `classify-import` parent (the job
   * id clients follow) over `classify` batches; `retrain` folds people's corrections into new models.
   */
  nlp:
    | { type: 'classify-import'; comments: number }
    | { type: 'classify'; commentIds: string[] }
    | { type: 'retrain'; reclassify?: boolean; rowsPerCorpus?: number };
}

export type QueueName = keyof JobPayloads;

/** The kinds of job one queue carries (its payloads' `type`). */
export type JobType<Q extends QueueName> = JobPayloads[Q]['type'];

/** Every queue once, as a record over QueueName: a queue added to JobPayloads and left out here does not compile. */
const QUEUES: Record<QueueName, true> = { system: true, media: true, licenses: true, nlp: true };

export const QUEUE_NAMES = Object.keys(QUEUES) as readonly QueueName[];

export const isQueueName = (name: string): name is QueueName => (QUEUE_NAMES as readonly string[]).includes(name);
