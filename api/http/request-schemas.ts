import { z } from 'zod';
import { isCountryCode } from '../../core/licensing/territories';
import { PRODUCT_SKU } from '../../core/vocabulary/product-sku';
import { EXAMPLE_IDS, EXAMPLE_PAGE_CURSOR } from '../../core/contract/example-ids';

// The request shapes routes share, written once.

/** `/:id` of every resource (its words come from the path: openapi-conventions.ts). */
export const idParams = z.object({ id: z.uuid().meta({ example: EXAMPLE_IDS.asset }) });

export const productSku = () =>
  z
    .string()
    .regex(PRODUCT_SKU, 'a product SKU')
    .meta({ description: 'A product SKU: 1 to 64 letters, digits, ".", "_" or "-", e.g. SKU-TSHIRT-01', example: 'SKU-TSHIRT-01' });

/** Where a use happens: one country, as typed (`pl` is read as `PL`). */
export const countryCode = () =>
  z
    .string()
    .transform((t) => t.toUpperCase())
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code')
    .meta({ description: 'A country: its ISO 3166-1 alpha-2 code, e.g. PL (any case)', example: 'PL' });

/**
 * `?limit=&cursor=` of a list, with its own bounds. `cursor: 'id'` for lists paged by the last
 * row's id (core/paging/id-cursor.ts), `'opaque'` for the newest-first ones (page-cursor.ts).
 */
export function pageQuery(limits: { max: number; default: number }, cursor: 'id' | 'opaque') {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(limits.max)
      .default(limits.default)
      .meta({ description: `How many items per page, at most ${limits.max}; ${limits.default} when absent`, example: Math.min(20, limits.max) }),
    cursor: (cursor === 'id' ? z.uuid() : z.string().max(500)).optional().meta({
      description: 'The `nextCursor` of the previous page; none for the first page',
      example: cursor === 'id' ? EXAMPLE_IDS.asset : EXAMPLE_PAGE_CURSOR,
    }),
  };
}
