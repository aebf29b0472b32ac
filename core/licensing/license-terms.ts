import { z } from 'zod';
import type { LicenseExclusivity } from '../db';
import { CHANNELS, type Channel } from '../vocabulary/channels';
import { visibleTextSchema } from '../text/visible-text';
import { ALL_COUNTRIES, isCountryCode, WORLDWIDE } from './territories';
import { instantOf, TERM_TIME_DESCRIPTION, termTime, type TermTime } from './term-time';
import { CHANNEL_WORDS } from '../contract/fields';

/**
 * The terms a client may set on a license, as zod schemas the routes use: the same schema
 * validates a request, normalises it (upper-case codes, no duplicates) and documents it in
 * OpenAPI. Each problem is reported on the field it concerns, so the API's error code names
 * that field (`invalid_territories`, `invalid_ends_at`…). Times may be instants or calendar
 * days (term-time.ts): `termsInZone` turns days into instants in the license time zone, and
 * the rules between fields (`coherentTerms`) are checked after that.
 */

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const MAX_LIST = 1000;

const unique = <T>(list: T[]): T[] => [...new Set(list)];

const territoryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code === WORLDWIDE || isCountryCode(code), {
    error: (issue) => `${String(issue.input)} is neither an ISO 3166-1 alpha-2 country code nor ${WORLDWIDE}`,
  });

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: (issue) => `${String(issue.input)} is not an ISO 3166-1 alpha-2 country code` });

/**
 * `WW` alone, or countries. A list mixing both is refused rather than read as `WW`: it is
 * almost always a mistake (countries meant as exclusions, or a narrower grant), and guessing
 * wrong would license content where the creator never agreed to it.
 */
const territories = z
  .array(territoryCode)
  .min(1, 'Give at least one territory: country codes, or WW for worldwide')
  .max(MAX_LIST)
  .transform(unique)
  .refine((list) => !list.includes(WORLDWIDE) || list.length === 1, {
    error: `${WORLDWIDE} already covers every country: give ${WORLDWIDE} alone (narrowed by excludedTerritories) or a list of countries`,
  });

const exclusivity = z
  .object({
    scope: z.enum(['none', 'category', 'all']).describe('none; category: the creator works for no competitor in `category`; all: for no other brand'),
    category: visibleTextSchema(200).optional().describe('The product category, required when scope is category: up to 200 characters'),
    until: termTime.optional().describe('Exclusive until this instant, or until the end of this calendar day in the license time zone'),
  })
  .refine((e) => e.scope !== 'category' || e.category !== undefined, {
    path: ['category'],
    error: 'Name the category when the exclusivity scope is category',
  });

/** At most this many fraction digits in any fee, whatever the currency (the column keeps 4). */
const MAX_FEE_DECIMALS = 4;
const DECIMAL = /^(\d{1,12})(?:\.(\d+))?$/;

/** Digits after the point that a currency counts in: 2 for PLN and EUR, 0 for JPY, 3 for KWD. */
const minorUnits = (currency: string): number =>
  Math.min(MAX_FEE_DECIMALS, new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);

/**
 * Money stays an exact decimal string end to end (the column is numeric), never a float. A
 * number is read as the decimal JavaScript prints for it and then checked by the same rules
 * as a string, so 0.1 + 0.2 (printed 0.30000000000000004) is refused rather than stored: at
 * most 12 integer digits, not negative, and no more significant decimals than the currency's
 * minor units (trailing zeros are fine: "1500.0000" PLN is 1500 złoty).
 */
const fee = z
  .object({
    amount: z
      .union([z.number(), z.string().trim()])
      .transform(String)
      .describe(
        'A non-negative decimal, as a string ("1500.00") or a number (1500), same rules: at most 12 digits before the point, no more significant decimals than the currency\'s minor units. Replies always give it as a string, the exact decimal stored',
      ),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => CURRENCIES.has(c), { error: (issue) => `${String(issue.input)} is not an ISO 4217 currency code` })
      .describe('ISO 4217 currency code, e.g. PLN or EUR (any case)'),
  })
  .superRefine(({ amount, currency }, ctx) => {
    const problem = feeAmountProblem(amount, currency);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  });

