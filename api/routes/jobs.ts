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

export const jobRoutes = [getJob, ping];
