import { z } from 'zod';
import { jobNotFound } from '../../core/queue/job-queues';
import { pingWorker } from '../../core/queue/ping-worker';
import { defineRoute } from '../http/route';

const JobView = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  state: z.enum(['waiting', 'active', 'completed', 'failed']),
  progress: z.number().min(0).max(100),
  attempts: z.number(),
  result: z.unknown().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});

const getJob = defineRoute({
  method: 'get',
  path: '/api/v1/jobs/:id',
  summary: 'State and progress of a background job',
  tag: 'jobs',
  access: 'authenticated',
  params: z.object({ id: z.string().min(1).max(200) }),
  responses: { 200: { description: 'The job', schema: JobView }, 404: { description: 'No such job (or expired from retention)' } },
  handle: async ({ params, services }) => {
    const job = await services.queues.find(params.id);
    if (!job) throw jobNotFound(params.id);
    return { body: job };
  },
});

const cancelJob = defineRoute({
  method: 'delete',
  path: '/api/v1/jobs/:id',
  summary: 'Cancel a background job: removed when not started yet; a running one (ad cuts stop their ffmpeg) ends failed',
  tag: 'jobs',
  // Those who start long jobs (cuts, imports, retraining); viewers only watch.
  access: ['content_manager', 'performance'],
  params: z.object({ id: z.string().min(1).max(200) }),
  responses: {
    200: { description: 'Cancelled before it started: the job is gone', schema: z.object({ id: z.string(), state: z.literal('cancelled') }) },
    202: { description: 'Running: its worker was asked to stop; GET /api/v1/jobs/:id shows it failed once it has', schema: z.object({ id: z.string(), state: z.literal('cancelling') }) },
    404: { description: 'job_not_found' },
    409: { description: 'job_finished: it has already completed or failed (details.state)' },
  },
  handle: async ({ params, services }) => {
    const outcome = await services.queues.cancel(params.id);
    if (!outcome) throw jobNotFound(params.id);
    return { status: outcome === 'cancelled' ? 200 : 202, body: { id: params.id, state: outcome } };
  },
});

const ping = defineRoute({
  method: 'post',
  path: '/api/v1/jobs/ping',
  summary: 'Round trip through the queue and a worker: proves background processing works',
  tag: 'jobs',
  access: ['admin'],
  responses: {
    200: { description: 'A worker answered', schema: z.object({ ms: z.number(), worker: z.string() }) },
    503: { description: 'No worker answered in time' },
  },
  handle: async ({ services }) => ({ body: await pingWorker(services.queues, 10_000) }),
});

export const jobRoutes = [getJob, cancelJob, ping];
