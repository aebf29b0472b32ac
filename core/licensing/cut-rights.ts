import { PAID_CHANNELS } from '../vocabulary/channels';
import { longestCovering, standingFailures, type LicenseTerms, type RightsDecision } from './rights';
import { type RightsReason } from '../vocabulary/rights-reasons';
import { territoryCovered, WORLDWIDE } from './territories';

/**
 * Whether any of an asset's licenses lets it be edited into ad cuts at `at`: a license in
 * force then (status and period exactly as checkRights judges them: the start instant
 * allowed, the end instant refused), allowing derivatives, for at least one paid channel, and
 * covering at least one territory. Making a cut is not yet a use anywhere (pulling it is,
 * checked per channel and territory then), so no particular channel or country is asked for.
 *
 * Allowed: the license lasting longest (as checkRights picks), whose territories decide the
 * default disclosure label. Refused: every reason, in contract order (`no_license` when the
 * asset has no license at all). Pure: no I/O, no clock.
 */
export function cutRights(licenses: readonly LicenseTerms[], at: Date): RightsDecision {
  return longestCovering(licenses, (license) => editFailures(license, at));
}

/** Every rule `license` breaks for making ad cuts at `at`; empty when it allows them. */
export function editFailures(license: LicenseTerms, at: Date): RightsReason[] {
  const reasons = standingFailures(license, at);
  if (!license.channels.some((channel) => (PAID_CHANNELS as readonly string[]).includes(channel))) reasons.push('channel_not_granted');
  if (!coversSomeTerritory(license)) reasons.push('territory_not_granted');
  if (!license.derivativesAllowed) reasons.push('derivatives_not_allowed');
  return reasons;
}

/** Worldwide always leaves somewhere; a list of countries may have been excluded away entirely. */
function coversSomeTerritory({ territories, excludedTerritories }: LicenseTerms): boolean {
  return territories.some((t) => t.toUpperCase() === WORLDWIDE || territoryCovered(territories, excludedTerritories, t));
}
