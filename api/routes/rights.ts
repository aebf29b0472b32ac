import { z } from 'zod';
import { assetExists } from '../../core/assets/asset-store';
import { notFound } from '../../core/errors/domain-error';
import { CHANNELS } from '../../core/vocabulary/channels';
import { licensesForAssets } from '../../core/licensing/license-store';
import { checkRights, checkRightsThroughout } from '../../core/licensing/rights';
import { instantOf, isCalendarDay, termTime } from '../../core/licensing/term-time';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { isCountryCode, WORLDWIDE } from '../../core/licensing/territories';
import { defineRoute } from '../http/route';
import { idParams } from '../http/request-schemas';

const RightsQuery = z.object({
  channel: z.enum(CHANNELS).meta({ description: 'Where the asset would be used', example: 'paid_social' }),
  /** A country, or WW for "everywhere" (only an unrestricted worldwide license covers that). */
  territory: z
    .string()
    .trim()
    .toUpperCase()
    .refine((t) => t === WORLDWIDE || isCountryCode(t), 'An ISO 3166-1 alpha-2 country code (or WW)')
    .meta({
      description: 'The country of the use: an ISO 3166-1 alpha-2 code (any case), or WW for everywhere (only an unrestricted worldwide license covers that)',
      example: 'PL',
    }),
  at: termTime.optional().meta({
    description:
      'When the use is: an instant in ISO 8601 with an offset, or a calendar day (2027-03-01), meaning that whole day in the license time zone (BRAND_TIME_ZONE, default Europe/Warsaw), covered only when one license covers all of it; now when absent',
    example: '2027-03-01T12:00:00+01:00',
  }),
  derivative: z
    .enum(['true', 'false'])
    .default('false')
    .transform((d) => d === 'true')
    .meta({ description: 'true when the use is an edit (an ad cut, a crop with a label); false (default) for the asset as it is', example: 'true' }),
});

const checkRightsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/assets/:id/rights',
  summary: 'Whether a use of an asset (channel, territory, instant, derivative or not) is covered by a license',
  tag: 'licenses',
  access: 'authenticated',
  params: idParams,
  query: RightsQuery,
  responses: {
    200: {
      description: 'The decision: the covering license, or every reason none covers it',
      schema: z.object({
        allowed: z.boolean().describe('Whether a license covers the use'),
        licenseId: z.uuid().nullable().describe('The license that covers it; null when none does'),
        reasons: z
          .array(z.enum(RIGHTS_REASONS))
          .describe(
            'Why none covers it: every license’s failures, each once, in the order of the enum (no_license when the asset has none); empty when allowed',
          ),
      }),
      example: { allowed: false, licenseId: null, reasons: ['expired', 'channel_not_granted'] },
    },
    400: { description: 'invalid_channel, invalid_territory, invalid_at or invalid_derivative' },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, query, services }) => {
    const db = services.database.db;
    const licenses = (await licensesForAssets(db, [params.id])).get(params.id) ?? [];
    // An asset with licenses exists (foreign keys); only an empty answer needs telling apart.
    if (licenses.length === 0 && !(await assetExists(db, params.id))) throw notFound('asset', params.id);
    const { at, ...use } = query;
    const tz = services.config.brandTimeZone;
    const { allowed, licenseId, reasons } =
      at && isCalendarDay(at)
        ? checkRightsThroughout(licenses, use, instantOf(at, 'start', tz), instantOf(at, 'end', tz))
        : checkRights(licenses, { ...use, at: at ?? new Date() });
    return { body: { allowed, licenseId, reasons } };
  },
});

export const rightsRoutes = [checkRightsRoute];
