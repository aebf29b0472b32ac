import type { RightsReason } from '../vocabulary/rights-reasons';
import type { LicenseTerms } from './rights';

/** One license that did not cover a use, with what a person needs to read why: its reasons and its period. */
export interface RefusedLicense {
  id: string;
  reasons: RightsReason[];
  startsAt: string;
  endsAt: string | null;
}

/**
 * Each license and the rules it broke, for the `details.licenses` of a refusal: the combined
 * `reasons` say what failed, but a client can only write "the license starts on 7 March" with
 * the license and its dates at hand. Licenses that broke nothing are left out.
 */
export function refusedLicenses(licenses: readonly LicenseTerms[], failuresOf: (license: LicenseTerms) => readonly RightsReason[]): RefusedLicense[] {
  return licenses
    .map((license) => ({
      id: license.id,
      reasons: [...failuresOf(license)],
      startsAt: license.startsAt.toISOString(),
      endsAt: license.endsAt?.toISOString() ?? null,
    }))
    .filter((refused) => refused.reasons.length > 0);
}
