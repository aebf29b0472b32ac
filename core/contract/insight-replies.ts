import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { FaqEntryView } from './faq-replies';

const counts = (labels: readonly string[]) => z.object(Object.fromEntries(labels.map((l) => [l, z.number().int().describe(`Comments labelled ${l}`)])));
const TopicCounts = counts(COMMENT_TOPICS);
const SentimentCounts = counts(COMMENT_SENTIMENTS);

/** One week of a product's comments (the ISO week starting on Monday `weekStart`, UTC). */
export const WeeklyInsights = z.object({
  weekStart: z.string().describe('Monday, YYYY-MM-DD'),
  comments: z.number().int().describe('Comments posted that week, spam excluded'),
  questions: z.number().int().describe('Of them, questions'),
  sentiment: SentimentCounts.describe('Comments by sentiment'),
  topics: TopicCounts.describe('Comments by topic'),
});

export const ProductInsights = z.object({
  productSku: z.string().describe('The product'),
  totals: z
    .object({
      comments: z.number().int().describe('Every comment imported for the product, spam included'),
      spam: z.number().int().describe('Of them, spam'),
      questions: z.number().int().describe('Questions, spam excluded'),
      unclassified: z.number().int().describe('Not classified yet'),
    })
    .describe('Counts over all time'),
  topics: TopicCounts.describe('Comments by topic, spam excluded'),
  sentiment: SentimentCounts.describe('Comments by sentiment, spam excluded'),
  faq: z.array(FaqEntryView).describe('Its FAQ entries, most asked first'),
  weekly: z.array(WeeklyInsights).describe('One row per ISO week, oldest first'),
});
