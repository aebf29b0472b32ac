import { z } from 'zod';
import { CREATOR_TIERS } from '../vocabulary/creator-tier';

export const CreatorView = z.object({
  id: z.uuid(),
  handle: z.string(),
  platform: z.string(),
  followers: z.number().int(),
  engagementRate: z.number().nullable(),
  contactEmail: z.string().nullable().describe('Where the brand reaches the creator'),
  tier: z.enum(CREATOR_TIERS),
  createdAt: z.string(),
});