function feeAmountProblem(amount: string, currency: string): string | null {
  const match = DECIMAL.exec(amount);
  if (!match) return `${amount} is not a non-negative decimal like "1500.00" (at most 12 digits before the point)`;
  const decimals = (match[2] ?? '').length;
  const significant = (match[2] ?? '').replace(/0+$/, '').length;
  const allowed = CURRENCIES.has(currency) ? minorUnits(currency) : MAX_FEE_DECIMALS; // an unknown currency is reported on its own field
  if (decimals > MAX_FEE_DECIMALS || significant > allowed) return `${amount} ${currency} has more decimals than the currency's ${allowed} minor-unit digits`;
  return null;
}

/** Every settable term, as a field-by-field schema: what a create requires, what a patch may change. */
const termFields = {
  assetIds: z.array(z.uuid()).max(MAX_LIST).transform(unique).optional().describe(`The assets covered, up to ${MAX_LIST}; give these or creatorId, not both`),
  creatorId: z.uuid().nullable().optional().describe('Cover all of this creator’s content, posted and future, instead of naming assets'),
  territories: territories.describe(`Where the content may be used: ISO 3166-1 alpha-2 country codes (any case), or ${WORLDWIDE} alone for worldwide`),
  excludedTerritories: z
    .array(countryCode)
    .max(MAX_LIST)
    .transform(unique)
    .optional()
    .describe('Countries taken out of the grant; at least one granted country must remain'),
  channels: z
    .array(z.enum(CHANNELS))
    .min(1, 'Grant at least one channel')
    .transform(unique)
    .describe(`Where the content may be used, at least one: ${CHANNEL_WORDS}`),
  startsAt: termTime.describe(`When the rights begin. ${TERM_TIME_DESCRIPTION}`),
  /** Required, so a perpetual license is always a deliberate `null`, never a forgotten field. */
  endsAt: termTime.nullable().describe(`When the rights end, after startsAt; null for a perpetual license. ${TERM_TIME_DESCRIPTION}`),
  derivativesAllowed: z.boolean().describe('Whether edits (ad cuts, labels) may be made and used'),
  exclusivity: exclusivity.nullable().optional().describe('What the creator agrees not to do for others; null or absent: nothing'),
  fee: fee.nullable().optional().describe('What the brand pays; null or absent: nothing recorded'),
  disclosureRequired: z.boolean().optional().describe('Whether every use must carry an ad label (REKLAMA, #ad); default false'),
  attributionRequired: z.boolean().optional().describe('Whether every use must name the creator; default false'),
  notes: z.string().max(10_000).nullable().optional().describe('The brand’s internal notes, up to 10,000 characters'),
  /** `revoked` is reached only through the revoke endpoint, which records why and when. */
  status: z.enum(['draft', 'active']).optional().describe('draft: recorded, not in force; active (default): in force between startsAt and endsAt'),
};

/** A license's terms after validation, every field present. */
export interface LicenseTermsValues {
  assetIds: string[];
  creatorId: string | null;
  territories: string[];
  excludedTerritories: string[];
  channels: Channel[];
  startsAt: Date;
  endsAt: Date | null;
  derivativesAllowed: boolean;
  exclusivity: LicenseExclusivity | null;
  fee: { amount: string; currency: string } | null;
  disclosureRequired: boolean;
  attributionRequired: boolean;
  notes: string | null;
  status: 'draft' | 'active';
}

/** Terms as typed: like LicenseTermsValues, but times may still be calendar days. */
export type LicenseTermsDraft = Omit<LicenseTermsValues, 'startsAt' | 'endsAt' | 'exclusivity'> & {
  startsAt: TermTime;
  endsAt: TermTime | null;
  exclusivity: DraftExclusivity | null;
};
type DraftExclusivity = Omit<LicenseExclusivity, 'until'> & { until?: TermTime };
interface TimedTerms {
  startsAt?: TermTime;
  endsAt?: TermTime | null;
  exclusivity?: DraftExclusivity | null;
}
/** `T` with its times as instants (and the exclusivity's end as the ISO string it is stored as). */
export type InZone<T> = {
  [K in keyof T]: K extends 'startsAt' | 'endsAt'
    ? Exclude<T[K], { day: string }>
    : K extends 'exclusivity'
      ? Exclude<T[K], DraftExclusivity> | LicenseExclusivity
      : T[K];
};

