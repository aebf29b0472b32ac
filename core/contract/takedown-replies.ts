import { z } from 'zod';
import { TAKEDOWN_STATUSES } from '../vocabulary/takedown-status';
import { instant } from './fields';

/** A creator's request, from their page, that some of their content stop being used. */
export const TakedownView = z.object({
  id: z.uuid().describe('The takedown request’s id'),
  creatorId: z.uuid().describe('The creator who asked'),
  creatorHandle: z.string().describe('Their handle'),
  platform: z.string().describe('Their platform'),
  assetIds: z.array(z.uuid()).describe('The assets named; empty means all of the creator’s content'),
  assets: z
    .array(z.object({ id: z.uuid().describe('The asset’s id'), title: z.string().nullable().describe('Its title, when it has one') }))
    .describe('The assets named, with their titles'),
  reason: z.string().nullable().describe('In the creator’s words'),
  status: z.enum(TAKEDOWN_STATUSES).describe('open until a content manager resolves it'),
  createdAt: instant('When the creator asked'),
  resolvedAt: instant('When it was resolved').nullable(),
  resolvedNote: z.string().nullable().describe('What the content manager did'),
});

/** The creator's page link, to copy and send them. */
export const CreatorPageLinkView = z.object({
  url: z.string().describe('The creator’s page (absolute): their content, where it is used and until when, and a takedown form'),
  expiresAt: instant('When the link stops working'),
});
