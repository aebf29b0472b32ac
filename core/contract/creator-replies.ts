import { z } from 'zod';
import { CREATOR_TIERS } from '../vocabulary/creator-tier';
import { instant } from './fields';

export const CreatorView = z.object({
  id: z.uuid().describe('The creator’s id'),
  handle: z.string().describe('Their handle on the platform, in lower case, without the @'),
  platform: z.string().describe('Where they post, e.g. tiktok, instagram or youtube'),
  followers: z.number().int().describe('Followers on the platform'),
  engagementRate: z.number().nullable().describe('A fraction of followers engaging: 0.034 is 3.4 %; null when not measured'),
  contactEmail: z.string().nullable().describe('Where the brand reaches the creator'),
  tier: z.enum(CREATOR_TIERS).describe('From followers: nano from 1,000, micro from 10,000, macro from 100,000, mega from 1,000,000; none below 1,000'),
  createdAt: instant('When they were added'),
});
