import { z } from 'zod';

/** An entity's audit entries, oldest first (GET …/history of a license or an asset). */
export const AuditHistory = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      action: z.string(),
      actor: z.object({ keyId: z.uuid(), name: z.string() }).nullable().describe('The API key that acted; null for the system'),
      at: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
