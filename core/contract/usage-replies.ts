import { z } from 'zod';
import { USAGE_OUTCOMES } from '../vocabulary/usage-outcomes';

/** One entry of the usage ledger: a pull, granted under a license or refused with the reasons. */
export const UsageView = z.object({
  id: z.uuid(),
  outcome: z.enum(USAGE_OUTCOMES),
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
