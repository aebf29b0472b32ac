import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { LICENSE_STATES, LICENSE_STATUSES } from '../vocabulary/license-state';

/** Where a license's content is live: pulls per asset, campaign, channel and territory. */
export const LiveUsageView = z.object({
  assetId: z.uuid(),
  campaign: z.string().nullable(),
  channel: z.string(),
  territory: z.string(),
  lastPulledAt: z.string(),
  pulls: z.number().int(),
});

export const LicenseView = z.object({
  id: z.uuid(),
  assetIds: z.array(z.uuid()),
  creatorId: z.uuid().nullable(),
  territories: z.array(z.string()),
  excludedTerritories: z.array(z.string()),
  channels: z.array(z.enum(CHANNELS)),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  derivativesAllowed: z.boolean(),
  exclusivity: z.object({ scope: z.enum(['none', 'category', 'all']), category: z.string().optional(), until: z.string().optional() }).nullable(),
  fee: z.object({ amount: z.string().describe('exact decimal'), currency: z.string() }).nullable(),
  disclosureRequired: z.boolean(),
  attributionRequired: z.boolean(),
  notes: z.string().nullable(),
  status: z.enum(LICENSE_STATUSES),
  state: z.enum(LICENSE_STATES),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  contract: z.object({ filename: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const LicenseWithUsages = LicenseView.extend({ liveUsages: z.array(LiveUsageView) });

/** A license as an asset lists it: the terms that decide where the asset may be used. */
export const LicenseSummary = z.object({
  id: z.uuid(),
  status: z.enum(LICENSE_STATUSES),
  territories: z.array(z.string()),
  excludedTerritories: z.array(z.string()),
  channels: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  derivativesAllowed: z.boolean(),
  disclosureRequired: z.boolean(),
  attributionRequired: z.boolean(),
});
