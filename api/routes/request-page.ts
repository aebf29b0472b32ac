import type { Request } from 'express';
import { z } from 'zod';
import { thumbnailUrls } from '../../core/assets/asset-thumbnails';
import type { Services } from '../../core/runtime/services';
import { acceptRightsRequest, declineRightsRequest, type AnswerContext } from '../../core/rights-requests/answer-request';
import { requestOfLink } from '../../core/rights-requests/open-request';
import { requestPlainWords } from '../../core/rights-requests/request-plain-words';
import { effectiveStatus, type StoredRequest } from '../../core/rights-requests/rights-request-store';
import { visibleTextSchema } from '../../core/text/visible-text';
import { linkSettings } from '../http/link-settings';
import { defineRoute } from '../http/route';
import { PAGE_WORDS, type ClosedReason } from '../request-page/page-words';
import { messagePage, requestPage } from '../request-page/request-page-html';
import { sendPage, wantsPage } from '../request-page/send-page';

/**
 * The creator's side of a rights request, under /r/<link> with no account: the page with the
 * terms in plain words, and the two answers. Forms from the page get pages back; JSON gets JSON.
 */
const linkParams = z.object({ token: z.string().min(1).max(200) });

const AcceptInput = z.object({
  name: visibleTextSchema(200),
  email: z.string().trim().max(254).pipe(z.email('An e-mail address like anna@example.com')),
  agree: z.union([z.literal(true), z.literal('true')], { error: 'Tick the box to agree to the terms' }).describe('The explicit yes: true'),
});

const DeclineInput = z.object({
  reason: z
    .union([visibleTextSchema(2000, { minVisible: 1, multiline: true }), z.literal('')])
    .optional()
    .describe('Why, in the creator’s words (optional)'),
});

const pageRoute = defineRoute({
  method: 'get',
  path: '/r/:token',
  summary: 'The creator’s acceptance page (HTML, Polish or English): the assets, the terms in plain words, the fee, and the forms to accept or decline',
  tag: 'rights-requests',
  access: 'public',
  params: linkParams,
  responses: {
    200: { description: 'The page (text/html)' },
    404: { description: 'request_link_invalid: a link this product did not make, or an altered one (a page saying so)' },
    410: { description: 'The request was answered, cancelled or has expired (a page saying which)' },
  },
  handle: async ({ params, services, req, res }) => {
    const stored = await requestOfLink(services.database.db, services.signingSecret, params.token);
    const status = effectiveStatus(stored.row, new Date());
    if (status !== 'pending') return sendPage(res, services.config, 410, (nonce) => closedPage(stored, status, nonce));
    const data = await pageData(services, stored, req.path);
    sendPage(res, services.config, 200, (nonce) => requestPage(data, nonce));
  },
});

const acceptRoute = defineRoute({
  method: 'post',
  path: '/r/:token/accept',
  summary: 'The creator accepts (JSON or the page’s form): the license becomes active, with what the creator saw as evidence and a generated PDF contract',
  tag: 'rights-requests',
  access: 'public',
  params: linkParams,
  body: AcceptInput,
  responses: {
    200: { description: 'Accepted (a page, or this JSON)', schema: z.object({ requestId: z.uuid(), status: z.literal('accepted'), licenseId: z.uuid() }) },
    404: { description: 'request_link_invalid' },
    410: { description: 'request_accepted, request_declined, request_expired, request_cancelled, request_terms_ended' },
    422: { description: 'invalid_name, invalid_email, invalid_agree' },
  },
  handle: async ({ params, body, services, req, res }) => {
    const stored = await acceptRightsRequest(services, { name: body.name, email: body.email }, answerContext(services, req, params.token));
    const words = PAGE_WORDS[stored.row.language];
    if (wantsPage(req)) return sendPage(res, services.config, 200, (nonce) => messagePage(stored.row.language, words.accepted, words.acceptedDetail, nonce));
    return { body: { requestId: stored.row.id, status: 'accepted' as const, licenseId: stored.row.licenseId! } };
  },
});

const declineRoute = defineRoute({
  method: 'post',
  path: '/r/:token/decline',
  summary: 'The creator declines, optionally saying why (JSON or the page’s form)',
  tag: 'rights-requests',
  access: 'public',
  params: linkParams,
  body: DeclineInput,
  responses: {
    200: { description: 'Declined (a page, or this JSON)', schema: z.object({ requestId: z.uuid(), status: z.literal('declined') }) },
    404: { description: 'request_link_invalid' },
    410: { description: 'request_accepted, request_declined, request_expired, request_cancelled' },
    422: { description: 'invalid_reason' },
  },
  handle: async ({ params, body, services, req, res }) => {
    const stored = await declineRightsRequest(services, body.reason || null, answerContext(services, req, params.token));
    if (wantsPage(req))
      return sendPage(res, services.config, 200, (nonce) => messagePage(stored.row.language, PAGE_WORDS[stored.row.language].declined, null, nonce));
    return { body: { requestId: stored.row.id, status: 'declined' as const } };
  },
});

function answerContext(services: Services, req: Request, token: string): AnswerContext {
  return { token, link: `${linkSettings(services, req).baseUrl}/r/${token}`, userAgent: req.get('user-agent') ?? null, ip: req.ip ?? '' };
}

async function pageData(services: Services, stored: StoredRequest, path: string) {
  const { db } = services.database;
  const { row, assetIds } = stored;
  const shown = await requestPlainWords(db, stored, { brandName: services.config.brandName, timeZone: services.config.brandTimeZone });
  const thumbnails = assetIds.length ? await thumbnailUrls(db, services.storage, assetIds) : null;
  const locale = row.language === 'pl' ? 'pl-PL' : 'en-GB';
  return {
    language: row.language,
    path,
    title: shown.title,
    message: row.message,
    sentences: shown.sentences,
    expires: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: services.config.brandTimeZone }).format(row.expiresAt),
    posters: thumbnails
      ? assetIds.map((id, i) => ({ url: thumbnails.get(id) ?? null, label: PAGE_WORDS[row.language].item(i + 1) }))
      : ('future_posts' as const),
  };
}

function closedPage(stored: StoredRequest, status: ClosedReason, nonce: string): string {
  const words = PAGE_WORDS[stored.row.language];
  return messagePage(stored.row.language, words.closed[status], null, nonce);
}

export const requestPageRoutes = [pageRoute, acceptRoute, declineRoute];
