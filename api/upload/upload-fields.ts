import path from 'node:path';
import { z } from 'zod';
import { PRODUCT_SKU, PRODUCT_SKU_RULE } from '../../core/vocabulary/product-sku';

const MAX_SKUS = 50;

/** Forms send empty inputs as empty strings: those mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const skuList = z
  .string()
  .max(4000)
  .transform((text) =>
    [
      ...new Set(
        text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].sort(),
  )
  .pipe(z.array(z.string().regex(PRODUCT_SKU, `each SKU is ${PRODUCT_SKU_RULE}`)).max(MAX_SKUS, `at most ${MAX_SKUS} SKUs`));

/** The form fields next to the file; they may arrive after it, so they are checked once it is stored. */
export const UploadFields = z.object({
  creatorId: z.uuid('creatorId must be a creator id (UUID)'),
  title: optional(z.string().trim().max(300)),
  productSkus: optional(skuList),
  sourceUrl: optional(z.url({ protocol: /^https?$/, error: 'sourceUrl must be an http or https URL' }).max(2048)),
});
export type UploadFields = z.infer<typeof UploadFields>;

/**
 * The client's file name, kept only as a label: its last path segment (whichever separator),
 * without control characters, at most 255 characters; null when nothing is left.
 */
export function sanitizeFilename(name: string | undefined): string | null {
  const base = path.posix.basename((name ?? '').replace(/\\/g, '/'));
  const clean = base
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim()
    .slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}
