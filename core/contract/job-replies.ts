import { z } from 'zod';
import { instant } from './fields';

/** A background job as GET /api/v1/jobs/:id shows it. */
export const JobView = z.object({
  id: z.string().describe('The job’s id'),
  queue: z.string().describe('The queue it runs on: media, nlp, licenses or system'),
  name: z.string().describe('What it does: probe, cuts, classify-import, retrain, ping…'),
  state: z.enum(['waiting', 'active', 'completed', 'failed']).describe('waiting: queued; active: running; completed; failed: see `error`'),
  progress: z.number().min(0).max(100).describe('Percent done, 0 to 100'),
  stage: z
    .string()
    .optional()
    .describe('What a running job is doing, where it says (retrain: corrections, corpora, features, training, saving, evaluation, reclassifying)'),
  stageDetail: z.string().optional().describe('The corpus, head or count the stage is at'),
  attempts: z.number().describe('Attempts made so far (failed jobs are retried a few times)'),
  result: z
    .unknown()
    .optional()
    .describe(
      'What a completed job returned, by its name: cuts → { cuts: [{ cutId, aspect, durationS, startS, fit, disclosure, width, height }], licenseId }; ' +
        'probe → { width, height, durationS, frameRate, videoCodec, audioCodec, hasAudio }; classify-import → { comments, batches, classified, questions, spam, ' +
        'faqJoined, faqEntriesCreated, rightsGranted, modelVersions }; retrain → { version, modelVersion, previousModelVersion, corrections, trainSeconds, figures: { before, after } | null (each { modelVersion, comments, questionF1, topicMacroF1, sentimentMacroF1, spamF1, substantiveF1 }), reclassified: { comments, changed, changedByLabel, faqJoined, faqEntriesCreated } | null }; ping → { worker, at }',
    ),
  error: z.string().optional().describe('Why it failed, when state is failed'),
  createdAt: instant('When it was queued'),
  finishedAt: instant('When it completed or failed').optional(),
});
