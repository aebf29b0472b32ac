import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { FAQ_STATUSES } from '../vocabulary/faq-status';

export const FaqEntryView = z.object({
  id: z.uuid(),
  productSku: z.string(),
  topic: z.enum(COMMENT_TOPICS),
  lang: z.string().nullable().describe('pl, en or other: an entry holds questions of one language (null on entries made before that rule)'),
  question: z.string().describe('The canonical question: the most central example, until a content manager words it'),
  answer: z.string().nullable(),
  status: z.enum(FAQ_STATUSES),
  dismissed: z.boolean().describe('Out of the review queue: not worth an answer'),
  count: z.number().int().describe('Comments asking it'),
  examples: z.array(z.object({ commentId: z.uuid(), text: z.string() })).describe('Up to 5, the most representative first'),
  publishedAt: z.string().nullable(),
  dismissedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  trend: z
    .object({ thisWeek: z.number().int(), lastWeek: z.number().int() })
    .optional()
    .describe('Comments asked in the last 7 days and the 7 before (in lists)'),
});

export const FaqCommentView = z.object({
  id: z.uuid(),
  text: z.string(),
  author: z.string().nullable(),
  postedAt: z.string().nullable(),
  platform: z.string(),
  permalink: z.string().nullable(),
  lang: z.string().nullable(),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable(),
});
