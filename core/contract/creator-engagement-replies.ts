import { z } from 'zod';
import { instant } from './fields';

/** A creator's reach at one moment: when they were added, then after each change of followers or engagement. */
export const EngagementPoint = z.object({
  at: instant('When the creator had these figures'),
  followers: z.number().int().describe('Followers on the platform'),
  engagementRate: z.number().nullable().describe('A fraction: 0.034 is 3.4 %'),
});

export const EngagementHistory = z.object({ items: z.array(EngagementPoint).describe('Oldest first') });
