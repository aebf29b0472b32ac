import { z } from 'zod';
import { UsageView } from '../../core/contract/usage-replies';
import { pageOf } from '../../core/contract/page';
import { USAGE_OUTCOMES } from '../../core/vocabulary/usage-outcomes';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { listUsages } from '../../core/usage/usage-ledger';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageExample, usageExample } from '../../core/contract/reply-examples';

const listUsage = defineRoute({
  method: 'get',
  path: '/api/v1/usage',
  summary: 'The usage ledger: every pull, granted or refused, newest first',
  tag: 'ads',
  access: 'authenticated',
  query: z.object({
    assetId: z.uuid().optional().meta({ description: 'Only pulls of this asset’s cuts', example: EXAMPLE_IDS.asset }),
    licenseId: z.uuid().optional().meta({ description: 'Only pulls granted under this license', example: EXAMPLE_IDS.license }),
    outcome: z.enum(USAGE_OUTCOMES).optional().meta({ description: 'Only granted or only refused pulls', example: 'granted' }),
    ...pageQuery({ max: 500, default: 100 }, 'opaque'),
  }),
  responses: {
    200: { description: 'Ledger entries', schema: pageOf(UsageView), example: pageExample(usageExample) },
    400: { description: 'invalid_asset_id, invalid_license_id, invalid_outcome, invalid_cursor' },
  },
  handle: async ({ query, services }) => {
    const { limit, cursor, ...filter } = query;
    return { body: await listUsages(services.database.db, filter, limit, cursor ? decodePageCursor(cursor) : undefined) };
  },
});

export const usageRoutes = [listUsage];
