import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { REQUEST_LANGUAGES, RIGHTS_REQUEST_STATUSES } from '../vocabulary/rights-request-status';
import { CHANNEL_WORDS, countries, instant } from './fields';

/** The terms a request proposes, as JSON (times ISO). */
export const ProposedTermsView = z.object({
  territories: countries('Where the content may be used (WW alone: worldwide)'),
  excludedTerritories: countries('Countries taken out of `territories`').optional(),
  channels: z.array(z.enum(CHANNELS)).describe(`Where the content may be used: ${CHANNEL_WORDS}`),
  startsAt: instant('When the rights begin'),
  endsAt: instant('When the rights end (exclusive)').nullable().describe('When the rights end (exclusive), an ISO 8601 instant in UTC; null: perpetual'),
  derivativesAllowed: z.boolean().describe('Whether edits (ad cuts) may be made and used'),
  exclusivity: z
    .object({
      scope: z.enum(['none', 'category', 'all']).describe('none; category: no competitor in `category`; all: no other brand'),
      category: z.string().optional().describe('The product category, when scope is category'),
      until: instant('When the exclusivity ends').optional(),
    })
    .nullable()
    .optional()
    .describe('What the creator would agree not to do for others'),
  fee: z
    .object({
      amount: z.string().describe('The amount, an exact decimal as a string, e.g. "1500.00"'),
      currency: z.string().describe('ISO 4217 currency code, e.g. PLN'),
    })
    .nullable()
    .optional()
    .describe('What the brand would pay'),
  disclosureRequired: z.boolean().optional().describe('Whether every use must carry an ad label'),
  attributionRequired: z.boolean().optional().describe('Whether every use must name the creator'),
});

const EvidenceBase = {
  text: z.string().describe('The terms exactly as the page showed them'),
  sha256: z.string().describe('SHA-256 (hex) of `text`'),
  language: z.enum(REQUEST_LANGUAGES).describe('The language the terms were shown in'),
  acceptedAt: instant('When the creator accepted'),
};

/** The creator accepted on their page: who they said they are, and where the answer came from. */
const LinkEvidence = z.object({
  method: z.literal('link').describe('Accepted on the acceptance page'),
  ...EvidenceBase,
  name: z.string().describe('The name the creator gave'),
  email: z.string().describe('The e-mail address the creator gave'),
  userAgent: z.string().nullable().describe('The browser the answer came from'),
  ipHash: z.string().describe('A keyed hash (HMAC-SHA-256) of the address the answer came from: comparable, not reversible'),
  link: z.string().describe('The link the creator answered through'),
});

/** The creator replied with the request's hashtag, from the handle the request was sent to: that comment. */
const HashtagEvidence = z.object({
  method: z.literal('hashtag').describe('Accepted by commenting the reply hashtag'),
  ...EvidenceBase,
  comment: z
    .object({
      id: z.uuid().describe('The comment’s id (GET /api/v1/comments/{id})'),
      platform: z.string().describe('Where it was posted'),
      externalId: z.string().describe('Its id on the platform'),
      author: z.string().describe('The handle that posted it: the creator’s'),
      text: z.string().describe('The comment as written'),
      postedAt: instant('When it was posted').nullable(),
      permalink: z.string().nullable().describe('The comment on its platform, when known'),
    })
    .describe('The creator’s comment carrying the hashtag'),
});

/** The creator was erased (RODO/GDPR): of the evidence, only how and when they accepted, and the hash of the text. */
const ErasedEvidence = z.object({
  method: z.literal('erased').describe('The creator was erased; only this much is kept'),
  acceptedBy: z.enum(['link', 'hashtag']).describe('How they had accepted'),
  sha256: z.string().describe('SHA-256 (hex) of the terms text they accepted'),
  acceptedAt: instant('When they accepted'),
});

/** What the creator saw and said when they accepted: the evidence behind the license. */
export const RequestEvidenceView = z.discriminatedUnion('method', [LinkEvidence, HashtagEvidence, ErasedEvidence]);

export const RightsRequestView = z.object({
  id: z.uuid().describe('The request’s id'),
  status: z.enum(RIGHTS_REQUEST_STATUSES).describe('pending until answered; then accepted or declined; or expired, or cancelled'),
  creatorId: z.uuid().describe('The creator asked'),
  assetIds: z.array(z.uuid()).describe("Empty: all of the creator's content, posted and future"),
  terms: ProposedTermsView.describe('The license terms proposed'),
  message: z.string().nullable().describe('The note to the creator shown above the terms; null when none'),
  language: z.enum(REQUEST_LANGUAGES).describe('The language of the page and the message: pl or en'),
  replyHashtag: z.string().describe('What the creator may comment to accept, e.g. #takAcme'),
  expiresAt: instant('When the link stops working, unless answered before'),
  url: z.string().describe("The creator's acceptance page (absolute); it stops working once the request is answered, cancelled or expired"),
  dmText: z.string().describe('A ready-to-paste DM or comment with the link and the reply hashtag'),
  renewsLicenseId: z.uuid().nullable().describe('A renewal: the license acceptance extends'),
  licenseId: z.uuid().nullable().describe('The license the acceptance created (or, for a renewal, extended)'),
  evidence: RequestEvidenceView.nullable().describe('What the creator saw and said when accepting; null until accepted'),
  declineReason: z.string().nullable().describe('Why the creator declined, when they said'),
  answeredAt: instant('When the creator answered').nullable(),
  createdAt: instant('When it was asked'),
});
