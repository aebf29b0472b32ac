import { z } from 'zod';
import { creatorOfPageLink } from '../../core/creator-page/creator-page-link';
import { creatorPage } from '../../core/creator-page/creator-page-view';
import { requestTakedown } from '../../core/creator-page/takedown-store';
import { TakedownView } from '../../core/contract/takedown-replies';
import { visibleTextSchema } from '../../core/text/visible-text';
import { REQUEST_LANGUAGES, type RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { creatorPageHtml } from '../creator-page/creator-page-html';
import { CREATOR_PAGE_WORDS } from '../creator-page/creator-page-words';
import { defineRoute } from '../http/route';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { takedownExample } from '../../core/contract/reply-examples';
import { messagePage } from '../request-page/request-page-html';
import { browserLanguage, sendPage, wantsPage } from '../request-page/send-page';

/**
 * The creator's own page, under /c/<link> with no account: everything of theirs the brand
 * holds, where it went out and until when, and a form to ask for a takedown (the only write).
 */
const linkParams = z.object({
  token: z.string().min(1).max(200).meta({
    description: 'The secret part of the creator’s page link (POST /api/v1/creators/{id}/page-link)',
    example: '9b2e4d715c3a4f08b6e271a9d0c4e8f3.Hq3Lw8Zp',
  }),
});
const pageQuery = z.object({
  lang: z.enum(REQUEST_LANGUAGES).optional().meta({ description: 'The page’s language: pl or en; the browser’s when absent', example: 'pl' }),
});

/** One id (a single ticked box in a form) or several; none means all of the creator's content. */
const TakedownInput = z.object({
  assetIds: z
    .union([z.uuid(), z.array(z.uuid()).max(500)])
    .optional()
    .transform((ids) => (ids === undefined ? [] : Array.isArray(ids) ? ids : [ids]))
    .describe('The assets to take down; none: all of the creator’s content'),
  reason: z
    .union([visibleTextSchema(2000, { minVisible: 1, multiline: true }), z.literal('')])
    .optional()
    .describe('Why, in the creator’s words (optional)'),
  lang: z.enum(REQUEST_LANGUAGES).optional().describe('The language of the page sent back to a form: pl or en'),
});

const pageRoute = defineRoute({
  method: 'get',
  path: '/c/:token',
  summary:
    'The creator’s own page (HTML, Polish or English): their assets, what each license allows and until when, where each went out (the usage ledger), the ad versions with their labels, and a takedown form',
  tag: 'creator-page',
  access: 'public',
  params: linkParams,
  query: pageQuery,
  responses: {
    200: { description: 'The page (text/html)' },
    404: { description: 'creator_link_invalid: a link this product did not make, an altered one, or one revoked or replaced (a page saying so)' },
    410: { description: 'creator_link_expired (a page saying so)' },
  },
  handle: async ({ params, query, services, req, res }) => {
    const { db } = services.database;
    const creatorId = await creatorOfPageLink(db, services.signingSecret, params.token);
    const language = query.lang ?? browserLanguage(req);
    const { brandName, brandTimeZone: timeZone } = services.config;
    const page = await creatorPage(db, services.storage, creatorId, { language, brandName, timeZone });
    const takedownAction = `${req.path}/takedown${query.lang ? `?lang=${query.lang}` : ''}`;
    sendPage(res, services.config, 200, (nonce) => creatorPageHtml({ page, language, brandName, timeZone, takedownAction }, nonce));
  },
});

const takedownRoute = defineRoute({
  method: 'post',
  path: '/c/:token/takedown',
  summary:
    'The creator asks for some of their content (or all of it) to stop being used: a request the content managers see and answer; nothing is withdrawn automatically',
  tag: 'creator-page',
  access: 'public',
  params: linkParams,
  query: pageQuery,
  body: TakedownInput,
  bodyExample: { assetIds: [EXAMPLE_IDS.asset], reason: 'I no longer work with this shop.' },
  responses: {
    201: { description: 'Recorded (this JSON; a form gets a page saying so)', schema: TakedownView, example: takedownExample },
    404: { description: 'creator_link_invalid' },
    409: { description: 'too_many_takedowns: earlier requests are still waiting for the brand' },
    410: { description: 'creator_link_expired' },
    422: { description: 'invalid_asset_ids, invalid_reason, unknown_asset (not theirs, or no such asset)' },
  },
  handle: async ({ params, query, body, services, req, res }) => {
    const creatorId = await creatorOfPageLink(services.database.db, services.signingSecret, params.token);
    const takedown = await requestTakedown(services, creatorId, { assetIds: body.assetIds, reason: body.reason || null });
    if (!wantsPage(req)) return { status: 201, body: takedown };
    const language: RequestLanguageCode = query.lang ?? body.lang ?? browserLanguage(req);
    sendPage(res, services.config, 201, (nonce) => messagePage(language, CREATOR_PAGE_WORDS[language].sent, null, nonce));
  },
});

export const creatorPageRoutes = [pageRoute, takedownRoute];
