import { index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { REQUEST_LANGUAGES, RIGHTS_REQUEST_STATUSES } from '../../vocabulary/rights-request-status';
import { apiKeys } from './api-keys';
import { assets } from './assets';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { creators } from './creators';
import { licenses } from './licenses';

export const rightsRequestStatus = pgEnum('rights_request_status', RIGHTS_REQUEST_STATUSES);
export const requestLanguage = pgEnum('request_language', REQUEST_LANGUAGES);

/**
 * A brand asking a creator for a license: the proposed terms, the nonce of the signed link the
 * creator answers through, and once answered, the evidence of what the creator saw and said. `terms` is the license-to-be in its JSON form (ISO times).
 */
export const rightsRequests = pgTable(
  'rights_requests',
  {
    id: id(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creators.id),
    terms: jsonb('terms').notNull(),
    message: text('message'),
    language: requestLanguage('language').notNull(),
    replyHashtag: text('reply_hashtag').notNull(),
    /** Part of what the link's signature covers: a new nonce (on resend) makes every earlier link dead. */
    linkNonce: text('link_nonce').notNull(),
    status: rightsRequestStatus('status').notNull().default('pending'),
    expiresAt: timestamptz('expires_at').notNull(),
    requestedBy: uuid('requested_by').references(() => apiKeys.id),
    /** A renewal: the license the acceptance extends (same license, new terms) instead of creating one. */
    renewsLicenseId: uuid('renews_license_id').references(() => licenses.id),
    /** The license the acceptance created, or extended. */
    licenseId: uuid('license_id').references(() => licenses.id),
    /** What the creator saw and said (written once, with the answer). */
    evidence: jsonb('evidence'),
    declineReason: text('decline_reason'),
    /** When `rights_request.expiring` went out (once per request). */
    remindedAt: timestamptz('reminded_at'),
    answeredAt: timestamptz('answered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('rights_requests_creator_idx').on(t.creatorId, t.createdAt), index('rights_requests_status_idx').on(t.status, t.expiresAt)],
);

/** The assets a request names; none means the creator's content, posted and future. */
export const rightsRequestAssets = pgTable(
  'rights_request_assets',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => rightsRequests.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.assetId] }), index('rights_request_assets_asset_idx').on(t.assetId)],
);

/** The originals in full quality a creator sent through the request's link after accepting it. */
export const rightsRequestOriginals = pgTable(
  'rights_request_originals',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => rightsRequests.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.assetId] })],
);

export type RightsRequest = typeof rightsRequests.$inferSelect;
