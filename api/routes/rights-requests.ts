import { z } from 'zod';
import { pageOf } from '../../core/contract/page';
import { RightsRequestView } from '../../core/contract/rights-request-replies';
import { CoherentRightsRequest, MAX_REQUEST_DAYS, NewRightsRequestInput, rightsRequestInZone } from '../../core/rights-requests/request-input';
import {
  cancelRightsRequest,
  createRightsRequest,
  getRightsRequest,
  listRightsRequests,
  renewRequestLink,
} from '../../core/rights-requests/rights-request-store';
import { rightsRequestView } from '../../core/rights-requests/rights-request-view';
import { RIGHTS_REQUEST_STATUSES } from '../../core/vocabulary/rights-request-status';
import { linkSettings } from '../http/link-settings';
import { idParams, pageQuery } from '../http/request-schemas';
import { defineRoute } from '../http/route';
import { validate } from '../http/validate';
import { instantOf, termTime, type TermTime } from '../../core/licensing/term-time';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { pageExample, rightsRequestExample } from '../../core/contract/reply-examples';

const WRITERS = ['content_manager'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/rights-requests',
  summary:
    'Ask a creator for a license: proposed terms (the fields of a license) over some of their assets, or with no assetIds over all of their content. ' +
    'Returns the link to their acceptance page (no account needed) and a message to paste into a DM or comment. ' +
    'Times (terms.startsAt, terms.endsAt, terms.exclusivity.until, expiresAt) are instants with an offset or calendar days in the license time zone (BRAND_TIME_ZONE, default Europe/Warsaw); terms.fee.amount is a decimal string or a number. A renewal (renewsLicenseId) takes the same terms.',
  tag: 'rights-requests',
  access: WRITERS,
  body: NewRightsRequestInput,
  bodyExample: {
    creatorId: EXAMPLE_IDS.creator,
    assetIds: [EXAMPLE_IDS.asset],
    terms: {
      territories: ['PL', 'DE'],
      channels: ['paid_social', 'product_page'],
      startsAt: '2026-12-01',
      endsAt: '2027-05-31',
      derivativesAllowed: true,
      fee: { amount: 1500, currency: 'PLN' },
      disclosureRequired: true,
    },
    message: 'Your linen shirt video is great: may we use it in our ads?',
    language: 'en',
    expiresAt: '2026-12-21',
  },
  responses: {
    201: {
      description: 'Asked: pending until the creator answers, the request is cancelled or it expires',
      schema: RightsRequestView,
      example: rightsRequestExample,
    },
    409: { description: 'license_revoked: the license a renewal names is revoked' },
    422: {
      description:
        'invalid_<field> (invalid_terms names the term), unknown_creator, unknown_asset_ids, asset_not_of_creator, unknown_license, license_not_of_creator',
    },
  },
  handle: async ({ body, caller, services, req }) => {
    const input = validate(CoherentRightsRequest, rightsRequestInZone(body, services.config.brandTimeZone), 'unprocessable');
    const stored = await createRightsRequest(services.database.db, caller!.keyId, input, services.config.brandName);
    return { status: 201, body: rightsRequestView(stored, linkSettings(services, req), new Date()) };
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/rights-requests',
  summary: 'Rights requests, newest first',
  tag: 'rights-requests',
  access: 'authenticated',
  query: z.object({
    status: z.enum(RIGHTS_REQUEST_STATUSES).optional().meta({ description: 'Only requests in this status', example: 'pending' }),
    creatorId: z.uuid().optional().meta({ description: 'Only requests to this creator', example: EXAMPLE_IDS.creator }),
    ...pageQuery({ max: 200, default: 50 }, 'id'),
  }),
  responses: {
    200: { description: 'A page of requests', schema: pageOf(RightsRequestView), example: pageExample(rightsRequestExample) },
    400: { description: 'invalid_status, invalid_creator_id, invalid_cursor' },
  },
  handle: async ({ query, services, req }) => {
    const page = await listRightsRequests(services.database.db, query);
    const link = linkSettings(services, req);
    const now = new Date();
    return { body: { items: page.items.map((stored) => rightsRequestView(stored, link, now)), nextCursor: page.nextCursor } };
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/rights-requests/:id',
  summary: 'A rights request: its state, its link, and once accepted the license it created and the evidence',
  tag: 'rights-requests',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: {
      description: 'The request',
      schema: RightsRequestView,
      example: {
        ...rightsRequestExample,
        status: 'accepted',
        licenseId: EXAMPLE_IDS.license,
        evidence: {
          method: 'link',
          text: 'Acme may use your video “Unboxing the linen shirt” in Poland and Germany, in paid social ads and on product pages, from 1 December 2026 to 31 May 2027…',
          sha256: '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
          language: 'en',
          acceptedAt: '2026-12-08T17:22:41.000Z',
          name: 'Anna Kowalska',
          email: 'ania@example.com',
          userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
          ipHash: 'b1946ac92492d2347c6235b4d2611184d6f1a2c8e5b7f09a3c4d5e6f7a8b9c0d',
          link: rightsRequestExample.url,
        },
        answeredAt: '2026-12-08T17:22:41.000Z',
      },
    },
    404: { description: 'rights_request_not_found' },
  },
  handle: async ({ params, services, req }) => ({
    body: rightsRequestView(await getRightsRequest(services.database.db, params.id), linkSettings(services, req), new Date()),
  }),
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/api/v1/rights-requests/:id/cancel',
  summary: 'Cancel a pending request: its link stops working at once. Cancelling again returns it unchanged.',
  tag: 'rights-requests',
  access: WRITERS,
  params: idParams,
  responses: {
    200: { description: 'Cancelled', schema: RightsRequestView, example: { ...rightsRequestExample, status: 'cancelled' } },
    404: { description: 'rights_request_not_found' },
    409: { description: 'rights_request_closed: already accepted, declined or expired (details.status)' },
  },
  handle: async ({ params, caller, services, req }) => ({
    body: rightsRequestView(await cancelRightsRequest(services.database.db, caller!.keyId, params.id), linkSettings(services, req), new Date()),
  }),
});

