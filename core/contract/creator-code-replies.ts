import { z } from 'zod';
import { EXAMPLE_IDS } from './example-ids';
import { instant } from './fields';

export const EXAMPLE_CREATOR_CODE_ID = '5c1e8a37-2d94-4b6f-8e03-c7a2f9d4b612';

/** What a code takes off, as every reply gives it: exactly one of the two shapes. */
export const CodeDiscountView = z
  .union([
    z.object({ percent: z.number().int().describe('A share of the order, in percent (1–100)') }),
    z.object({
      amount: z.string().describe('A fixed amount off, as the exact decimal given ("12.50")'),
      currency: z.string().describe('Its currency: ISO 4217 code, upper case, e.g. PLN'),
    }),
  ])
  .nullable()
  .describe('What the code takes off: { percent } or { amount, currency }; null when none was recorded');

/** A creator's discount or affiliate code, as the create, the lists and the deactivation answer it. */
export const CreatorCodeView = z.object({
  id: z.uuid().describe('The code’s id'),
  creatorId: z.uuid().describe('The creator it belongs to'),
  creatorHandle: z.string().describe('That creator’s handle (erased-… once the creator was erased)'),
  code: z.string().describe('The code, in upper case (codes compare without regard to case)'),
  campaign: z.string().nullable().describe('The campaign it was given for; null when none'),
  discount: CodeDiscountView,
  active: z.boolean().describe('False once deactivated; a deactivated code stays listed'),
  createdBy: z.uuid().describe('The API key that added it'),
  createdAt: instant('When it was added'),
  deactivatedAt: instant('When it was deactivated').nullable(),
});
export type CreatorCodeView = z.infer<typeof CreatorCodeView>;
export type CodeDiscountView = z.infer<typeof CodeDiscountView>;

export const creatorCodeExample = {
  id: EXAMPLE_CREATOR_CODE_ID,
  creatorId: EXAMPLE_IDS.creator,
  creatorHandle: 'ania.style',
  code: 'ANIASTYLE-7K2Q',
  campaign: 'Summer linen 2027',
  discount: { percent: 15 },
  active: true,
  createdBy: EXAMPLE_IDS.apiKey,
  createdAt: '2026-12-07T09:00:00.000Z',
  deactivatedAt: null,
} satisfies z.input<typeof CreatorCodeView>;
