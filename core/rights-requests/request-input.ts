import { z } from 'zod';
import { coherentTerms, ProposedTermsInput, termsInZone, type LicenseTermsValues, type StoredProposedTerms } from '../licensing/license-terms';
import { instantOf, termTime } from '../licensing/term-time';
import { visibleTextSchema } from '../text/visible-text';
import { REQUEST_LANGUAGES, type RequestLanguageCode } from '../vocabulary/rights-request-status';
import { HASHTAG } from './reply-hashtag';

/** How long a creator has to answer when the request does not say, and the longest it may say. */
export const DEFAULT_REQUEST_DAYS = 14;
export const MAX_REQUEST_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A rights request as a content manager (or the API) asks it: the license-to-be's terms (the
 * same field rules as a license, and the same rules between fields), over some of a creator's
 * assets or, with no assetIds, over all of their content, posted and future. Its times may be
 * calendar days: `rightsRequestInZone` makes them instants, then `CoherentRightsRequest` checks
 * the rules between fields.
 */
export const NewRightsRequestInput = z.object({
  creatorId: z.uuid().describe('The creator asked'),
  assetIds: z
    .array(z.uuid())
    .max(100)
    .transform((ids) => [...new Set(ids)])
    .optional()
    .describe("The creator's assets asked for; absent or empty: all of the creator's content, posted and future"),
  terms: ProposedTermsInput.describe('The license terms proposed: the fields of a license, by the same rules'),
  message: visibleTextSchema(2000, { minVisible: 1, multiline: true }).optional().describe('A note to the creator, shown above the terms'),
  language: z.enum(REQUEST_LANGUAGES).describe('The language of the acceptance page, the message and the contract: pl or en'),
  expiresAt: termTime
    .optional()
    .describe(
      `When the link stops working: an instant with an offset, or a calendar day (the link works to its end in the license time zone); default ${DEFAULT_REQUEST_DAYS} days from now, at most ${MAX_REQUEST_DAYS}`,
    ),
  renewsLicenseId: z
    .uuid()
    .optional()
    .describe(
      'Ask to renew this license: its assets are the ones asked for (assetIds must be absent), and acceptance extends it with these terms, same license, same start, so nothing stops being served in between',
    ),
  replyHashtag: z
    .string()
    .trim()
    .regex(HASHTAG, 'A hashtag: # then 2 to 60 letters, digits or _')
    .optional()
    .describe('What the creator may comment to say yes; default #tak<Brand> (pl) or #yes<Brand> (en)'),
});

/** A request as typed, its times made instants in the license time zone (a day's end for the expiry). */
export function rightsRequestInZone(input: z.output<typeof NewRightsRequestInput>, timeZone: string): NewRightsRequest {
  const { expiresAt, terms, ...rest } = input;
  return {
    ...rest,
    terms: termsInZone(terms, timeZone),
    ...(expiresAt === undefined ? {} : { expiresAt: instantOf(expiresAt, 'end', timeZone) }),
  };
}

/** The rules between a request's fields, on the request with its times as instants. */
export const CoherentRightsRequest = z.custom<NewRightsRequest>().superRefine(coherentRequest);

export type NewRightsRequest = {
  creatorId: string;
  assetIds?: string[];
  terms: RequestTerms;
  message?: string;
  language: RequestLanguageCode;
  expiresAt?: Date;
  renewsLicenseId?: string;
  replyHashtag?: string;
};

/** The rules between fields: a future expiry within the limit, and terms a license could have. */
function coherentRequest(input: NewRightsRequest, ctx: z.RefinementCtx): void {
  const now = Date.now();
  if (input.expiresAt && input.expiresAt.getTime() <= now) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expiresAt must be in the future' });
  if (input.expiresAt && input.expiresAt.getTime() > now + MAX_REQUEST_DAYS * DAY_MS) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: `A creator is asked for at most ${MAX_REQUEST_DAYS} days` });
  }
  if (input.renewsLicenseId && input.assetIds?.length) {
    ctx.addIssue({ code: 'custom', path: ['assetIds'], message: 'A renewal covers what the license covers: leave assetIds out' });
  }
  const coherence = coherentTerms.safeParse(licenseTerms(input.creatorId, input.assetIds ?? [], input.terms));
  for (const issue of coherence.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['terms', ...issue.path], message: issue.message });
}

/** The terms a request proposes, validated (times as Dates). */
export type RequestTerms = z.output<typeof StoredProposedTerms>;

/**
 * The license an acceptance creates: over the named assets, or over the creator (which covers
 * all of their assets, later ones included); active from the answer on.
 */
export function licenseTerms(creatorId: string, assetIds: readonly string[], terms: RequestTerms): LicenseTermsValues {
  return {
    ...terms,
    assetIds: [...assetIds],
    creatorId: assetIds.length > 0 ? null : creatorId,
    excludedTerritories: terms.excludedTerritories ?? [],
    exclusivity: terms.exclusivity ?? null,
    fee: terms.fee ?? null,
    disclosureRequired: terms.disclosureRequired ?? false,
    attributionRequired: terms.attributionRequired ?? false,
    notes: null,
    status: 'active',
  };
}
