import { z } from 'zod';
import { instant } from './fields';

const Records = z.array(z.record(z.string(), z.unknown()).describe('A record as stored, its fields in camelCase'));

/** Everything held about a creator (RODO/GDPR access and portability), records as stored. */
export const CreatorExport = z.object({
  exportedAt: instant('When the export was made'),
  creator: z.record(z.string(), z.unknown()).describe('The creator’s record as stored'),
  assets: Records.describe('Deleted ones included'),
  licenses: Records.describe('Licenses over their content'),
  rightsRequests: Records.describe('With the evidence of each answer'),
  usages: Records.describe('The usage ledger of their assets'),
  takedownRequests: Records.describe('What they asked to take down from their page, with the answers'),
  pageLink: z
    .object({ expiresAt: instant('When the link stops working'), createdAt: instant('When it was made') })
    .nullable()
    .describe('Their page link, when one works (the link itself is a secret, left out)'),
  // Always in the reply. A default rather than required only because the export's documented example (api/routes/creators.ts) was written before codes.
  codes: Records.default([]).describe('Their discount and affiliate codes, deactivated ones included'),
  files: z
    .array(z.object({ key: z.string().describe('Where it is stored'), size: z.number().int().describe('Size in bytes') }))
    .describe('Every stored file about them: originals, renditions, cuts, contracts'),
});

export const CreatorErasure = z.object({
  creatorId: z.uuid().describe('The creator erased'),
  assetsDeleted: z.number().int().describe('Assets deleted with every file'),
  licensesKept: z.number().int().describe('Kept as the legal record, with the evidence hash only'),
  requestsRedacted: z.number().int().describe('Rights requests whose personal fields were removed'),
  filesRemoved: z.number().int().describe('Contract files removed (asset files are removed with the assets)'),
});
