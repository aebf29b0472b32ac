import { z } from 'zod';
import { assetExists } from '../../core/assets/asset-store';
import { notFound } from '../../core/errors/domain-error';
import { CHANNELS } from '../../core/vocabulary/channels';
import { licensesForAssets } from '../../core/licensing/license-store';
import { checkRights } from '../../core/licensing/rights';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { isCountryCode, WORLDWIDE } from '../../core/licensing/territories';
import { defineRoute } from '../http/route';
import { idParams } from '../http/request-schemas';

const RightsQuery = z.object({
  channel: z.enum(CHANNELS),
  /** A country, or WW for "everywhere" (only an unrestricted worldwide license covers that). */
  territory: z
    .string()
    .trim()
    .toUpperCase()
    .refine((t) => t === WORLDWIDE || isCountryCode(t), 'An ISO 3166-1 alpha-2 country code (or WW)'),
  at: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
  derivative: z
    .enum(['true', 'false'])
    .default('false')
    .transform((d) => d === 'true'),
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
      schema: z.object({ allowed: z.boolean(), licenseId: z.uuid().nullable(), reasons: z.array(z.enum(RIGHTS_REASONS)) }),
    },
    400: { description: 'invalid_channel, invalid_territory, invalid_at or invalid_derivative' },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, query, services }) => {
    const db = services.database.db;
    const licenses = (await licensesForAssets(db, [params.id])).get(params.id) ?? [];
    // An asset with licenses exists (foreign keys); only an empty answer needs telling apart.
    if (licenses.length === 0 && !(await assetExists(db, params.id))) throw notFound('asset', params.id);
    const { allowed, licenseId, reasons } = checkRights(licenses, { ...query, at: query.at ?? new Date() });
    return { body: { allowed, licenseId, reasons } };
  },
});

export const rightsRoutes = [checkRightsRoute];
