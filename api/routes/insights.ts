import { z } from 'zod';
import { productInsights } from '../../core/insights/product-insights';
import { ProductInsights } from '../../core/contract/insight-replies';
import { defineRoute } from '../http/route';
import { productSku } from '../http/request-schemas';

const insightsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/products/:sku/insights',
  summary:
    'What people say about a product: comments by topic and sentiment (spam excluded; a correction wins over the model), its FAQ entries, ' +
    'and the same per ISO week (UTC, by posting time) for the last `weeks` weeks',
  tag: 'insights',
  access: 'authenticated',
  params: z.object({ sku: productSku() }),
  query: z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }),
  responses: {
    200: { description: 'Insights (all zeros for a product without comments)', schema: ProductInsights },
    400: { description: 'invalid_sku, invalid_weeks' },
  },
  handle: async ({ params, query, services }) => ({ body: await productInsights(services.database.db, params.sku, query.weeks) }),
});

export const insightsRoutes = [insightsRoute];
