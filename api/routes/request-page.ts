import type { Request, Response } from 'express';
import { z } from 'zod';
import { thumbnailUrls } from '../../core/assets/asset-thumbnails';
import { isDomainError, type DomainError } from '../../core/errors/domain-error';
import type { Services } from '../../core/runtime/services';
import { acceptRightsRequest, declineRightsRequest, type AnswerContext } from '../../core/rights-requests/answer-request';
import { requestOfLink } from '../../core/rights-requests/open-request';
import {
  MAX_ORIGINALS_PER_REQUEST,
  openOriginals,
  originalsUntil,
  ORIGINALS_UPLOAD_DAYS,
  type OriginalsWindow,
} from '../../core/rights-requests/request-originals';
import { requestPlainWords } from '../../core/rights-requests/request-plain-words';
import { effectiveStatus, type StoredRequest } from '../../core/rights-requests/rights-request-store';
import { visibleTextSchema } from '../../core/text/visible-text';
import { ASSET_STATUSES } from '../../core/vocabulary/asset-kinds';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { errorResponse } from '../http/error-handler';
import { linkSettings } from '../http/link-settings';
import { defineRoute } from '../http/route';
import { PAGE_WORDS, type ClosedReason } from '../request-page/page-words';
import { receiveRequestOriginal, wantsOriginalsPage } from '../request-page/original-upload';
import { acceptedPage, messagePage, originalsPage, requestPage, type OriginalsOffer } from '../request-page/request-page-html';
import { browserLanguage, sendPage, wantsPage } from '../request-page/send-page';
import { EXAMPLE_IDS, EXAMPLE_JOB_ID } from '../../core/contract/example-ids';

/**
 * The creator's side of a rights request, under /r/<link> with no account: the page with the
 * terms in plain words, the two answers, and after a yes the optional upload of the originals.
 * Forms from the page get pages back; JSON gets JSON.
 */
const EXAMPLE_TOKEN = '7a4c9e1b3f624d85a0b7e5c2d8f1a946.kX9vQ2mT';
const linkParams = z.object({
  token: z.string().min(1).max(200).meta({ description: 'The secret part of the request’s link (its `url`)', example: EXAMPLE_TOKEN }),
});
const originalsUrl = `https://ugc.example.com/r/${EXAMPLE_TOKEN}/originals`;

