import { z } from 'zod';
import { TAKEDOWN_STATUSES } from '../vocabulary/takedown-status';

/** A creator's request, from their page, that some of their content stop being used. */
export const TakedownView = z.object({
  id: z.uuid(),
  creatorId: z.uuid(),
  creatorHandle: z.string(),
  platform: z.string(),
  assetIds: z.array(z.uuid()).describe('The assets named; empty means all of the creator’s content'),
  assets: z.array(z.object({ id: z.uuid(), title: z.string().nullable() })),
  reason: z.string().nullable().describe('In the creator’s words'),
  status: z.enum(TAKEDOWN_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedNote: z.string().nullable().describe('What the content manager did'),
});

/** The creator's page link, to copy and send them. */
export const CreatorPageLinkView = z.object({
  url: z.string().describe('The creator’s page (absolute): their content, where it is used and until when, and a takedown form'),
  expiresAt: z.string(),
});
