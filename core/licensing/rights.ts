import type { Channel } from '../vocabulary/channels';
import { RIGHTS_REASONS, type RightsReason } from '../vocabulary/rights-reasons';
import { territoryCovered } from './territories';

/** What the rights check needs of a license: its terms, nothing about storage or audit. */
export interface LicenseTerms {
  id: string;
  status: 'draft' | 'active' | 'revoked';
  territories: string[];
  excludedTerritories: string[];
  channels: string[];
  startsAt: Date;
  endsAt: Date | null;
  derivativesAllowed: boolean;
  disclosureRequired: boolean;
  attributionRequired: boolean;
}

/** One intended use of an asset: where, when, and whether it is an edit (an ad cut) of it. */
export interface IntendedUse {
  channel: Channel;
  territory: string;
  at: Date;
  derivative: boolean;
}

export interface RightsDecision {
  allowed: boolean;
  /** The covering license, or null when none covers the use. */
  licenseId: string | null;
  license: LicenseTerms | null;
  /** Empty when allowed; otherwise every reason any license failed for, de-duplicated. */
  reasons: RightsReason[];
}

/**
 * Decides whether any of an asset's licenses covers an intended use. Pure: no I/O, no clock
 * (the caller passes `use.at`).
 *
 * A license covers the use when all of these hold:
 * - `status` is `active` (a draft fails with `not_active`, a revoked one with `revoked`);
 * - `startsAt <= at` (else `not_started`): the start instant is inside the period;
 * - `endsAt` is null (perpetual) or `at < endsAt` (else `expired`): at the exact instant a
 *   license ends, content must already stop, so the end instant is outside the period;
 * - the channel is among `channels` (else `channel_not_granted`);
 * - the territory is covered (else `territory_not_granted`): `WW` covers every country except
 *   `excludedTerritories`, and exclusions override both `WW` and explicit listings; codes
 *   compare case-insensitively;
 * - the use is not a derivative, or `derivativesAllowed` (else `derivatives_not_allowed`).
 *
 * With several licenses, the use is allowed if ANY covers it. When several do, the decision
 * names the one that lasts longest, so what a client shows ("licensed until …") is the most
 * generous truth: perpetual first, then the latest `endsAt`, then the smallest id (to stay
 * deterministic on ties). When none covers, `reasons` gathers every license's failures in
 * contract order; with no licenses at all it is `['no_license']`.
 */
export function checkRights(licenses: readonly LicenseTerms[], use: IntendedUse): RightsDecision {
  return longestCovering(licenses, (license) => licenseFailures(license, use));
}

/**
 * Whether one license covers a use for a whole period, from `from` up to (not including)
 * `until`, as "may I use it on 7 March": a license's period is one interval, so it covers the
 * period when it covers its first and its last moment. Otherwise as checkRights.
 */
export function checkRightsThroughout(licenses: readonly LicenseTerms[], use: Omit<IntendedUse, 'at'>, from: Date, until: Date): RightsDecision {
  const last = new Date(until.getTime() - 1);
  return longestCovering(licenses, (license) => [
    ...new Set([...licenseFailures(license, { ...use, at: from }), ...licenseFailures(license, { ...use, at: last })]),
  ]);
}

/**
 * The shared core of every "does any license allow this" question: the license for which
 * `failuresOf` finds nothing, lasting longest when several do; otherwise a refusal gathering
 * every license's failures in contract order (`['no_license']` with no licenses at all).
 */
export function longestCovering(licenses: readonly LicenseTerms[], failuresOf: (license: LicenseTerms) => readonly RightsReason[]): RightsDecision {
  if (licenses.length === 0) return refused(new Set(['no_license']));
  const failures = new Set<RightsReason>();
  const covering: LicenseTerms[] = [];
  for (const license of licenses) {
    const reasons = failuresOf(license);
    if (reasons.length === 0) covering.push(license);
    reasons.forEach((r) => failures.add(r));
  }
  const best = covering.reduce<LicenseTerms | undefined>((a, b) => (a && lastingLongestFirst(a, b) <= 0 ? a : b), undefined);
  if (best) return { allowed: true, licenseId: best.id, license: best, reasons: [] };
  return refused(failures);
}

/** Every rule `license` breaks for `use`; empty when it covers the use. */
export function licenseFailures(license: LicenseTerms, use: IntendedUse): RightsReason[] {
  const reasons = standingFailures(license, use.at);
  if (!license.channels.includes(use.channel)) reasons.push('channel_not_granted');
  if (!territoryCovered(license.territories, license.excludedTerritories, use.territory)) {
    reasons.push('territory_not_granted');
  }
  if (use.derivative && !license.derivativesAllowed) reasons.push('derivatives_not_allowed');
  return reasons;
}

/** Whether a license is in force at `at`: its status, then its period (start inclusive, end exclusive). */
export function standingFailures(license: LicenseTerms, at: Date): RightsReason[] {
  const instant = at.getTime();
  const reasons: RightsReason[] = [];
  if (license.status === 'draft') reasons.push('not_active');
  if (license.status === 'revoked') reasons.push('revoked');
  if (instant < license.startsAt.getTime()) reasons.push('not_started');
  if (license.endsAt !== null && instant >= license.endsAt.getTime()) reasons.push('expired');
  return reasons;
}

function lastingLongestFirst(a: LicenseTerms, b: LicenseTerms): number {
  const end = (l: LicenseTerms) => l.endsAt?.getTime() ?? Number.POSITIVE_INFINITY;
  // Plain code-unit order: localeCompare would cost microseconds per call on the hot path.
  return end(b) - end(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function refused(reasons: ReadonlySet<RightsReason>): RightsDecision {
  return { allowed: false, licenseId: null, license: null, reasons: RIGHTS_REASONS.filter((r) => reasons.has(r)) };
}
