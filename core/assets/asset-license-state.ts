import { and, eq, exists, gt, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { assets, licenseAssets, licenses, type Db } from '../db';
import type { Channel } from '../vocabulary/channels';
import type { AssetLicenseState } from '../vocabulary/asset-license-state';
import { EXPIRING_WITHIN_MS } from '../vocabulary/license-state';

/** The rule of core/vocabulary/asset-license-state.ts ("in force": status active, `startsAt <= at < endsAt`) as a WHERE condition on `assets`, so a filtered page is one query. */
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
