import { z } from 'zod';
import type { Db } from '../../core/db';
import { listAdCuts } from '../../core/ads/ad-cuts';
import { pullAdCut } from '../../core/ads/pull-ad-cut';
import { CHANNELS } from '../../core/vocabulary/channels';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { visibleTextSchema } from '../../core/text/visible-text';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { defineRoute } from '../http/route';
import { countryCode, pageQuery } from '../http/request-schemas';
import { pageOf } from '../../core/contract/page';
import { CUT_ASPECTS } from '../../core/vocabulary/ad-cut-request';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageExample } from '../../core/contract/reply-examples';
import { instant } from '../../core/contract/fields';
import { TrackingFields, trackingFieldsExample } from '../../core/contract/tracking-replies';
import { landingUrlSchema, MAX_LANDING_URL_LENGTH } from '../../core/tracking/landing-url';
import { platformNameSchema } from '../../core/tracking/platform-name';
import { trackingLinkForPull } from '../../core/tracking/link-for-pull';
import { trackingLinkUrl } from '../../core/tracking/link-view';
import { linkSettings } from '../http/link-settings';

const LicenseRef = z
  .object({
    id: z.uuid().describe('The license’s id'),
    endsAt: instant('When its rights end: stop running the ad by then')
      .nullable()
      .describe('When its rights end, an ISO 8601 instant in UTC: stop running the ad by then; null: perpetual'),
    disclosureRequired: z.boolean().describe('Whether the ad must carry an ad label'),
    attributionRequired: z.boolean().describe('Whether the ad must name the creator'),
  })
  .describe('The license that allows the use (the one lasting longest when several do)');
const licenseRefExample = { id: EXAMPLE_IDS.license, endsAt: '2027-05-31T22:00:00.000Z', disclosureRequired: true, attributionRequired: false };

const AdCut = z.object({
  cutId: z.uuid().describe('The cut’s id, to pull it'),
  assetId: z.uuid().describe('The asset it was cut from'),
  aspect: z.string().describe('Its frame: 9:16, 1:1, 4:5 or 16:9'),
  durationS: z.number().describe('Its length in seconds'),
  width: z.number().nullable().describe('Width in pixels'),
  height: z.number().nullable().describe('Height in pixels'),
  format: z.string().describe('File format, e.g. mp4'),
  disclosure: z.string().nullable().describe('The label drawn on it (e.g. REKLAMA or #ad); null when none'),
  license: LicenseRef,
});

const listAds = defineRoute({
  method: 'get',
  path: '/api/v1/ads',
  summary: 'Ad cuts licensed, as edits, for a channel and territory at an instant (default now)',
  tag: 'ads',
  access: ['performance', 'content_manager', 'viewer'],
  query: z.object({
    channel: z.enum(CHANNELS).meta({ description: 'Where the ad will run', example: 'paid_social' }),
    territory: countryCode(),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When the ad will run, ISO 8601 with an offset; now when absent', example: '2027-03-01T12:00:00+01:00' }),
    aspect: z
      .string()
      .max(10)
      .optional()
      .meta({ description: `Only cuts of this frame: ${CUT_ASPECTS.join(', ')}`, example: '9:16' }),
    durationS: z.coerce.number().positive().max(3600).optional().meta({ description: 'Only cuts of this length, in seconds', example: 15 }),
    product: z.string().min(1).max(200).optional().meta({ description: 'Only cuts of assets showing this product (its SKU)', example: 'SKU-SHIRT-LINEN-01' }),
    ...pageQuery({ max: 500, default: 100 }, 'opaque'),
  }),
  responses: {
    200: {
      description: 'Licensed cuts, newest first',
      schema: pageOf(AdCut),
      example: pageExample({
        cutId: EXAMPLE_IDS.cut,
        assetId: EXAMPLE_IDS.asset,
        aspect: '9:16',
        durationS: 15,
        width: 1080,
        height: 1920,
        format: 'mp4',
        disclosure: 'REKLAMA',
        license: licenseRefExample,
      }),
    },
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
  summary: 'Re-check rights now, record the pull in the usage ledger, and get a short-lived download URL (and, with a landing URL, a tracking link)',
  tag: 'ads',
  access: ['performance'],
  params: z.object({ cutId: z.uuid().meta({ description: 'The cut’s id, from GET /api/v1/ads', example: EXAMPLE_IDS.cut }) }),
  body: z.object({
    channel: z.enum(CHANNELS).describe('Where the ad will run'),
    territory: countryCode().describe('The country where the ad will run: an ISO 3166-1 alpha-2 code, e.g. PL (any case)'),
    campaign: visibleTextSchema(200).optional().describe('A name people read in the ledger: visible text, one line'),
    landingUrl: landingUrlSchema
      .optional()
      .describe(
        `Where the ad sends people: an absolute http(s) URL of at most ${MAX_LANDING_URL_LENGTH} characters, without credentials. With it the answer also has trackedUrl and trackingLink`,
      ),
    platform: platformNameSchema
      .optional()
      .describe('The platform the ad runs on (meta, tiktok, google…), the utm_source of trackedUrl; without it utm_source is the channel'),
  }),
  bodyExample: {
    channel: 'paid_social',
    territory: 'PL',
    campaign: 'Summer linen 2027',
    landingUrl: 'https://shop.example.com/linen-shirt?color=sand',
    platform: 'meta',
  },
  responses: {
    200: {
      description: 'Granted: the URL expires within 5 minutes and never after the license ends',
      schema: z.object({
        url: z.string().describe('A signed link to the cut’s file, working without an API key until `expiresAt`'),
        expiresAt: instant('When `url` stops working'),
        usageId: z.uuid().describe('The usage ledger entry recording this pull'),
        license: LicenseRef,
        trackingLinkId: TrackingFields.trackingLinkId.optional(),
        trackingLink: TrackingFields.trackingLink.optional(),
        trackedUrl: TrackingFields.trackedUrl.optional(),
      }),
      example: {
        url: `https://ugc.example.com/files/cuts/${EXAMPLE_IDS.cut}.mp4?expires=1796634300&sig=Xc7mB2qL9vT4nR8wK1sJ6hF3dP0aZ5yE`,
        expiresAt: '2026-12-07T09:05:00.000Z',
        usageId: EXAMPLE_IDS.usage,
        license: licenseRefExample,
        ...trackingFieldsExample,
      },
    },
    403: { description: `Refused (recorded in the ledger): the code is the first reason of ${RIGHTS_REASONS.join(', ')}; details.reasons lists all` },
    404: { description: 'cut_not_found' },
    422: { description: 'invalid_channel, invalid_territory, invalid_campaign, invalid_landing_url, invalid_platform' },
  },
  handle: async ({ params, body, caller, services, req }) => {
    const pull = { cutId: params.cutId, channel: body.channel, territory: body.territory, campaign: body.campaign ?? null, apiKeyId: caller!.keyId };
    const landingUrl = body.landingUrl;
    // A granted pull and its tracking link are stored together; a refusal throws before either.
    const { alongside: link, ...grant } = await pullAdCut(services, pull, {
      ...(landingUrl
        ? { alongside: (tx: Db) => trackingLinkForPull(tx, { ...pull, landingUrl, platform: body.platform ?? null }, services.config.utmTemplate) }
        : {}),
    });
    if (!link) return { body: grant };
    const { baseUrl } = linkSettings(services, req);
    return { body: { ...grant, trackingLinkId: link.id, trackingLink: trackingLinkUrl(baseUrl, link.code), trackedUrl: link.trackedUrl } };
  },
});

export const adRoutes = [listAds, pullAd];
