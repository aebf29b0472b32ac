import { z, type ZodType } from 'zod';

/** One page of a list, as every list endpoint answers it. */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The schema of a page of `item`s. */
export const pageOf = <T extends ZodType>(item: T) =>
  z.object({
    items: z.array(item).describe('This page’s items'),
    nextCursor: z.string().nullable().describe('Pass back as `cursor` for the next page; null on the last page'),
  });
