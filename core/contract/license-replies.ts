import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { LICENSE_STATES, LICENSE_STATUSES } from '../vocabulary/license-state';
import { CHANNEL_WORDS, countries, instant } from './fields';

/** Where a license's content is live: pulls per asset, campaign, channel and territory. */
export const LiveUsageView = z.object({
  assetId: z.uuid().describe('The asset pulled (through one of its cuts)'),
  campaign: z.string().nullable().describe('The campaign the pulls named; null when they named none'),
  channel: z.string().describe('The channel the pulls were for, e.g. paid_social'),
  territory: z.string().describe('The country the pulls were for (ISO 3166-1 alpha-2)'),
  lastPulledAt: instant('The latest granted pull'),
  pulls: z.number().int().describe('How many granted pulls'),
});

/** The words of the fields a full license and its summary share. */
const terms = {
  id: z.uuid().describe('The license’s id'),
  status: z.enum(LICENSE_STATUSES).describe('As recorded: draft (not in force yet), active, or revoked; `state` says where it stands now'),
  territories: countries('Where the content may be used (WW alone: worldwide)'),
  excludedTerritories: countries('Countries taken out of `territories` (useful with WW)'),
  startsAt: instant('When the rights begin'),
  endsAt: instant('When the rights end (exclusive)').nullable().describe('When the rights end (exclusive), an ISO 8601 instant in UTC; null: perpetual'),
  derivativesAllowed: z.boolean().describe('Whether edits (ad cuts, crops with labels) may be made and used'),
  disclosureRequired: z.boolean().describe('Whether every use must carry an ad label (REKLAMA, #ad)'),
  attributionRequired: z.boolean().describe('Whether every use must name the creator'),
};

export const LicenseView = z.object({
  id: terms.id,
  assetIds: z.array(z.uuid()).describe('The assets it covers; empty when it covers all of `creatorId`’s content'),
  creatorId: z.uuid().nullable().describe('Set when it covers all of this creator’s content, posted and future; null when it names assets'),
  territories: terms.territories,
  excludedTerritories: terms.excludedTerritories,
  channels: z.array(z.enum(CHANNELS)).describe(`Where the content may be used: ${CHANNEL_WORDS}`),
  startsAt: terms.startsAt,
  endsAt: terms.endsAt,
  derivativesAllowed: terms.derivativesAllowed,
  exclusivity: z
    .object({
      scope: z.enum(['none', 'category', 'all']).describe('none; category: the creator works for no competitor in `category`; all: for no other brand'),
      category: z.string().optional().describe('The product category, when scope is category'),
      until: instant('When the exclusivity ends; absent: with the license').optional(),
    })
    .nullable()
    .describe('What the creator agreed not to do for others; null when nothing'),
  fee: z
    .object({
      amount: z.string().describe('The amount, an exact decimal as a string, e.g. "1500.00"'),
      currency: z.string().describe('ISO 4217 currency code, e.g. PLN or EUR'),
    })
    .nullable()
    .describe('What the brand pays for the license; null when nothing was recorded'),
  disclosureRequired: terms.disclosureRequired,
  attributionRequired: terms.attributionRequired,
  notes: z.string().nullable().describe('The brand’s internal notes; null when none'),
  status: terms.status,
  state: z.enum(LICENSE_STATES).describe('Where it stands now: draft, revoked, not_started, active, expiring (ends within 30 days) or expired'),
  revokedAt: instant('When it was revoked').nullable(),
  revokedReason: z.string().nullable().describe('Why it was revoked, when someone said'),
  contract: z
    .object({ filename: z.string().nullable().describe('The file name the contract was uploaded or generated under') })
    .nullable()
    .describe('The signed contract (GET /api/v1/licenses/{id}/contract gives a link); null when none is attached'),
  createdAt: instant('When it was recorded'),
  updatedAt: instant('When its terms last changed'),
});

export const LicenseWithUsages = LicenseView.extend({
  liveUsages: z.array(LiveUsageView).describe('Where its content went out: granted pulls grouped by asset, campaign, channel and territory'),
});

/** A license as an asset lists it: the terms that decide where the asset may be used. */
export const LicenseSummary = z.object({
  id: terms.id,
  status: terms.status,
  territories: terms.territories,
  excludedTerritories: terms.excludedTerritories,
  channels: z.array(z.string()).describe('Where the content may be used, e.g. paid_social, product_page'),
  startsAt: terms.startsAt,
  endsAt: terms.endsAt,
  derivativesAllowed: terms.derivativesAllowed,
  disclosureRequired: terms.disclosureRequired,
  attributionRequired: terms.attributionRequired,
});
