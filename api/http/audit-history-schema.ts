import { z } from 'zod';
import { instant } from '../../core/contract/fields';

/** An entity's audit entries, oldest first (GET …/history of a license or an asset). */
export const AuditHistory = z.object({
  items: z
    .array(
      z.object({
        id: z.uuid().describe('The audit entry’s id'),
        action: z.string().describe('What happened, e.g. license.update, asset.cuts_made or asset.original_download'),
        actor: z
          .object({ keyId: z.uuid().describe('The key’s id'), name: z.string().describe('The key’s name') })
          .nullable()
          .describe('The API key that acted; null for the system'),
        at: instant('When it happened'),
        before: z.unknown().describe('The record (or the changed fields) before; null when it was created'),
        after: z.unknown().describe('The record (or the changed fields) after'),
      }),
    )
    .describe('Oldest first'),
});
