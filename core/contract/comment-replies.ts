import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';

const Scores = z.record(z.string(), z.number());

/** What the models said about a comment, and which models said it. */
export const ModelLabels = z.object({
  lang: z.string().nullable(),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable(),
  sentimentScores: Scores.nullable(),
  isQuestion: z.boolean().nullable(),
  questionScore: z.number().nullable(),
  topic: z.enum(COMMENT_TOPICS).nullable(),
  topicScores: Scores.nullable(),
  spam: z.boolean().nullable(),
  spamScore: z.number().nullable(),
  substantive: z.boolean().nullable(),
  substantiveScore: z.number().nullable(),
  modelVersion: z.string(),
  classifiedAt: z.string(),
});

export const CommentView = z.object({
  id: z.uuid(),
  platform: z.string(),
  externalId: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  permalink: z.string().nullable().describe('The comment on its platform, when the import gave it'),
  postedAt: z.string().nullable(),
  importedAt: z.string(),
  assetId: z.uuid().nullable(),
  productSku: z.string().nullable(),
  faqEntryId: z.uuid().nullable(),
  lang: z.string().nullable(),
  topic: z.enum(COMMENT_TOPICS).nullable().describe('Effective: the latest correction, else the model'),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable(),
  isQuestion: z.boolean().nullable(),
  spam: z.boolean().nullable(),
  labels: ModelLabels.nullable().describe("The model's output; null until classified"),
  correction: z.record(z.string(), z.unknown()).nullable().describe('The labels people set (latest of each); null when none'),
});
