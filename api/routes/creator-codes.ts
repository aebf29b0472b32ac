import { z } from 'zod';
import { CreatorCodeView, EXAMPLE_CREATOR_CODE_ID, creatorCodeExample } from '../../core/contract/creator-code-replies';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageOf } from '../../core/contract/page';
import { pageExample } from '../../core/contract/reply-examples';
import { addCreatorCode } from '../../core/creator-codes/add-code';
import { codeDiscountSchema } from '../../core/creator-codes/code-discount';
import { codeTextSchema } from '../../core/creator-codes/code-text';
import { deactivateCreatorCode } from '../../core/creator-codes/deactivate-code';
import { listCreatorCodes } from '../../core/creator-codes/list-codes';
import { getCreator } from '../../core/licensing/creator-store';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { visibleTextSchema } from '../../core/text/visible-text';
import { idParams, pageQuery } from '../http/request-schemas';
import { defineRoute } from '../http/route';

/**
 * Discount and affiliate codes given to creators (entered, or generated from the handle), for a
 * campaign or none: added and deactivated by the teams that run campaigns, listed per creator and
 * for the whole brand. Orders carrying a code are credited to its creator.
 */

const CODE_WORDS = 'letters A–Z, digits, - and _, 3 to 32 of them, any case (stored and shown in upper case; unique brand-wide whatever the case)';

const NewCode = z.object({
  code: codeTextSchema.optional().describe(`The code: ${CODE_WORDS}. Absent: one is generated from the handle, e.g. OLA-7K2Q`),
  campaign: visibleTextSchema(200).nullable().optional().describe('The campaign it is given for, as people will read it: up to 200 characters'),
  discount: codeDiscountSchema
    .nullable()
    .optional()
    .describe(
      'What it takes off: { percent: 1–100 } (whole percent) or { amount: "12.50", currency: "PLN" } (amount by the rules of a license fee, more than 0)',
    ),
});

const listQuery = {
  campaign: z.string().trim().min(1).max(200).optional().meta({ description: 'Only codes given for this campaign (exactly)', example: 'Summer linen 2027' }),
  active: z
    .enum(['true', 'false'])
    .transform((flag) => flag === 'true')
    .optional()
    .meta({ description: 'true: only codes in use; false: only deactivated ones; absent: both', example: 'true' }),
  ...pageQuery({ max: 500, default: 100 }, 'opaque'),
};

const addCode = defineRoute({
  method: 'post',
  path: '/api/v1/creators/:id/codes',
  summary: 'Give a creator a discount or affiliate code, entered or generated from their handle (audited)',
  tag: 'creators',
  access: ['content_manager', 'performance'],
  params: idParams,
  body: NewCode,
  bodyExample: { campaign: 'Summer linen 2027', discount: { percent: 15 } },
  responses: {
    201: { description: 'Added', schema: CreatorCodeView, example: creatorCodeExample },
    404: { description: 'creator_not_found' },
    409: { description: 'code_exists: that code, in any case, is already given; details.creatorId is the creator who holds it' },
    422: { description: 'invalid_code, invalid_campaign, invalid_discount' },
  },
  handle: async ({ params, body, caller, services }) => ({
    status: 201,
    body: await addCreatorCode(services.database.db, params.id, body, caller!.keyId),
  }),
});

const listCodesOfCreator = defineRoute({
  method: 'get',
  path: '/api/v1/creators/:id/codes',
  summary: 'A creator’s codes, newest first, deactivated ones included',
  tag: 'creators',
  access: ['content_manager', 'performance', 'viewer'],
  params: idParams,
  query: z.object(listQuery),
  responses: {
    200: { description: 'The creator’s codes', schema: pageOf(CreatorCodeView), example: pageExample(creatorCodeExample) },
    400: { description: 'invalid_campaign, invalid_active, invalid_limit, invalid_cursor' },
    404: { description: 'creator_not_found' },
  },
  handle: async ({ params, query, services }) => {
    const { db } = services.database;
    await getCreator(db, params.id); // an unknown creator is a 404, not an empty list
    const { limit, cursor, ...filter } = query;
    return { body: await listCreatorCodes(db, { ...filter, creatorId: params.id }, limit, cursor ? decodePageCursor(cursor) : undefined) };
  },
});

const deactivateCode = defineRoute({
  method: 'post',
  path: '/api/v1/creators/:id/codes/:codeId/deactivate',
  summary: 'Deactivate a creator’s code for good; it stays listed with active: false (audited)',
  tag: 'creators',
  access: ['content_manager', 'performance'],
  params: z.object({
    id: z.uuid().meta({ description: 'The creator’s id', example: EXAMPLE_IDS.creator }),
    codeId: z.uuid().meta({ description: 'The code’s id (its `id` in the lists)', example: EXAMPLE_CREATOR_CODE_ID }),
  }),
  responses: {
    200: {
      description: 'The code, deactivated (already deactivated: unchanged)',
      schema: CreatorCodeView,
      example: { ...creatorCodeExample, active: false, deactivatedAt: '2026-12-20T10:00:00.000Z' },
    },
    404: { description: 'creator_code_not_found (no such code, or not this creator’s)' },
  },
  handle: async ({ params, caller, services }) => ({
    body: await deactivateCreatorCode(services.database.db, params.id, params.codeId, caller!.keyId),
  }),
});

const listAllCodes = defineRoute({
  method: 'get',
  path: '/api/v1/creator-codes',
  summary: 'Every creator’s codes, newest first, each with the creator’s handle; filter by campaign, state or part of the code or handle',
  tag: 'creators',
  access: ['content_manager', 'performance', 'viewer'],
  query: z.object({
    q: z.string().trim().min(1).max(200).optional().meta({ description: 'Part of the code or of the creator’s handle, any case', example: 'ania' }),
    ...listQuery,
  }),
  responses: {
    200: { description: 'Codes', schema: pageOf(CreatorCodeView), example: pageExample(creatorCodeExample) },
    400: { description: 'invalid_q, invalid_campaign, invalid_active, invalid_limit, invalid_cursor' },
  },
  handle: async ({ query, services }) => {
    const { limit, cursor, ...filter } = query;
    return { body: await listCreatorCodes(services.database.db, filter, limit, cursor ? decodePageCursor(cursor) : undefined) };
  },
});

export const creatorCodeRoutes = [addCode, listCodesOfCreator, deactivateCode, listAllCodes];
