import { z } from 'zod';
import { isCountryCode } from '../../core/licensing/territories';
import { PRODUCT_SKU } from '../../core/vocabulary/product-sku';

// The request shapes routes share, written once.

/** `/:id` of every resource. */
export const idParams = z.object({ id: z.uuid() });

export const productSku = () => z.string().regex(PRODUCT_SKU, 'a product SKU').describe('A product SKU, e.g. SKU-TSHIRT-01');

/** Where a use happens: one country, as typed (`pl` is read as `PL`). */
export const countryCode = () =>
  z
    .string()
    .transform((t) => t.toUpperCase())
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code')
    .describe('A country: its ISO 3166-1 alpha-2 code, e.g. PL (any case)');

/**
 * `?limit=&cursor=` of a list, with its own bounds. `cursor: 'id'` for lists paged by the last
 * row's id (core/paging/id-cursor.ts), `'opaque'` for the newest-first ones (page-cursor.ts).
 */
export function pageQuery(limits: { max: number; default: number }, cursor: 'id' | 'opaque') {
  return {
    limit: z.coerce.number().int().min(1).max(limits.max).default(limits.default).describe(`How many items per page, at most ${limits.max}`),
    cursor: (cursor === 'id' ? z.uuid() : z.string().max(500)).optional().describe('The `nextCursor` of the previous page; none for the first page'),
  };
}
