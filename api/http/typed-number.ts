import { z } from 'zod';

/** A plain decimal as people type it: `12000`, `-3`, `0.034`, `2.5`; no exponent, no thousands separators. */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * A number in a JSON body, given as a number (`15`) or as the decimal string forms and
 * spreadsheets produce (`"15"`): either is read as the same number, then held to `rules`. A
 * string that is not a plain decimal (`"15 s"`, `"1e3"`, `""`) is refused, never read as NaN or 0.
 */
export function typedNumber<T extends z.ZodType<number, number>>(rules: T) {
  return z.union([z.number(), z.string().trim().regex(DECIMAL_TEXT, 'a number, like 15 or "15"').transform(Number)]).pipe(rules);
}
