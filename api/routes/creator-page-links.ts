import { z } from 'zod';
import { instantOf, termTime } from '../../core/licensing/term-time';
import { CreatorPageLinkView } from '../../core/contract/takedown-replies';
import { DEFAULT_PAGE_LINK_DAYS, MAX_PAGE_LINK_DAYS, makeCreatorPageLink, revokeCreatorPageLink } from '../../core/creator-page/creator-page-link';
import { linkSettings } from '../http/link-settings';
import { idParams } from '../http/request-schemas';
import { defineRoute } from '../http/route';
import { creatorPageLinkExample } from '../../core/contract/reply-examples';

const WRITERS = ['content_manager'] as const;

const makeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/creators/:id/page-link',
  summary:
    'Make the link to the creator’s own page (no account needed: their content, where it is used and until when, the ad versions, a takedown form). ' +
    'A new link makes every earlier one stop working.',
  tag: 'creators',
  access: WRITERS,
  params: idParams,
  body: z.object({
    expiresAt: termTime
      .optional()
      .describe(
        `When the link stops working: an instant with an offset, or a calendar day (to its end in the license time zone); ${DEFAULT_PAGE_LINK_DAYS} days from now when absent, at most ${MAX_PAGE_LINK_DAYS}`,
      ),
  }),
  bodyExample: { expiresAt: '2027-03-07' },
  responses: {
    201: { description: 'The link, to copy and send', schema: CreatorPageLinkView, example: creatorPageLinkExample },
    404: { description: 'creator_not_found' },
    422: { description: 'invalid_expires_at, expires_in_past, expires_too_late' },
  },
  handle: async ({ params, body, caller, services, req }) => ({
    status: 201,
    body: await makeCreatorPageLink(
      services.database.db,
      linkSettings(services, req),
      caller!.keyId,
      params.id,
      body.expiresAt && instantOf(body.expiresAt, 'end', services.config.brandTimeZone),
    ),
  }),
});

const revokeRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/creators/:id/page-link',
  summary: 'Revoke the creator’s page link: every copy of it stops working at once (revoking when there is none changes nothing)',
  tag: 'creators',
  access: WRITERS,
  params: idParams,
  responses: { 204: { description: 'Revoked' }, 404: { description: 'creator_not_found' } },
  handle: async ({ params, caller, services }) => {
    await revokeCreatorPageLink(services.database.db, caller!.keyId, params.id);
    return { status: 204 };
  },
});

export const creatorPageLinkRoutes = [makeRoute, revokeRoute];
