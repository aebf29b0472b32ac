import { z } from 'zod';

/** A background job as GET /api/v1/jobs/:id shows it. */
export const JobView = z.object({
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
