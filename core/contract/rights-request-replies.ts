import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { REQUEST_LANGUAGES, RIGHTS_REQUEST_STATUSES } from '../vocabulary/rights-request-status';

/** The terms a request proposes, as JSON (times ISO). */
export const ProposedTermsView = z.object({
  territories: z.array(z.string()),
  excludedTerritories: z.array(z.string()).optional(),
  channels: z.array(z.enum(CHANNELS)),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  derivativesAllowed: z.boolean(),
  exclusivity: z
    .object({ scope: z.enum(['none', 'category', 'all']), category: z.string().optional(), until: z.string().optional() })
    .nullable()
    .optional(),
  fee: z.object({ amount: z.string(), currency: z.string() }).nullable().optional(),
  disclosureRequired: z.boolean().optional(),
  attributionRequired: z.boolean().optional(),
});

const EvidenceBase = {
  text: z.string().describe('The terms exactly as the page showed them'),
  sha256: z.string().describe('SHA-256 (hex) of `text`'),
  language: z.enum(REQUEST_LANGUAGES),
  acceptedAt: z.string(),
};

/** The creator accepted on their page: who they said they are, and where the answer came from. */
const LinkEvidence = z.object({
  method: z.literal('link'),
  ...EvidenceBase,
  name: z.string(),
  email: z.string(),
  userAgent: z.string().nullable(),
  ipHash: z.string().describe('A keyed hash (HMAC-SHA-256) of the address the answer came from: comparable, not reversible'),
  link: z.string().describe('The link the creator answered through'),
});

/** The creator replied with the request's hashtag, from the handle the request was sent to: that comment. */
const HashtagEvidence = z.object({
  method: z.literal('hashtag'),
  ...EvidenceBase,
  comment: z.object({
    id: z.uuid(),
    platform: z.string(),
    externalId: z.string(),
    author: z.string(),
    text: z.string(),
    postedAt: z.string().nullable(),
    permalink: z.string().nullable(),
  }),
});

/** The creator was erased (RODO/GDPR): of the evidence, only how and when they accepted, and the hash of the text. */
const ErasedEvidence = z.object({
  method: z.literal('erased'),
  acceptedBy: z.enum(['link', 'hashtag']),
  sha256: z.string(),
  acceptedAt: z.string(),
});

/** What the creator saw and said when they accepted: the evidence behind the license. */
export const RequestEvidenceView = z.discriminatedUnion('method', [LinkEvidence, HashtagEvidence, ErasedEvidence]);

export const RightsRequestView = z.object({
  id: z.uuid(),
  status: z.enum(RIGHTS_REQUEST_STATUSES),
  creatorId: z.uuid(),
  assetIds: z.array(z.uuid()).describe("Empty: all of the creator's content, posted and future"),
  terms: ProposedTermsView,
  message: z.string().nullable(),
  language: z.enum(REQUEST_LANGUAGES),
  replyHashtag: z.string(),
  expiresAt: z.string(),
  url: z.string().describe("The creator's acceptance page (absolute); it stops working once the request is answered, cancelled or expired"),
  dmText: z.string().describe('A ready-to-paste DM or comment with the link and the reply hashtag'),
  renewsLicenseId: z.uuid().nullable().describe('A renewal: the license acceptance extends'),
  licenseId: z.uuid().nullable().describe('The license the acceptance created (or, for a renewal, extended)'),
  evidence: RequestEvidenceView.nullable(),
  declineReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