/**
 * The terms with every calendar day turned into the instant it means in `timeZone`: a start
 * day's 00:00, an end day's 24:00 (the exclusivity's end is an end too). Absent fields stay
 * absent, so a patch stays a patch.
 */
export function termsInZone<T extends TimedTerms>(terms: T, timeZone: string): InZone<T> {
  const out: Record<string, unknown> = { ...(terms as Record<string, unknown>) };
  if (terms.startsAt !== undefined) out.startsAt = instantOf(terms.startsAt, 'start', timeZone);
  if (terms.endsAt !== undefined && terms.endsAt !== null) out.endsAt = instantOf(terms.endsAt, 'end', timeZone);
  const exclusivity = terms.exclusivity;
  if (exclusivity?.until !== undefined) out.exclusivity = { ...exclusivity, until: instantOf(exclusivity.until, 'end', timeZone).toISOString() };
  return out as InZone<T>;
}

/** The rules between fields, checked on a create and on the merged result of a patch. */
export const coherentTerms = z.custom<LicenseTermsValues>().superRefine((terms, ctx) => {
  if (terms.endsAt !== null && terms.endsAt.getTime() <= terms.startsAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt (or null for a perpetual license)' });
  }
  if (!leavesSomeTerritory(terms.territories, terms.excludedTerritories)) {
    ctx.addIssue({
      code: 'custom',
      path: ['excludedTerritories'],
      message: 'excludedTerritories removes every territory the license grants: it would license nothing anywhere',
    });
  }
  if (terms.assetIds.length === 0 && terms.creatorId === null) {
    ctx.addIssue({ code: 'custom', path: ['assetIds'], message: 'give assetIds or creatorId: a license must cover something' });
  }
  if (terms.assetIds.length > 0 && terms.creatorId !== null) {
    // Which one would win is a guess either way, and the wrong guess over-grants rights.
    ctx.addIssue({
      code: 'custom',
      path: ['creatorId'],
      message: 'give assetIds or creatorId, not both: a license with creatorId already covers all of that creator’s assets',
    });
  }
});

/** Whether any country is left once the exclusions are taken from the grant (`WW` is every country). */
function leavesSomeTerritory(territories: readonly string[], excluded: readonly string[]): boolean {
  const out = new Set(excluded);
  const granted = territories.includes(WORLDWIDE) ? ALL_COUNTRIES : territories;
  return granted.some((code) => !out.has(code));
}

/**
 * The body of a create: field rules, then defaults. The rules between fields (`coherentTerms`)
 * follow once `termsInZone` has turned days into instants.
 */
export const LicenseTermsInput = z.object(termFields).transform((t): LicenseTermsDraft => ({
  ...t,
  assetIds: t.assetIds ?? [],
  creatorId: t.creatorId ?? null,
  excludedTerritories: t.excludedTerritories ?? [],
  exclusivity: t.exclusivity ?? null,
  fee: t.fee ?? null,
  disclosureRequired: t.disclosureRequired ?? false,
  attributionRequired: t.attributionRequired ?? false,
  notes: t.notes ?? null,
  status: t.status ?? 'active',
}));

/** The body of a patch: any subset of the terms, each by the same field rules. */
export const LicenseTermsPatch = z.object(termFields).partial();

/**
 * The terms a rights request proposes to a creator: a license's terms without what the request
 * itself decides (what it covers, the status, the brand's internal notes). `endsAt` is
 * required here too: "no end" is a deliberate null.
 */
export const ProposedTermsInput = z.object({
  territories: termFields.territories,
  excludedTerritories: termFields.excludedTerritories,
  channels: termFields.channels,
  startsAt: termFields.startsAt,
  endsAt: termFields.endsAt,
  derivativesAllowed: termFields.derivativesAllowed,
  exclusivity: termFields.exclusivity,
  fee: termFields.fee,
  disclosureRequired: termFields.disclosureRequired,
  attributionRequired: termFields.attributionRequired,
});

/**
 * Proposed terms as a request stores them: days were turned into instants when it was made, so
 * every time here is an instant and the zone given to termsInZone changes nothing.
 */
export const StoredProposedTerms = ProposedTermsInput.transform((terms) => termsInZone(terms, 'UTC'));
