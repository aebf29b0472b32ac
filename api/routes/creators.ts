import { z } from 'zod';
import { CreatorView } from '../../core/contract/creator-replies';
import { CreatorErasure, CreatorExport } from '../../core/contract/privacy-replies';
import { eraseCreator } from '../../core/privacy/erase-creator';
import { exportCreator } from '../../core/privacy/export-creator';
import { pageOf } from '../../core/contract/page';
import { createCreator, getCreator, updateCreator } from '../../core/licensing/creator-store';
import { CREATOR_SORTS, listCreators } from '../../core/licensing/creator-list';
import { engagementHistory } from '../../core/licensing/creator-engagement';
import { EngagementHistory } from '../../core/contract/creator-engagement-replies';
import { CREATOR_TIERS } from '../../core/vocabulary/creator-tier';
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE, normalizeHandle } from '../../core/text/identifier-text';
import { defineRoute } from '../http/route';
import { typedNumber } from '../http/typed-number';
import { idParams, pageQuery } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { creatorExample, pageExample } from '../../core/contract/reply-examples';

/** The integer column's ceiling: larger counts would fail in the database rather than here. */
const MAX_FOLLOWERS = 2_147_483_647;

/**
 * Handles are stored as platforms compare them: NFKC-normalised, in lower case, without a
 * leading `@`, so `@Anna`, `anna` and `ＡＮＮＡ` are the same creator (409 `creator_exists`),
 * not three. Zero-width, direction and control characters are refused (422 `invalid_handle`):
 * `anna\u200b` and `\u202eanna` would look like `anna` everywhere they are shown.
 */
const NewCreator = z.object({
  handle: z
    .string()
    .max(400)
    .refine((h) => !hasInvisibleCharacters(h), `A handle ${INVISIBLE_CHARACTERS_MESSAGE}`)
    .transform(normalizeHandle)
    .pipe(z.string().min(1, 'A handle is required').max(100).regex(/^\S+$/, 'A handle has no spaces'))
    .describe('Their handle on the platform, with or without the @, any case (stored in lower case without the @); no spaces'),
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,49}$/, 'A platform name like tiktok, instagram or youtube')
    .describe('Where they post: a lower-case name like tiktok, instagram or youtube'),
  followers: typedNumber(z.number().int().min(0).max(MAX_FOLLOWERS)).describe(
    'Followers on the platform: a whole number, as a number or a string (12000 or "12000")',
  ),
  /** A fraction: 0.034 is 3.4 % of followers engaging. */
  engagementRate: typedNumber(z.number().min(0).max(1, 'engagementRate is a fraction between 0 and 1 (0.034 for 3.4 %)'))
    .nullable()
    .optional()
    .describe('The share of followers who engage: a fraction between 0 and 1 (0.034 for 3.4 %), as a number or a string; null when not measured'),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email('An e-mail address like anna@example.com'))
    .nullable()
    .optional()
    .describe('Where the brand reaches the creator; null to remove it'),
});

/** Any of the same fields, by the same rules; at least one. */
const CreatorChange = NewCreator.partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Give at least one field to change');

const createCreatorRoute = defineRoute({
  method: 'post',
  path: '/api/v1/creators',
  summary: 'Register a creator; the tier is derived from followers',
  tag: 'creators',
  access: ['content_manager'],
  body: NewCreator,
  bodyExample: { handle: '@ania.style', platform: 'tiktok', followers: 48200, engagementRate: 0.034, contactEmail: 'ania@example.com' },
  responses: {
    201: { description: 'Created', schema: CreatorView, example: creatorExample },
    409: { description: 'creator_exists: the platform already has that handle; details.creatorId is the creator it has' },
    422: { description: 'Invalid field (invalid_handle, invalid_platform, invalid_followers, invalid_engagement_rate)' },
  },
  handle: async ({ body, services }) => ({ status: 201, body: await createCreator(services.database.db, body) }),
});

const getCreatorRoute = defineRoute({
  method: 'get',
  path: '/api/v1/creators/:id',
  summary: 'A creator with their tier',
  tag: 'creators',
  access: 'authenticated',
  params: idParams,
  responses: { 200: { description: 'The creator', schema: CreatorView, example: creatorExample }, 404: { description: 'creator_not_found' } },
  handle: async ({ params, services }) => ({ body: await getCreator(services.database.db, params.id) }),
});

const listCreatorsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/creators',
  summary: 'Creators, newest first or by `sort`, a page at a time; `q` finds part of a handle, `platform` and `tier` filter',
  tag: 'creators',
  access: 'authenticated',
  query: z.object({
    q: z
      .string()
      .max(200)
      .transform((q) => normalizeHandle(q.trim()))
      .optional()
      .meta({ description: 'Part of a handle, with or without the @', example: 'ania' }),
    platform: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,49}$/, 'A platform name like tiktok, instagram or youtube')
      .optional()
      .meta({ description: 'Only creators on this platform, e.g. tiktok', example: 'tiktok' }),
    tier: z
      .enum(CREATOR_TIERS)
      .optional()
      .meta({ description: 'Only creators of this tier (by followers: nano from 1,000, micro 10,000, macro 100,000, mega 1,000,000)', example: 'micro' }),
    sort: z
      .enum(CREATOR_SORTS)
      .default('newest')
      .meta({ description: 'newest, followers, engagement: highest first (unmeasured last); handle: A–Z', example: 'followers' }),
    ...pageQuery({ max: 200, default: 50 }, 'id'),
  }),
  responses: {
    200: { description: 'A page of creators', schema: pageOf(CreatorView), example: pageExample(creatorExample) },
    400: { description: 'invalid_q, invalid_platform, invalid_tier, invalid_sort, invalid_cursor' },
  },
  handle: async ({ query, services }) => ({ body: await listCreators(services.database.db, query) }),
});

const patchCreatorRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/creators/:id',
  summary: 'Change a creator’s handle, platform, followers, engagement or contact e-mail (audited); the tier follows the followers',
  tag: 'creators',
  access: ['content_manager'],
  params: idParams,
  body: CreatorChange,
  bodyExample: { followers: '51000', engagementRate: 0.031 },
  responses: {
    200: { description: 'Updated', schema: CreatorView, example: { ...creatorExample, followers: 51000, engagementRate: 0.031 } },
    404: { description: 'creator_not_found' },
    409: { description: 'creator_exists: the platform already has that handle' },
    422: { description: 'invalid_<field>, invalid_input (no field given)' },
  },
  handle: async ({ params, body, caller, services }) => ({ body: await updateCreator(services.database.db, caller!.keyId, params.id, body) }),
});

const engagementRoute = defineRoute({
  method: 'get',
  path: '/api/v1/creators/:id/engagement',
  summary: 'How a creator’s followers and engagement rate went: when added, then after each change (from the audit log)',
  tag: 'creators',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: {
      description: 'Oldest first',
      schema: EngagementHistory,
      example: {
        items: [
          { at: '2026-11-02T10:15:00.000Z', followers: 48200, engagementRate: 0.034 },
          { at: '2026-12-01T08:00:00.000Z', followers: 51000, engagementRate: 0.031 },
        ],
      },
    },
    404: { description: 'creator_not_found' },
  },
  handle: async ({ params, services }) => ({ body: { items: await engagementHistory(services.database.db, params.id) } }),
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/api/v1/creators/:id/export',
  summary: 'Everything held about a creator, for their RODO/GDPR access request: records as stored and the list of stored files',
  tag: 'creators',
  access: ['content_manager'],
  params: idParams,
  responses: {
    200: {
      description: 'The export (JSON)',
      schema: CreatorExport,
      example: {
        exportedAt: '2026-12-07T09:00:00.000Z',
        creator: { id: EXAMPLE_IDS.creator, handle: 'ania.style', platform: 'tiktok', followers: 48200, contactEmail: 'ania@example.com' },
        assets: [{ id: EXAMPLE_IDS.asset, kind: 'video', title: 'Unboxing the linen shirt', createdAt: '2026-11-20T09:41:12.000Z' }],
        licenses: [{ id: EXAMPLE_IDS.license, territories: ['PL', 'DE'], startsAt: '2026-11-30T23:00:00.000Z' }],
        rightsRequests: [],
        usages: [{ id: EXAMPLE_IDS.usage, outcome: 'granted', channel: 'paid_social', territory: 'PL', at: '2026-12-05T08:30:00.000Z' }],
        takedownRequests: [],
        pageLink: { expiresAt: '2027-03-07T23:00:00.000Z', createdAt: '2026-12-07T09:00:00.000Z' },
        files: [{ key: `originals/${EXAMPLE_IDS.asset}`, size: 18874368 }],
      },
    },
    404: { description: 'creator_not_found' },
  },
  handle: async ({ params, services }) => ({
    body: await exportCreator(services.database.db, services.storage, params.id),
    headers: { 'Content-Disposition': `attachment; filename="creator-${params.id}.json"` },
  }),
});

const eraseRoute = defineRoute({
  method: 'post',
  path: '/api/v1/creators/:id/erase',
  summary:
    'Erase a creator (RODO/GDPR): their assets deleted with every file, contract files removed, personal fields removed everywhere (the audit log included); ' +
    'licenses stay as the legal record with the SHA-256 of what was accepted; the creator stays as a pseudonym. Cannot be undone; running it again removes nothing more.',
  tag: 'creators',
  access: ['content_manager'],
  params: idParams,
  responses: {
    200: {
      description: 'Erased',
      schema: CreatorErasure,
      example: { creatorId: EXAMPLE_IDS.creator, assetsDeleted: 4, licensesKept: 1, requestsRedacted: 2, filesRemoved: 1 },
    },
    404: { description: 'creator_not_found' },
  },
  handle: async ({ params, caller, services }) => ({ body: await eraseCreator(services.database.db, services.storage, caller!.keyId, params.id) }),
});

export const creatorRoutes = [createCreatorRoute, getCreatorRoute, listCreatorsRoute, patchCreatorRoute, engagementRoute, exportRoute, eraseRoute];
