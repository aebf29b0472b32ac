import type { z } from 'zod';
import type { ProductList as ProductListSchema } from '../../../../core/contract/product-replies';

/** GET /api/v1/products: the products comments or assets name, most commented first, with counts. */
export type ProductList = z.infer<typeof ProductListSchema>;
export type Product = ProductList['items'][number];
