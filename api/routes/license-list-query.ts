import { z } from 'zod';
import { LICENSE_SORTS } from '../../core/licensing/license-list-filters';
import { isCountryCode, WORLDWIDE } from '../../core/licensing/territories';
import { CHANNELS } from '../../core/vocabulary/channels';
import { LICENSE_STATES } from '../../core/vocabulary/license-state';

/** The search, filters and order a person picks on the Licenses screen (GET /api/v1/licenses). */
export const licenseListQuery = {
  /** Trimmed; a leading `@` of a handle is dropped, since handles are stored without it. */
  q: z
    .string()
    .max(200)
    .transform((q) => q.trim().replace(/^@/, ''))
    .optional()
    .meta({ description: 'A license or asset id, or part of a creator handle or an asset title', example: 'ania' }),
  state: z.enum(LICENSE_STATES).optional().meta({ description: 'Where the license stands now (expiring: ends within 30 days)', example: 'expiring' }),
  channel: z.enum(CHANNELS).optional().meta({ description: 'Only licenses granting this channel', example: 'paid_social' }),
  territory: z
    .string()
    .transform((t) => t.toUpperCase())
    .refine((t) => t === WORLDWIDE || isCountryCode(t), 'an ISO 3166-1 alpha-2 country code or WW')
    .optional()
    .meta({ description: 'A country the license covers (listed or worldwide, not excluded); WW for worldwide licenses', example: 'PL' }),
  sort: z
    .enum(LICENSE_SORTS)
    .default('created')
    .meta({ description: 'created and starts: newest first; ends: soonest first, perpetual last', example: 'ends' }),
};
