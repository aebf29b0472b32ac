import { z } from 'zod';
import { isCountryCode } from '../../core/licensing/territories';
import { PRODUCT_SKU } from '../../core/vocabulary/product-sku';

// The request shapes routes share, written once.

/** `/:id` of every resource. */
export const idParams = z.object({ id: z.uuid() });

export const productSku = () => z.string().regex(PRODUCT_SKU, 'a product SKU');

/** Where a use happens: one country, as typed (`pl` is read as `PL`). */
export const countryCode = () =>
  z
    .string()
    .transform((t) => t.toUpperCase())
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code');

/**
 * `?limit=&cursor=` of a list, with its own bounds. `cursor: 'id'` for lists paged by the last
 * row's id (core/paging/id-cursor.ts), `'opaque'` for the newest-first ones (page-cursor.ts).
 */
export function pageQuery(limits: { max: number; default: number }, cursor: 'id' | 'opaque') {
  return {
    limit: z.coerce.number().int().min(1).max(limits.max).default(limits.default),
    cursor: (cursor === 'id' ? z.uuid() : z.string().max(500)).optional(),
  };
}
