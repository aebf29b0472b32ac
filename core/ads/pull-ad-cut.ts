import { and, eq } from 'drizzle-orm';
import { renditions, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import type { Channel } from '../vocabulary/channels';
import { encodeLicensedUse } from '../licensing/licensed-use';
import { licensesForAssets } from '../licensing/license-store';
import { checkRights, licenseFailures, type LicenseTerms, type RightsDecision } from '../licensing/rights';
import { refusedLicenses } from '../licensing/refused-licenses';
import { type RightsReason } from '../vocabulary/rights-reasons';
import type { Services } from '../runtime/services';
import { urlExpiringAt } from '../gallery/url-expiring-at';
import { recordUsage } from '../usage/usage-ledger';
import { readCutSpec } from './cut-spec';

/** Long enough to start a download, short enough that a leaked link soon dies. */
export const PULL_URL_LIFETIME_S = 300;

export interface PullRequest {
  cutId: string;
  channel: Channel;
  territory: string;
  campaign: string | null;
  /** Who pulls, for the ledger. */
  apiKeyId: string;
}

export interface PullOptions<T> {
  now?: Date;
  /**
   * More to write with a granted pull, in the same transaction as its ledger entry (a tracking
   * link): both are stored or neither is. Never called for a refusal.
   */
  alongside?: (tx: Db) => Promise<T>;
}

export interface PullGrant {
  url: string;
  expiresAt: string;
  usageId: string;
  license: { id: string; endsAt: string | null; disclosureRequired: boolean; attributionRequired: boolean };
}

/**
 * Re-checks the cut's rights at this instant and records the pull in the ledger either way.
 * Granted: a download URL living PULL_URL_LIFETIME_S, never past the license's end. Refused:
 * DomainError 403 whose code is the first reason, with every reason in `details.reasons`, the
 * channel and territory asked for, and each license with its own reasons in `details.licenses`.
 */
export async function pullAdCut<T = undefined>(
  services: Services,
  request: PullRequest,
  { now = new Date(), alongside }: PullOptions<T> = {},
): Promise<PullGrant & { alongside?: T }> {
  const { db } = services.database;
  const [cut] = await db
    .select()
    .from(renditions)
    .where(and(eq(renditions.id, request.cutId), eq(renditions.kind, 'cut')));
  if (!cut) throw notFound('cut', request.cutId);

  const licenses = (await licensesForAssets(db, [cut.assetId])).get(cut.assetId) ?? [];
  const decide = (at: Date): RightsDecision => checkRights(licenses, { channel: request.channel, territory: request.territory, at, derivative: true });
  const spec = readCutSpec(cut.spec);
  const downloadName = `${cut.assetId}-${spec.aspect.replace(':', 'x')}-${spec.durationS}s.${cut.format}`;
  // Bound to the license and this use: with fs storage a revoke (or narrowed terms) ends the link at once.
  const use = encodeLicensedUse({ kind: 'cut', assetId: cut.assetId, channel: request.channel, territory: request.territory });
  const link = (license: LicenseTerms) =>
    urlExpiringAt(services.storage, cut.storageKey, urlDeadline(license, now), { downloadName, license: { id: license.id, use } });

  let decision = decide(now);
  let url = decision.license ? await link(decision.license) : null;
  if (decision.license && !url) {
    // Less than a second of this license is left, shorter than any URL: decide as of its end.
    decision = decide(decision.license.endsAt!);
    url = decision.license ? await link(decision.license) : null;
  }

  const entry = {
    apiKeyId: request.apiKeyId,
    assetId: cut.assetId,
    renditionId: cut.id,
    channel: request.channel,
    territory: request.territory,
    campaign: request.campaign,
    at: now,
  };
  if (!decision.license || !url) {
    const reasons: RightsReason[] = decision.allowed ? ['expired'] : decision.reasons;
    const usage = await recordUsage(db, { ...entry, outcome: 'refused', reasons, licenseId: null });
    const use = { channel: request.channel, territory: request.territory, at: now, derivative: true };
    const refused = refusedLicenses(licenses, (license) => licenseFailures(license, use));
    // The use itself goes along, so a client can say "the license does not cover e-mail" rather than name a code.
    throw new DomainError('forbidden', reasons[0]!, refusalMessage(reasons), {
      reasons,
      usageId: usage.id,
      channel: request.channel,
      territory: request.territory,
      licenses: refused,
    });
  }
  // The URL is made before the ledger entry: no entry says "granted" for a URL never handed out.
  const granted = decision.license;
  const { usage, extra } = await db.transaction(async (tx) => {
    const usage = await recordUsage(tx, { ...entry, outcome: 'granted', licenseId: granted.id });
    return { usage, extra: alongside ? await alongside(tx) : undefined };
  });
  return {
    ...(alongside ? { alongside: extra } : {}),
    url: url.url,
    expiresAt: url.expiresAt.toISOString(),
    usageId: usage.id,
    license: {
      id: granted.id,
      endsAt: granted.endsAt?.toISOString() ?? null,
      disclosureRequired: granted.disclosureRequired,
      attributionRequired: granted.attributionRequired,
    },
  };
}

const urlDeadline = (license: LicenseTerms, now: Date): Date => {
  const lifetimeEnd = now.getTime() + PULL_URL_LIFETIME_S * 1000;
  return new Date(license.endsAt ? Math.min(lifetimeEnd, license.endsAt.getTime()) : lifetimeEnd);
};

const refusalMessage = (reasons: readonly RightsReason[]): string => `No license covers this use of the cut (${reasons.join(', ')})`;
