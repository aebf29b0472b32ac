import { z } from 'zod';
import { CREATOR_TIERS } from '../vocabulary/creator-tier';

export const CreatorView = z.object({
  id: z.uuid(),
  handle: z.string(),
  platform: z.string(),
  followers: z.number().int(),
  engagementRate: z.number().nullable(),
  tier: z.enum(CREATOR_TIERS),
  createdAt: z.string(),
});
