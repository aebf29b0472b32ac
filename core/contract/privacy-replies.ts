import { z } from 'zod';

const Records = z.array(z.record(z.string(), z.unknown()));

/** Everything held about a creator (RODO/GDPR access and portability), records as stored. */
export const CreatorExport = z.object({
  exportedAt: z.string(),
  creator: z.record(z.string(), z.unknown()),
  assets: Records.describe('Deleted ones included'),
  licenses: Records,
  rightsRequests: Records.describe('With the evidence of each answer'),
  usages: Records.describe('The usage ledger of their assets'),
  takedownRequests: Records.describe('What they asked to take down from their page, with the answers'),
  pageLink: z
    .object({ expiresAt: z.string(), createdAt: z.string() })
    .nullable()
    .describe('Their page link, when one works (the link itself is a secret, left out)'),
  files: z.array(z.object({ key: z.string(), size: z.number().int() })).describe('Every stored file about them: originals, renditions, cuts, contracts'),
});

export const CreatorErasure = z.object({
  creatorId: z.uuid(),
  assetsDeleted: z.number().int(),
  licensesKept: z.number().int().describe('Kept as the legal record, with the evidence hash only'),
  requestsRedacted: z.number().int(),
  filesRemoved: z.number().int().describe('Contract files removed (asset files are removed with the assets)'),
});
