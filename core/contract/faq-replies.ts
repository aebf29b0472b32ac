import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { FAQ_STATUSES } from '../vocabulary/faq-status';
import { instant } from './fields';

export const FaqEntryView = z.object({
  id: z.uuid().describe('The entry’s id'),
  productSku: z.string().describe('The product the question is about'),
  topic: z.enum(COMMENT_TOPICS).describe('The topic its comments share'),
  lang: z.string().nullable().describe('pl, en or other: an entry holds questions of one language (null on entries made before that rule)'),
  question: z.string().describe('The canonical question: the most central example, until a content manager words it'),
  answer: z.string().nullable().describe('The brand’s answer; null until written'),
  status: z.enum(FAQ_STATUSES).describe('Review status: draft, approved, or published (shown in the public gallery)'),
  dismissed: z.boolean().describe('Out of the review queue: not worth an answer'),
  count: z.number().int().describe('Comments asking it'),
  examples: z
    .array(z.object({ commentId: z.uuid().describe('The comment’s id'), text: z.string().describe('The comment as written') }))
    .describe('Up to 5, the most representative first'),
  publishedAt: instant('When it was last published').nullable(),
  dismissedAt: instant('When it was dismissed').nullable(),
  createdAt: instant('When it was made'),
  updatedAt: instant('When it last changed'),
  trend: z
    .object({
      thisWeek: z.number().int().describe('Comments asking it in the last 7 days'),
      lastWeek: z.number().int().describe('Comments asking it in the 7 days before'),
    })
    .optional()
    .describe('Comments asked in the last 7 days and the 7 before (in lists)'),
});

export const FaqCommentView = z.object({
  id: z.uuid().describe('The comment’s id'),
  text: z.string().describe('The comment as written'),
  author: z.string().nullable().describe('The commenter’s handle, when known'),
  postedAt: instant('When it was posted').nullable(),
  platform: z.string().describe('Where it was posted, e.g. tiktok'),
  permalink: z.string().nullable().describe('The comment on its platform, when the import gave it'),
  lang: z.string().nullable().describe('Its language: pl, en or other'),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable().describe('Effective sentiment: a correction, else the model'),
});