const resendRoute = defineRoute({
  method: 'post',
  path: '/api/v1/rights-requests/:id/resend',
  summary:
    'Send a pending request again: a new link and message (every earlier link stops working), optionally a later expiry; the expiry reminder is armed again',
  tag: 'rights-requests',
  access: WRITERS,
  params: idParams,
  body: z
    .object({
      expiresAt: termTime
        .optional()
        .describe('When the new link stops working: an instant with an offset, or a calendar day (to its end in the license time zone)'),
    })
    .strict(),
  bodyExample: { expiresAt: '2026-12-31' },
  responses: {
    200: {
      description: 'The request with its new link',
      schema: RightsRequestView,
      example: { ...rightsRequestExample, expiresAt: '2026-12-31T23:00:00.000Z' },
    },
    404: { description: 'rights_request_not_found' },
    409: { description: 'rights_request_closed: already answered, cancelled or expired (details.status)' },
    422: { description: 'invalid_expires_at' },
  },
  handle: async ({ params, body, caller, services, req }) => ({
    body: rightsRequestView(
      await renewRequestLink(services.database.db, caller!.keyId, params.id, resendExpiry(body.expiresAt, services.config.brandTimeZone)),
      linkSettings(services, req),
      new Date(),
    ),
  }),
});

/** A resend's expiry as an instant (a day lasts to its end in the license time zone), in the future and within the limit. */
function resendExpiry(expiresAt: TermTime | undefined, timeZone: string): Date | null {
  if (expiresAt === undefined) return null;
  const within = z
    .date()
    .refine((d) => d.getTime() > Date.now() && d.getTime() <= Date.now() + MAX_REQUEST_DAYS * DAY_MS, `in the future, at most ${MAX_REQUEST_DAYS} days away`);
  return validate(z.object({ expiresAt: within }), { expiresAt: instantOf(expiresAt, 'end', timeZone) }, 'unprocessable').expiresAt;
}

export const rightsRequestRoutes = [createRoute, listRoute, getRoute, cancelRoute, resendRoute];
