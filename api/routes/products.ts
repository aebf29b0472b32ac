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
    q: z.string().trim().max(64).optional().meta({ description: 'Part of a SKU, any case', example: 'linen' }),
    limit: z.coerce.number().int().min(1).max(1000).default(500).meta({ description: 'How many products at most, 1 to 1000; 500 when absent', example: 100 }),
  }),
  responses: {
    200: {
      description: 'The products',
      schema: ProductList,
      example: {
        items: [
          { sku: 'SKU-SHIRT-LINEN-01', comments: 164, assets: 7 },
          { sku: 'SKU-SHIRT-LINEN-02', comments: 12, assets: 2 },
        ],
        truncated: false,
      },
    },
    400: { description: 'invalid_q, invalid_limit' },
  },
  handle: async ({ query, services }) => ({ body: await listProducts(services.database.db, query) }),
});

export const productRoutes = [listProductsRoute];
