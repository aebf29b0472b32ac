import { z } from 'zod';
import { COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { FAQ_STATUSES } from '../vocabulary/faq-status';

export const FaqEntryView = z.object({
  id: z.uuid(),
  productSku: z.string(),
  topic: z.enum(COMMENT_TOPICS),
  question: z.string().describe('The canonical question: the most central example, until a content manager words it'),
  answer: z.string().nullable(),
  status: z.enum(FAQ_STATUSES),
  count: z.number().int().describe('Comments asking it'),
  examples: z.array(z.object({ commentId: z.uuid(), text: z.string() })).describe('Up to 5, the most representative first'),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
