import { z } from 'zod';
import { ProposedTermsInput } from '../licensing/license-terms';

/**
 * Money by the rules of a license fee (an exact decimal string, ISO 4217 currency, no more
 * decimals than the currency's minor units): the fee's own schema, taken from the terms it is
 * part of, so the two can never disagree.
 */
const money = ProposedTermsInput.shape.fee.unwrap().unwrap();

const percentOff = z.strictObject({
  percent: z.number().int().min(1).max(100).describe('A share of the order, in percent: a whole number from 1 to 100'),
});

const amountOff = money.refine((m) => Number(m.amount) > 0, { path: ['amount'], message: 'A discount of nothing is no discount: give more than 0' });

const DISCOUNT_WORDS = 'A discount is either { percent: 1–100 } or { amount: "12.50", currency: "PLN" }';

/** The two shapes' keys, exactly: a mix (`{ percent, amount }`) is a mistake, not one or the other. */
const hasOneShape = (raw: unknown): boolean => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const keys = Object.keys(raw).sort().join(',');
  return keys === 'percent' || keys === 'amount,currency';
};

/**
 * What a code takes off. The shape is checked before its values so that a mix of the two is
 * refused in words rather than half-read.
 */
export const codeDiscountSchema = z.preprocess(
  (raw, ctx) => {
    if (!hasOneShape(raw)) ctx.addIssue({ code: 'custom', message: DISCOUNT_WORDS, input: raw });
    return raw;
  },
  z.union([percentOff, amountOff], { error: DISCOUNT_WORDS }),
);

export type CodeDiscount = z.output<typeof codeDiscountSchema>;
