import { z } from 'zod';
import { USAGE_OUTCOMES } from '../vocabulary/usage-outcomes';
import { instant } from './fields';

/** One entry of the usage ledger: a pull, granted under a license or refused with the reasons. */
export const UsageView = z.object({
  id: z.uuid().describe('The ledger entry’s id (the usageId of the pull)'),
  outcome: z.enum(USAGE_OUTCOMES).describe('granted, or refused by the rights check'),
  reasons: z.array(z.string()).describe('Why it was refused (rights reason codes such as expired, channel_not_granted); empty when granted'),
  apiKeyId: z.uuid().describe('The API key that pulled'),
  assetId: z.uuid().describe('The asset pulled'),
  cutId: z.uuid().nullable().describe('The cut pulled'),
  licenseId: z.uuid().nullable().describe('The license it was granted under; null when refused'),
  channel: z.string().describe('The channel the use was for'),
  territory: z.string().describe('The country the use was for (ISO 3166-1 alpha-2)'),
  campaign: z.string().nullable().describe('The campaign the pull named'),
  at: instant('When it was pulled'),
});
