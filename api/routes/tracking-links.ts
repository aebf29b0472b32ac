import type { Request, Response } from 'express';
import { z } from 'zod';
import { pageOf } from '../../core/contract/page';
import { pageExample } from '../../core/contract/reply-examples';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { EXAMPLE_TRACKING_LINK_ID, TrackingLinkView, trackingLinkExample } from '../../core/contract/tracking-replies';
import { DomainError, notFound } from '../../core/errors/domain-error';
import { decodePageCursor } from '../../core/paging/page-cursor';
import type { Services } from '../../core/runtime/services';
import { clickVerdict } from '../../core/tracking/click-verdict';
import { disableTrackingLink } from '../../core/tracking/disable-link';
import { countClick, linkOfCode } from '../../core/tracking/link-clicks';
import { looksLikeLinkCode } from '../../core/tracking/link-code';
import { listTrackingLinks } from '../../core/tracking/list-links';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { linkSettings } from '../http/link-settings';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/request-schemas';
import { messagePage } from '../request-page/request-page-html';
import { browserLanguage, sendPage } from '../request-page/send-page';

/**
 * Tracking links: made by ad pulls with a landing URL (api/routes/ads.ts), followed by people at
 * /t/<code>, listed with their clicks and disabled by the teams that run the ads.
 */
const listLinks = defineRoute({
  method: 'get',
  path: '/api/v1/tracking-links',
  summary: 'Tracking links made by pulls, newest first, each with its clicks',
  tag: 'ads',
  access: ['performance', 'content_manager', 'viewer'],
  query: z.object({
    cutId: z.uuid().optional().meta({ description: 'Only links of pulls of this cut', example: EXAMPLE_IDS.cut }),
    campaign: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Only links of pulls that named this campaign (exactly)', example: 'Summer linen 2027' }),
    ...pageQuery({ max: 500, default: 100 }, 'opaque'),
  }),
  responses: {
    200: { description: 'Tracking links', schema: pageOf(TrackingLinkView), example: pageExample(trackingLinkExample) },
    400: { description: 'invalid_cut_id, invalid_campaign, invalid_cursor' },
  },
  handle: async ({ query, services, req }) => {
    const { limit, cursor, ...filter } = query;
    const { baseUrl } = linkSettings(services, req);
    return { body: await listTrackingLinks(services.database.db, filter, baseUrl, limit, cursor ? decodePageCursor(cursor) : undefined) };
  },
});

const disableLink = defineRoute({
  method: 'post',
  path: '/api/v1/tracking-links/:id/disable',
  summary: 'Disable a tracking link for good: it answers 410 from now on and redirects no one',
  tag: 'ads',
  access: ['performance', 'content_manager'],
  params: z.object({ id: z.uuid().meta({ description: 'The tracking link’s id (trackingLinkId of the pull)', example: EXAMPLE_TRACKING_LINK_ID }) }),
  responses: {
    200: {
      description: 'The link, disabled (already disabled: unchanged)',
      schema: TrackingLinkView,
      example: { ...trackingLinkExample, disabledAt: '2026-12-07T10:00:00.000Z' },
    },
    404: { description: 'tracking_link_not_found' },
  },
  handle: async ({ params, caller, services, req }) => {
    const { baseUrl } = linkSettings(services, req);
    return { body: await disableTrackingLink(services.database.db, params.id, caller!.keyId, baseUrl) };
  },
});

const followLink = defineRoute({
  method: 'get',
  path: '/t/:code',
  summary:
    'Follow a tracking link: 302 to its tracked URL, counting the click (not for HEAD, prefetches or bots); a page saying so for an unknown or disabled link',
  tag: 'ads',
  access: 'public',
  params: z.object({
    // Any text: whatever is not one of our codes is unknown (404), never a 400 about its shape.
    code: z.string().meta({ description: 'The link’s code, from its trackingLink', example: 'q3Vx8LmT2pKc9ZsR4yWb7A' }),
  }),
  responses: {
    302: { description: 'To the tracked URL (`Location`), never cached so that every click is counted' },
    404: { description: 'No such link: a small HTML page for a browser (Accept: text/html), else tracking_link_not_found' },
    410: { description: 'The link was disabled: a small HTML page for a browser (Accept: text/html), else tracking_link_disabled' },
  },
  handle: async ({ params, services, req, res }) => {
    const { db } = services.database;
    const link = looksLikeLinkCode(params.code) ? await linkOfCode(db, params.code) : null;
    if (!link) return refuse(req, res, services, notFound('tracking_link'));
    if (link.disabled) return refuse(req, res, services, new DomainError('gone', 'tracking_link_disabled', 'This tracking link was disabled'));
    if (clickVerdict(req.method, req.headers) === 'click') {
      // A lost count must not cost the person their page: log it and send them on.
      await countClick(db, link.id).catch((err: unknown) => services.logger.warn({ err, linkId: link.id }, 'tracking link click not counted'));
    }
    return { status: 302, headers: { Location: link.trackedUrl, 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } };
  },
});

/** The words of the page an unknown or disabled link answers, in the visitor's language. */
const LINK_PAGE_WORDS: Record<RequestLanguageCode, Record<404 | 410, [heading: string, detail: string]>> = {
  en: {
    404: ['This link does not exist', 'Check that it was copied whole.'],
    410: ['This link is no longer active', 'The brand has switched it off.'],
  },
  pl: {
    404: ['Ten link nie istnieje', 'Sprawdź, czy został skopiowany w całości.'],
    410: ['Ten link nie jest już aktywny', 'Marka go wyłączyła.'],
  },
};

/**
 * Never a redirect: a person at a browser gets a page in their language, a program (no Accept,
 * or JSON preferred) the API's usual JSON error.
 */
function refuse(req: Request, res: Response, services: Services, error: DomainError): void {
  if (req.accepts(['json', 'html']) !== 'html') throw error;
  sendLinkPage(req, res, services, error.kind === 'gone' ? 410 : 404);
}

function sendLinkPage(req: Request, res: Response, services: Services, status: 404 | 410): void {
  const language = browserLanguage(req);
  const [heading, detail] = LINK_PAGE_WORDS[language][status];
  res.set('X-Robots-Tag', 'noindex');
  sendPage(res, services.config, status, (nonce) => messagePage(language, heading, detail, nonce));
}

export const trackingLinkRoutes = [listLinks, disableLink, followLink];