const AcceptInput = z.object({
  name: visibleTextSchema(200).describe('The creator’s full name, as on the contract: up to 200 characters'),
  email: z.string().trim().max(254).pipe(z.email('An e-mail address like anna@example.com')).describe('Where the creator receives the contract'),
  agree: z
    .union([z.literal(true), z.literal('true')], { error: 'Tick the box to agree to the terms' })
    .describe('The explicit yes: true (or "true" from a form)'),
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
    const { db } = services.database;
    const stored = await requestOfLink(db, services.signingSecret, params.token);
    const status = effectiveStatus(stored.row, new Date());
    if (status !== 'pending') {
      // Answered links stay 410; after a yes the page still offers the originals' upload while it is open (a creator who closed the thank-you page).
      const open = status === 'accepted' ? await openOriginals(db, services.signingSecret, params.token, new Date()).catch(() => null) : null;
      const offer = open && originalsOffer(services, stored.row.language, params.token, open.window);
      const closed = PAGE_WORDS[stored.row.language].closed[status];
      if (offer) return sendPage(res, services.config, 410, (nonce) => originalsPage(stored.row.language, closed, null, offer, nonce));
      return sendPage(res, services.config, 410, (nonce) => closedPage(stored, status, nonce));
    }
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
  bodyExample: { name: 'Anna Kowalska', email: 'ania@example.com', agree: true },
  responses: {
    200: {
      description: 'Accepted (a page offering the upload of the originals, or this JSON)',
      example: {
        requestId: EXAMPLE_IDS.rightsRequest,
        status: 'accepted',
        licenseId: EXAMPLE_IDS.license,
        originals: { url: originalsUrl, until: '2026-12-22T17:22:41.000Z', maxFiles: MAX_ORIGINALS_PER_REQUEST },
      },
      schema: z.object({
        requestId: z.uuid().describe('The rights request’s id'),
        status: z.literal('accepted').describe('The request is accepted'),
        licenseId: z.uuid().describe('The license now active'),
        originals: z
          .object({
            url: z.url().describe('Where to POST the files (multipart, field file)'),
            until: z.iso.datetime().describe('Until when files are taken: an ISO 8601 instant in UTC'),
            maxFiles: z.number().int().positive().describe('How many files at most'),
          })
          .describe('Where the original files may be sent in full quality (optional): POST /r/{token}/originals, until the given time, at most maxFiles'),
      }),
    },
    404: { description: 'request_link_invalid' },
    410: { description: 'request_accepted, request_declined, request_expired, request_cancelled, request_terms_ended' },
    422: { description: 'invalid_name, invalid_email, invalid_agree' },
  },
  handle: async ({ params, body, services, req, res }) => {
    const context = answerContext(services, req, params.token);
    const stored = await acceptRightsRequest(services, { name: body.name, email: body.email }, context);
    const until = originalsUntil(stored);
    if (wantsPage(req)) {
      const offer = { action: originalsPath(params.token), remaining: MAX_ORIGINALS_PER_REQUEST, until: when(services, stored.row.language, until) };
      return sendPage(res, services.config, 200, (nonce) => acceptedPage(stored.row.language, offer, nonce));
    }
    const originals = { url: `${context.link}/originals`, until: until.toISOString(), maxFiles: MAX_ORIGINALS_PER_REQUEST };
    return { body: { requestId: stored.row.id, status: 'accepted' as const, licenseId: stored.row.licenseId!, originals } };
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
  bodyExample: { reason: 'I only allow organic posts, not ads.' },
  responses: {
    200: {
      description: 'Declined (a page, or this JSON)',
      schema: z.object({ requestId: z.uuid().describe('The rights request’s id'), status: z.literal('declined').describe('The request is declined') }),
      example: { requestId: EXAMPLE_IDS.rightsRequest, status: 'declined' },
    },
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

const OriginalReceived = z.object({
  requestId: z.uuid().describe('The rights request’s id'),
  assetId: z.uuid().describe('The asset the file became'),
  status: z.enum(ASSET_STATUSES).describe('The asset’s: `uploaded` until its processing job has run'),
  jobId: z.string().nullable().describe('Its processing job (GET /api/v1/jobs/{id}), as for an API upload'),
  licenseId: z.uuid().describe('The license granted, which covers the asset'),
  remaining: z.number().int().min(0).describe('How many more files the link takes'),
  until: z.iso.datetime().describe('Until when it takes them: an ISO 8601 instant in UTC'),
});

const originalReceivedExample = {
  requestId: EXAMPLE_IDS.rightsRequest,
  assetId: EXAMPLE_IDS.otherAsset,
  status: 'uploaded' as const,
  jobId: EXAMPLE_JOB_ID,
  licenseId: EXAMPLE_IDS.license,
  remaining: MAX_ORIGINALS_PER_REQUEST - 1,
  until: '2026-12-22T17:22:41.000Z',
};

const originalsRoute = defineRoute({
  method: 'post',
  path: '/r/:token/originals',
  summary:
    `After accepting, the creator may send the original files in full quality (optional): multipart/form-data with one field, file, ` +
    `through the same streaming upload as POST /api/v1/assets (size limit, type judged by the bytes). Each becomes the creator’s asset, ` +
    `with the requested assets’ products, covered by the granted license, and is processed like any upload. Open for ${ORIGINALS_UPLOAD_DAYS} days ` +
    `after the acceptance, for at most ${MAX_ORIGINALS_PER_REQUEST} files; the page’s form gets a page back (Accept: text/html), a program JSON.`,
  tag: 'rights-requests',
  access: 'public',
  params: linkParams,
  responses: {
    201: { description: 'Received: a new asset, covered by the license (a page, or this JSON)', schema: OriginalReceived, example: originalReceivedExample },
    200: {
      description: 'These bytes were already this creator’s asset: that asset, now covered by the license too',
      schema: OriginalReceived,
      example: { ...originalReceivedExample, assetId: EXAMPLE_IDS.asset, status: 'ready' as const, jobId: null },
    },
    400: { description: 'Malformed form: unexpected_field, unexpected_file_field, too_many_files, invalid_multipart…' },
    404: { description: 'request_link_invalid' },
    409: {
      description:
        'request_not_accepted (still waiting for its answer), too_many_originals, original_of_another_creator, asset_deleted (these bytes were an asset that was deleted)',
    },
    410: {
      description: 'request_declined, request_expired, request_cancelled; request_upload_closed (too long after the acceptance, or the license was revoked)',
    },
    413: { description: 'file_too_large: over UPLOAD_LIMIT_MB' },
    415: { description: 'unsupported_media_type (judged by content) or expected_multipart' },
    422: { description: 'missing_file, empty_file, image_too_large' },
  },
  handle: async ({ params, services, req, res }) => {
    const page = wantsOriginalsPage(req);
    try {
      const { added, jobId } = await receiveRequestOriginal(req, res, services, params.token);
      const { stored, asset, created, window } = added;
      const status = created ? 201 : 200;
      if (page) {
        const { language } = stored.row;
        const words = PAGE_WORDS[language].originals;
        const offer = originalsOffer(services, language, params.token, window);
        return sendPage(res, services.config, status, (nonce) => originalsPage(language, words.received, offer ? null : words.noMore, offer, nonce));
      }
      const body = {
        requestId: stored.row.id,
        assetId: asset.id,
        status: asset.status,
        jobId,
        licenseId: window.licenseId,
        remaining: window.remaining,
        until: window.until.toISOString(),
      };
      return { status, body };
    } catch (err) {
      if (page && isDomainError(err) && !res.headersSent) return sendOriginalRefused(services, req, res, params.token, err);
      throw err;
    }
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
  return {
    language: row.language,
    path,
    title: shown.title,
    message: row.message,
    sentences: shown.sentences,
    expires: when(services, row.language, row.expiresAt),
    posters: thumbnails
      ? assetIds.map((id, i) => ({ url: thumbnails.get(id) ?? null, label: PAGE_WORDS[row.language].item(i + 1) }))
      : ('future_posts' as const),
  };
}

function closedPage(stored: StoredRequest, status: ClosedReason, nonce: string): string {
  const words = PAGE_WORDS[stored.row.language];
  return messagePage(stored.row.language, words.closed[status], null, nonce);
}

/** A time as the creator reads it: in their language, in the brand's time zone. */
const when = (services: Services, language: RequestLanguageCode, at: Date): string =>
  new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: services.config.brandTimeZone }).format(at);

const originalsPath = (token: string): string => `/r/${token}/originals`;

/** The upload form's offer while the link takes more files; null once it takes none. */
function originalsOffer(services: Services, language: RequestLanguageCode, token: string, window: OriginalsWindow): OriginalsOffer | null {
  return window.remaining > 0 ? { action: originalsPath(token), remaining: window.remaining, until: when(services, language, window.until) } : null;
}

/**
 * A file the page's form sent, refused: a page saying why in the request's language (the
 * browser's for a link we did not make), with the form again while the link still takes files.
 */
async function sendOriginalRefused(services: Services, req: Request, res: Response, token: string, err: DomainError): Promise<void> {
  const { db } = services.database;
  const language = await requestOfLink(db, services.signingSecret, token).then(
    (stored) => stored.row.language,
    () => browserLanguage(req),
  );
  const words = PAGE_WORDS[language];
  const open = await openOriginals(db, services.signingSecret, token, new Date()).catch(() => null);
  const offer = open && originalsOffer(services, language, token, open.window);
  const closed = err.code.replace(/^request_/, '');
  const reason =
    err.kind === 'not_found'
      ? words.invalid
      : err.kind === 'gone' && closed in words.closed
        ? words.closed[closed as ClosedReason]
        : (words.originals.reasons[err.code] ?? (offer ? words.originals.tryAgain : null));
  sendPage(res, services.config, errorResponse(err).status, (nonce) => originalsPage(language, words.originals.refused, reason, offer, nonce));
}

export const requestPageRoutes = [pageRoute, acceptRoute, declineRoute, originalsRoute];
