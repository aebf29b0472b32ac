import { z } from 'zod';
import { usageOutcome } from '../../core/db/schema';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { listUsages } from '../../core/usage/usage-ledger';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/request-schemas';

const UsageView = z.object({
  id: z.uuid(),
  outcome: z.enum(usageOutcome.enumValues),
  reasons: z.array(z.string()),
  apiKeyId: z.uuid(),
  assetId: z.uuid(),
  cutId: z.uuid().nullable(),
  licenseId: z.uuid().nullable(),
  channel: z.string(),
  territory: z.string(),
  campaign: z.string().nullable(),
  at: z.string(),
});

const listUsage = defineRoute({
  method: 'get',
  path: '/api/v1/usage',
  summary: 'The usage ledger: every pull, granted or refused, newest first',
  tag: 'ads',
  access: 'authenticated',
  query: z.object({
    assetId: z.uuid().optional(),
    licenseId: z.uuid().optional(),
    outcome: z.enum(usageOutcome.enumValues).optional(),
    ...pageQuery({ max: 500, default: 100 }, 'opaque'),
  }),
  responses: {
    200: { description: 'Ledger entries', schema: z.object({ items: z.array(UsageView), nextCursor: z.string().nullable() }) },
    400: { description: 'invalid_asset_id, invalid_license_id, invalid_outcome, invalid_cursor' },
  },
  handle: async ({ query, services }) => {
    const { limit, cursor, ...filter } = query;
    return { body: await listUsages(services.database.db, filter, limit, cursor ? decodePageCursor(cursor) : undefined) };
  },
});

export const usageRoutes = [listUsage];
