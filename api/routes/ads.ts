import { z } from 'zod';
import { listAdCuts } from '../../core/ads/ad-cuts';
import { pullAdCut } from '../../core/ads/pull-ad-cut';
import { CHANNELS } from '../../core/vocabulary/channels';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { visibleTextSchema } from '../../core/text/visible-text';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { defineRoute } from '../http/route';
import { countryCode, pageQuery } from '../http/request-schemas';
import { pageOf } from '../../core/contract/page';

const LicenseRef = z.object({ id: z.uuid(), endsAt: z.string().nullable(), disclosureRequired: z.boolean(), attributionRequired: z.boolean() });
const AdCut = z.object({
  cutId: z.uuid(),
  assetId: z.uuid(),
  aspect: z.string(),
  durationS: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  format: z.string(),
  disclosure: z.string().nullable(),
  license: LicenseRef,
});

const listAds = defineRoute({
  method: 'get',
  path: '/api/v1/ads',
  summary: 'Ad cuts licensed, as edits, for a channel and territory at an instant (default now)',
  tag: 'ads',
  access: ['performance', 'content_manager', 'viewer'],
  query: z.object({
    channel: z.enum(CHANNELS),
    territory: countryCode(),
    at: z.iso.datetime({ offset: true }).optional(),
    aspect: z.string().max(10).optional(),
    durationS: z.coerce.number().positive().max(3600).optional(),
    product: z.string().min(1).max(200).optional(),
    ...pageQuery({ max: 500, default: 100 }, 'opaque'),
  }),
  responses: {
    200: { description: 'Licensed cuts, newest first', schema: pageOf(AdCut) },
    400: { description: 'invalid_channel, invalid_territory, invalid_at, invalid_cursor…' },
  },
  handle: async ({ query, services }) => {
    const { limit, cursor, at, ...use } = query;
    const page = await listAdCuts(services.database.db, { ...use, at: at ? new Date(at) : new Date() }, limit, cursor ? decodePageCursor(cursor) : undefined);
    return { body: page };
  },
});

const pullAd = defineRoute({
  method: 'post',
  path: '/api/v1/ads/:cutId/pull',
  summary: 'Re-check rights now, record the pull in the usage ledger, and get a short-lived download URL',
  tag: 'ads',
  access: ['performance'],
  params: z.object({ cutId: z.uuid() }),
  body: z.object({
    channel: z.enum(CHANNELS),
    territory: countryCode(),
    campaign: visibleTextSchema(200).optional().describe('A name people read in the ledger: visible text, one line'),
  }),
  responses: {
    200: {
      description: 'Granted: the URL expires within 5 minutes and never after the license ends',
      schema: z.object({ url: z.string(), expiresAt: z.string(), usageId: z.uuid(), license: LicenseRef }),
    },
    403: { description: `Refused (recorded in the ledger): the code is the first reason of ${RIGHTS_REASONS.join(', ')}; details.reasons lists all` },
    404: { description: 'cut_not_found' },
    422: { description: 'invalid_channel, invalid_territory, invalid_campaign' },
  },
  handle: async ({ params, body, caller, services }) => {
    const grant = await pullAdCut(services, {
      cutId: params.cutId,
      channel: body.channel,
      territory: body.territory,
      campaign: body.campaign ?? null,
      apiKeyId: caller!.keyId,
    });
    return { body: grant };
  },
});

export const adRoutes = [listAds, pullAd];
