import { z } from 'zod';
import { productInsights } from '../../core/insights/product-insights';
import { ProductInsights } from '../../core/contract/insight-replies';
import { defineRoute } from '../http/route';
import { productSku } from '../http/request-schemas';
import { faqEntryExample } from '../../core/contract/reply-examples';
import { COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';

const topics = (counts: Partial<Record<(typeof COMMENT_TOPICS)[number], number>>) => Object.fromEntries(COMMENT_TOPICS.map((t) => [t, counts[t] ?? 0]));

const insightsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/products/:sku/insights',
  summary:
    'What people say about a product: comments by topic and sentiment (spam excluded; a correction wins over the model), its FAQ entries, ' +
    'and the same per ISO week (UTC, by posting time) for the last `weeks` weeks',
  tag: 'insights',
  access: 'authenticated',
  params: z.object({ sku: productSku().meta({ description: 'The product’s SKU', example: 'SKU-SHIRT-LINEN-01' }) }),
  query: z.object({
    weeks: z.coerce.number().int().min(1).max(104).default(12).meta({ description: 'How many weeks back `weekly` goes, 1 to 104; 12 when absent', example: 2 }),
  }),
  responses: {
    200: {
      description: 'Insights (all zeros for a product without comments)',
      schema: ProductInsights,
      example: {
        productSku: 'SKU-SHIRT-LINEN-01',
        totals: { comments: 164, spam: 9, questions: 41, unclassified: 0 },
        topics: topics({ material: 38, size_fit: 34, quality: 29, price: 18, shipping: 12, returns: 6, other: 18 }),
        sentiment: { negative: 21, neutral: 58, positive: 70, mixed: 6 },
        faq: [faqEntryExample],
        weekly: [
          {
            weekStart: '2026-11-23',
            comments: 31,
            questions: 9,
            sentiment: { negative: 4, neutral: 11, positive: 15, mixed: 1 },
            topics: topics({ material: 9, size_fit: 8, quality: 6, other: 8 }),
          },
          {
            weekStart: '2026-11-30',
            comments: 22,
            questions: 6,
            sentiment: { negative: 3, neutral: 8, positive: 10, mixed: 1 },
            topics: topics({ material: 7, size_fit: 5, price: 4, other: 6 }),
          },
        ],
      },
    },
    400: { description: 'invalid_sku, invalid_weeks' },
  },
  handle: async ({ params, query, services }) => ({ body: await productInsights(services.database.db, params.sku, query.weeks) }),
});

export const insightsRoutes = [insightsRoute];
