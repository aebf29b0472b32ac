import type { Job } from 'bullmq';
import { refreshPlannerStatistics } from '../../core/db';
import type { JobPayloads } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';
import { deliverWebhook } from '../../core/webhooks/deliver-webhook';
import { sweepLicenseExpiry } from '../../core/webhooks/expiry-sweep';
import { sweepRightsRequests } from '../../core/rights-requests/request-sweep';
import { unknownJobType } from '../unknown-job-type';

/** The licenses queue: expiry sweeps of licenses and rights requests (repeatable) and webhook deliveries (retried with backoff). */
export async function processLicensesJob(job: Job<JobPayloads['licenses']>, services: Services) {
  const { type } = job.data;
  switch (type) {
    case 'expiry-sweep':
      // The sweep runs every few minutes anyway: a good moment to keep PGlite's statistics fresh.
      await refreshPlannerStatistics(services.database);
      return { ...(await sweepLicenseExpiry(services)), rightsRequests: await sweepRightsRequests(services) };
    case 'deliver-webhook':
      // attemptsMade counts the attempts that failed before this one.
      return deliverWebhook(services, job.data.deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
    default:
      return unknownJobType(job, type);
  }
}

export const EXPIRY_SWEEP_SCHEDULER_ID = 'license-expiry-sweep';

/**
 * Registers the repeatable expiry sweep, every LICENSE_SWEEP_INTERVAL_S. Upserting a scheduler
 * by a fixed id is idempotent: every worker process does it at start and there is still one
 * schedule, updated to the latest interval.
 */
export async function scheduleExpirySweep(services: Services): Promise<void> {
  await services.queues.schedule(
    'licenses',
    EXPIRY_SWEEP_SCHEDULER_ID,
    services.config.licenseSweepIntervalS * 1000,
    { type: 'expiry-sweep' },
    {
      attempts: 1,
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 100 },
    },
  );
}
