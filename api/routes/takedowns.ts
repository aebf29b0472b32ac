import { z } from 'zod';
import { pageOf } from '../../core/contract/page';
import { TakedownView } from '../../core/contract/takedown-replies';
import { listTakedowns, resolveTakedown } from '../../core/creator-page/takedown-store';
import { visibleTextSchema } from '../../core/text/visible-text';
import { TAKEDOWN_STATUSES } from '../../core/vocabulary/takedown-status';
import { idParams, pageQuery } from '../http/request-schemas';
import { defineRoute } from '../http/route';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageExample, takedownExample } from '../../core/contract/reply-examples';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/takedown-requests',
  summary: 'Takedown requests creators sent from their pages, newest first',
  tag: 'creators',
  access: 'authenticated',
  query: z.object({
    status: z.enum(TAKEDOWN_STATUSES).optional().meta({ description: 'Only open or only resolved requests', example: 'open' }),
    creatorId: z.uuid().optional().meta({ description: 'Only this creator’s requests', example: EXAMPLE_IDS.creator }),
    ...pageQuery({ max: 200, default: 50 }, 'id'),
  }),
  responses: {
    200: { description: 'A page of takedown requests', schema: pageOf(TakedownView), example: pageExample(takedownExample) },
    400: { description: 'invalid_status, invalid_creator_id, invalid_cursor' },
  },
  handle: async ({ query, services }) => ({ body: await listTakedowns(services.database.db, query) }),
});

const resolveRoute = defineRoute({
  method: 'post',
  path: '/api/v1/takedown-requests/:id/resolve',
  summary: 'Mark a takedown request dealt with, saying what was done (archive or delete the assets separately); resolving again changes nothing',
  tag: 'creators',
  access: ['content_manager'],
  params: idParams,
  body: z.object({
    note: z
      .union([visibleTextSchema(2000, { minVisible: 1, multiline: true }), z.literal('')])
      .optional()
      .describe('What was done, for the record: up to 2,000 characters, several lines allowed; empty or absent for none'),
  }),
  bodyExample: { note: 'Archived the linen shirt video; told Ania by DM.' },
  responses: {
    200: {
      description: 'Resolved',
      schema: TakedownView,
      example: {
        ...takedownExample,
        status: 'resolved',
        resolvedAt: '2026-12-07T09:00:00.000Z',
        resolvedNote: 'Archived the linen shirt video; told Ania by DM.',
      },
    },
    404: { description: 'takedown_request_not_found' },
    422: { description: 'invalid_note' },
  },
  handle: async ({ params, body, caller, services }) => ({
    body: await resolveTakedown(services.database.db, caller!.keyId, params.id, body.note || null),
  }),
});

export const takedownRoutes = [listRoute, resolveRoute];
