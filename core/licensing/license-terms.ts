import { z } from 'zod';
import type { LicenseExclusivity } from '../db';
import { CHANNELS, type Channel } from './channels';
import { isCountryCode, WORLDWIDE } from './territories';

/**
 * The terms a client may set on a license, as zod schemas the routes use: the same schema
 * validates a request, normalises it (upper-case codes, Dates, no duplicates) and documents it
 * in OpenAPI. Each problem is reported on the field it concerns, so the API's error code names
 * that field (`invalid_territories`, `invalid_ends_at`…).
 */

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const MAX_LIST = 1000;

const unique = <T>(list: T[]): T[] => [...new Set(list)];

/** ISO 8601 with a UTC offset (`Z` or `+02:00`); a time without one would mean a different instant to each reader. */
const isoTime = z.iso.datetime({ offset: true });
const instant = isoTime.transform((s) => new Date(s));

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
    scope: z.enum(['none', 'category', 'all']),
    category: z.string().trim().min(1).max(200).optional(),
    until: isoTime.transform((s) => new Date(s).toISOString()).optional(),
  })
  .refine((e) => e.scope !== 'category' || e.category !== undefined, {
    path: ['category'],
    error: 'Name the category when the exclusivity scope is category',
  });

/** Money stays an exact decimal string end to end (the column is numeric), never a float. */
const fee = z.object({
  amount: z
    .union([z.number().nonnegative().max(1e12), z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a decimal like "1500.00"')])
    .transform(String),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => CURRENCIES.has(c), { error: (issue) => `${String(issue.input)} is not an ISO 4217 currency code` }),
});

/** Every settable term, as a field-by-field schema: what a create requires, what a patch may change. */
const termFields = {
  assetIds: z.array(z.uuid()).max(MAX_LIST).transform(unique).optional(),
  creatorId: z.uuid().nullable().optional(),
  territories,
  excludedTerritories: z.array(countryCode).max(MAX_LIST).transform(unique).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1, 'Grant at least one channel').transform(unique),
  startsAt: instant,
  /** Required, so a perpetual license is always a deliberate `null`, never a forgotten field. */
  endsAt: instant.nullable(),
  derivativesAllowed: z.boolean(),
  exclusivity: exclusivity.nullable().optional(),
  fee: fee.nullable().optional(),
  disclosureRequired: z.boolean().optional(),
  attributionRequired: z.boolean().optional(),
  notes: z.string().max(10_000).nullable().optional(),
  /** `revoked` is reached only through the revoke endpoint, which records why and when. */
  status: z.enum(['draft', 'active']).optional(),
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

/** The rules between fields, checked on a create and on the merged result of a patch. */
export const coherentTerms = z.custom<LicenseTermsValues>().superRefine((terms, ctx) => {
  if (terms.endsAt !== null && terms.endsAt.getTime() <= terms.startsAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt (or null for a perpetual license)' });
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

/** The body of a create: field rules, then defaults, then the rules between fields. */
export const LicenseTermsInput = z
  .object(termFields)
  .transform(
    (t): LicenseTermsValues => ({
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
    }),
  )
  .pipe(coherentTerms);

/** The body of a patch: any subset of the terms, each by the same field rules. */
export const LicenseTermsPatch = z.object(termFields).partial();
