import { z } from 'zod';

/** A product the library knows of: named by comments or by assets, with how many of each. */
export const ProductView = z.object({
  sku: z.string().describe('The product’s SKU'),
  comments: z.number().int().describe('Comments imported for the product, spam included'),
  assets: z.number().int().describe('Assets (not deleted) that show the product'),
});

/** Every product at once, most commented first: a shop's catalogue of commented products fits. */
export const ProductList = z.object({
  items: z.array(ProductView).describe('Most commented first'),
  truncated: z.boolean().describe('More products match than `limit`: narrow with `q`'),
});
