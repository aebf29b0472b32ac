import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { FaqEntryView } from './faq-replies';

const counts = (labels: readonly string[]) => z.object(Object.fromEntries(labels.map((l) => [l, z.number().int()])));
const TopicCounts = counts(COMMENT_TOPICS);
const SentimentCounts = counts(COMMENT_SENTIMENTS);

/** One week of a product's comments (the ISO week starting on Monday `weekStart`, UTC). */
export const WeeklyInsights = z.object({
  weekStart: z.string().describe('Monday, YYYY-MM-DD'),
  comments: z.number().int(),
  questions: z.number().int(),
  sentiment: SentimentCounts,
  topics: TopicCounts,
});

export const ProductInsights = z.object({
  productSku: z.string(),
  totals: z.object({ comments: z.number().int(), spam: z.number().int(), questions: z.number().int(), unclassified: z.number().int() }),
  topics: TopicCounts,
  sentiment: SentimentCounts,
  faq: z.array(FaqEntryView),
  weekly: z.array(WeeklyInsights),
});
