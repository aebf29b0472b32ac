import { z } from 'zod';

/** A background job as GET /api/v1/jobs/:id shows it. */
export const JobView = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  state: z.enum(['waiting', 'active', 'completed', 'failed']),
  progress: z.number().min(0).max(100),
  attempts: z.number(),
  result: z
    .unknown()
    .optional()
    .describe(
      'What a completed job returned, by its name: cuts → { cuts: [{ cutId, aspect, durationS, startS, fit, disclosure, width, height }], licenseId }; ' +
        'probe → { width, height, durationS, frameRate, videoCodec, audioCodec, hasAudio }; classify-import → { comments, batches, classified, questions, spam, ' +
        'faqJoined, faqEntriesCreated, rightsGranted, modelVersions }; retrain → { version, modelVersion, corrections, reclassifyJobId, trainSeconds }; ping → { worker, at }',
    ),
  error: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
