import { z } from 'zod';
import { DomainError } from '../../core/errors/domain-error';
import { cancelRefusal, mayRead } from '../../core/queue/job-access';
import { jobNotFound } from '../../core/queue/job-queues';
import { pingWorker } from '../../core/queue/ping-worker';
import { JobView } from '../../core/contract/job-replies';
import { defineRoute } from '../http/route';
import { EXAMPLE_JOB_ID } from '../../core/contract/example-ids';
import { jobExample } from '../../core/contract/reply-examples';

/** Job ids are `<queue>.<number>`, as the calls that queue work return them. */
const jobParams = z.object({
  id: z.string().min(1).max(200).meta({ description: 'The job’s id, as the call that queued it returned it (`jobId`)', example: EXAMPLE_JOB_ID }),
});

const getJob = defineRoute({
  method: 'get',
  path: '/api/v1/jobs/:id',
  summary: 'State and progress of a background job',
  tag: 'jobs',
  access: 'authenticated',
  params: jobParams,
  responses: {
    200: {
      description: 'The job. A classification flow whose batches are queued or running is `active`, its progress the share of batches done',
      schema: JobView,
      example: jobExample,
    },
    404: { description: 'job_not_found: no such job (or expired from retention); expiry sweeps, webhook deliveries and pings are shown to admins only' },
    503: { description: 'queue_unavailable: Redis cannot be reached' },
  },
  handle: async ({ params, caller, services }) => {
    const found = await services.queues.findWithData(params.id);
    if (!found || !mayRead(caller!, found.view)) throw jobNotFound(params.id);
    return { body: found.view };
  },
});

const cancelJob = defineRoute({
  method: 'delete',
  path: '/api/v1/jobs/:id',
  summary:
    'Cancel a background job: removed when not started yet; a running one (ad cuts stop their ffmpeg) ends failed. ' +
    'performance keys cancel the ad cuts they asked for; content managers any ad cuts, imports’ classification and retraining; system work (probes, sweeps, webhook deliveries) is not cancellable',
  tag: 'jobs',
  // Those who start long jobs (cuts, imports, retraining); viewers only watch.
  access: ['content_manager', 'performance'],
  params: jobParams,
  responses: {
    200: {
      description: 'Cancelled before it started: the job is gone',
      schema: z.object({ id: z.string().describe('The job’s id'), state: z.literal('cancelled').describe('It was removed before it ran') }),
      example: { id: 'media.1301', state: 'cancelled' },
    },
    202: {
      description: 'Running: its worker was asked to stop; GET /api/v1/jobs/:id shows it failed once it has',
      schema: z.object({ id: z.string().describe('The job’s id'), state: z.literal('cancelling').describe('Its worker was asked to stop') }),
      example: { id: 'media.1301', state: 'cancelling' },
    },
    403: { description: 'job_not_cancellable: system work, or ad cuts another performance key asked for (details.reason)' },
    404: { description: 'job_not_found' },
    409: { description: 'job_finished: it has already completed or failed (details.state)' },
    503: { description: 'queue_unavailable: Redis cannot be reached' },
  },
  handle: async ({ params, caller, services }) => {
    const found = await services.queues.findWithData(params.id);
    if (!found || !mayRead(caller!, found.view)) throw jobNotFound(params.id);
    const refusal = cancelRefusal(caller!, { queue: found.view.queue, name: found.view.name, data: found.data });
    if (refusal) throw new DomainError('forbidden', 'job_not_cancellable', `Job ${params.id} cannot be cancelled by this key: ${refusal}`, { reason: refusal });
    const outcome = await services.queues.cancel(params.id);
    if (!outcome) throw jobNotFound(params.id);
    return outcome === 'cancelled' ? { body: { id: params.id, state: outcome } } : { status: 202, body: { id: params.id, state: outcome } };
  },
});

const ping = defineRoute({
  method: 'post',
  path: '/api/v1/jobs/ping',
  summary: 'Round trip through the queue and a worker: proves background processing works',
  tag: 'jobs',
  access: ['admin'],
  responses: {
    200: {
      description: 'A worker answered',
      schema: z.object({
        ms: z.number().describe('The round trip, in milliseconds'),
        worker: z.string().describe('Which worker process answered: host:pid'),
      }),
      example: { ms: 38, worker: 'worker-7d9f4c:17' },
    },
    503: { description: 'worker_unavailable: no worker answered in time; queue_unavailable: Redis cannot be reached' },
  },
  handle: async ({ services }) => ({ body: await pingWorker(services.queues, 10_000) }),
});

export const jobRoutes = [getJob, cancelJob, ping];
