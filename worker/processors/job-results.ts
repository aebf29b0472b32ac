import type { MediaFacts } from '../../core/media/probe-media';
import type { JobType, QueueName } from '../../core/queue/queue-names';
import type { AttemptOutcome } from '../../core/webhooks/deliver-webhook';
import type { SweepResult } from '../../core/webhooks/expiry-sweep';
import type { RequestSweepResult } from '../../core/rights-requests/request-sweep';
import type { RetrainResult } from '../retrain/retrain-models';
import type { CutsResult } from './cuts';
import type { ClassifyResult, ImportClassification } from './nlp';
import type { PingReply } from './system';

/** Holds a results map to the queues and job types of JobPayloads: one missing or extra does not compile. */
type EveryJobType<T extends { [Q in QueueName]: { [K in JobType<Q>]: unknown } & Record<Exclude<keyof T[Q], JobType<Q>>, never> }> = T;

/**
 * What each kind of job returns: its BullMQ return value, which GET /api/v1/jobs/:id shows as
 * `result` (and a flow's parent reads from its children).
 */
export type JobResults = EveryJobType<{
  system: { ping: PingReply };
  media: { probe: MediaFacts; cuts: CutsResult };
  licenses: { 'expiry-sweep': SweepResult & { rightsRequests: RequestSweepResult }; 'deliver-webhook': AttemptOutcome };
  nlp: { classify: ClassifyResult; 'classify-import': ImportClassification; retrain: RetrainResult };
}>;

/** What a processor of queue `Q` may return. */
export type JobResult<Q extends QueueName> = JobResults[Q][keyof JobResults[Q]];
