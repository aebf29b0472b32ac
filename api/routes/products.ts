import { z } from 'zod';
import { ProductList } from '../../core/contract/product-replies';
import { listProducts } from '../../core/insights/product-list';
import { defineRoute } from '../http/route';

const listProductsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/products',
  summary: 'Products named by comments or assets, most commented first, with their counts: what the insights screen offers to choose from',
  tag: 'insights',
  access: 'authenticated',
  query: z.object({
    q: z.string().trim().max(64).optional().describe('Part of a SKU, any case'),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  }),
  responses: {
    200: { description: 'The products', schema: ProductList },
    400: { description: 'invalid_q, invalid_limit' },
  },
  handle: async ({ query, services }) => ({ body: await listProducts(services.database.db, query) }),
});

export const productRoutes = [listProductsRoute];
