import { and, eq, exists, gt, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { assets, licenseAssets, licenses, type Db } from '../db';
import type { Channel } from '../vocabulary/channels';
import type { LicenseTerms } from '../licensing/rights';
import { EXPIRING_WITHIN_MS } from '../vocabulary/license-state';

/**
 * Where an asset's rights stand at an instant, for the library's filter and badges (one state
 * each, so the four filters split the library):
 * - `active`: an active license is in force and lasts at least 30 more days (or forever);
 * - `expiring`: licenses are in force, but all of them end within 30 days;
 * - `expired`: none is in force, and an active license has ended;
 * - `none`: none is in force and none has ended (no license, or only drafts, revoked ones or
 *   ones not yet started).
 * "In force" is what the rights check calls it: status active, `startsAt <= at < endsAt`.
 */
export const ASSET_LICENSE_STATES = ['active', 'expiring', 'expired', 'none'] as const;
export type AssetLicenseState = (typeof ASSET_LICENSE_STATES)[number];

/** The state from an asset's licenses (as licensesForAssets gives them). Pure: no I/O, no clock. */
export function assetLicenseState(licensesOfAsset: readonly LicenseTerms[], at: Date): AssetLicenseState {
  const now = at.getTime();
  const activeOnes = licensesOfAsset.filter((l) => l.status === 'active');
  const inForce = activeOnes.filter((l) => l.startsAt.getTime() <= now && (l.endsAt === null || l.endsAt.getTime() > now));
  if (inForce.some((l) => l.endsAt === null || l.endsAt.getTime() - now >= EXPIRING_WITHIN_MS)) return 'active';
  if (inForce.length > 0) return 'expiring';
  if (activeOnes.some((l) => l.endsAt !== null && l.endsAt.getTime() <= now)) return 'expired';
  return 'none';
}

/** The same rule as assetLicenseState, as a WHERE condition on `assets`, so a filtered page is one query. */
export function licenseStateCondition(db: Db, state: AssetLicenseState, at: Date): SQL {
  const lasting = coveringLicense(db, at, or(isNull(licenses.endsAt), gte(licenses.endsAt, new Date(at.getTime() + EXPIRING_WITHIN_MS))));
  const inForce = coveringLicense(db, at, or(isNull(licenses.endsAt), gt(licenses.endsAt, at)));
  const ended = exists(coveringLicenses(db).where(and(covers(), lte(licenses.endsAt, at))));
  switch (state) {
    case 'active':
      return lasting;
    case 'expiring':
      return and(inForce, sql`not ${lasting}`)!;
    case 'expired':
      return and(sql`not ${inForce}`, ended)!;
    case 'none':
      return and(sql`not ${inForce}`, sql`not ${ended}`)!;
  }
}

/** Assets with a license in force at `at` that grants `channel`. */
export function channelCondition(db: Db, channel: Channel, at: Date): SQL {
  return coveringLicense(db, at, or(isNull(licenses.endsAt), gt(licenses.endsAt, at)), sql`${channel} = any(${licenses.channels})`);
}

/** EXISTS an active license covering the outer asset, started by `at`, meeting the extra conditions. */
function coveringLicense(db: Db, at: Date, ...conditions: Array<SQL | undefined>): SQL {
  return exists(coveringLicenses(db).where(and(covers(), lte(licenses.startsAt, at), ...conditions)));
}

const coveringLicenses = (db: Db) => db.select({ one: sql`1` }).from(licenses);

/** Active, and naming the outer asset or covering all of its creator's assets (as licensesForAssets reads them). */
function covers(): SQL {
  const named = sql`exists (select 1 from ${licenseAssets} where ${licenseAssets.licenseId} = ${licenses.id} and ${licenseAssets.assetId} = ${assets.id})`;
  return and(eq(licenses.status, 'active'), or(eq(licenses.creatorId, assets.creatorId), named))!;
}
