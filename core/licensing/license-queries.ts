import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditHistory, type AuditEntryView } from '../audit/audit-log';
import { assets, licenseAssets, licenses, type Db, type LicenseStatus } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import type { DownloadUrl, StorageDriver, UrlLicense } from '../storage';
import { LICENSE_ENTITY } from './license-changes';
import { decodeLicensedUse, licenseAllowsUseAt } from './licensed-use';
import { licenseRecords, type LicenseRecord } from './license-record';
import { termsColumns } from './license-store';
import { toIdPage } from '../paging/id-cursor';
import type { LicenseState } from '../vocabulary/license-state';
import { afterLicense, coveringTerritory, grantingChannel, inState, licenseSortKey, matchingWords, type LicenseSort } from './license-list-filters';
import type { Page } from '../contract/page';

const DAY_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getLicense(db: Db, id: string): Promise<LicenseRecord> {
  const rows = await db.select().from(licenses).where(eq(licenses.id, id));
  const [record] = await licenseRecords(db, rows);
  if (!record) throw notFound('license', id);
  return record;
}

export interface LicenseFilter {
  /** Licenses over this asset: naming it, or over all of its creator's assets. */
  assetId?: string;
  /** Licenses over this creator's content: creator-wide ones and those naming any of their assets. */
  creatorId?: string;
  status?: LicenseStatus;
  /** Where the license stands at `now` (active, expiring, not started, expired, draft, revoked). */
  state?: LicenseState;
  /** Words to find: a license or asset id, part of a creator's handle or of an asset's title. */
  q?: string;
  channel?: string;
  /** An ISO country code the license covers, or `WW` for worldwide ones. */
  territory?: string;
  /** The order when not listing expiring ones (those are always soonest first); newest created first by default. */
  sort?: LicenseSort;
  /** Licenses ending in [now, now + N days), soonest first; otherwise newest first. */
  expiringWithinDays?: number;
  cursor?: string;
  limit: number;
}

export async function listLicenses(db: Db, filter: LicenseFilter, now: Date): Promise<Page<LicenseRecord>> {
  const expiring = filter.expiringWithinDays !== undefined;
  const { key, order } = licenseSortKey(expiring ? 'ends' : (filter.sort ?? 'created'));
  const direction = order === 'asc' ? asc : desc;
  const rows = await db
    .select()
    .from(licenses)
    .where(
      and(
        filter.status ? eq(licenses.status, filter.status) : undefined,
        filter.assetId ? coveringAsset(filter.assetId) : undefined,
        filter.creatorId ? overCreator(filter.creatorId) : undefined,
        filter.state ? inState(filter.state, now) : undefined,
        filter.q ? matchingWords(filter.q) : undefined,
        filter.channel ? grantingChannel(filter.channel) : undefined,
        filter.territory ? coveringTerritory(filter.territory) : undefined,
        expiring ? endingWithin(now, filter.expiringWithinDays!) : undefined,
        filter.cursor ? afterLicense(key, filter.cursor, order) : undefined,
      ),
    )
    .orderBy(direction(key), direction(licenses.id))
    .limit(filter.limit + 1);
  return toIdPage(await licenseRecords(db, rows), filter.limit);
}

function coveringAsset(assetId: string): SQL | undefined {
  const namesIt = sql`exists (select 1 from ${licenseAssets}
    where ${licenseAssets.licenseId} = ${licenses.id} and ${licenseAssets.assetId} = ${assetId})`;
  const itsCreator = sql`(select ${assets.creatorId} from ${assets} where ${assets.id} = ${assetId})`;
  return or(namesIt, eq(licenses.creatorId, itsCreator));
}

function overCreator(creatorId: string): SQL | undefined {
  const namesTheirAsset = sql`exists (select 1 from ${licenseAssets} join ${assets} on ${assets.id} = ${licenseAssets.assetId}
    where ${licenseAssets.licenseId} = ${licenses.id} and ${assets.creatorId} = ${creatorId})`;
  return or(eq(licenses.creatorId, creatorId), namesTheirAsset);
}

function endingWithin(now: Date, days: number): SQL | undefined {
  return and(gte(licenses.endsAt, now), lt(licenses.endsAt, new Date(now.getTime() + days * DAY_MS)));
}

/** A download link for the signed contract, saved under the name it was uploaded with. */
export async function contractUrl(db: Db, storage: StorageDriver, id: string): Promise<DownloadUrl> {
  const [row] = await db.select({ key: licenses.contractStorageKey, filename: licenses.contractFilename }).from(licenses).where(eq(licenses.id, id));
  if (!row) throw notFound('license', id);
  if (!row.key) throw new DomainError('not_found', 'contract_not_found', `License ${id} has no contract document yet`);
  return storage.url(row.key, { downloadName: row.filename ?? `license-${id}.pdf` });
}

/** Every recorded change of a license, oldest first; 404 when the license does not exist. */
export async function licenseHistory(db: Db, id: string): Promise<AuditEntryView[]> {
  const [license] = await db.select({ id: licenses.id }).from(licenses).where(eq(licenses.id, id));
  if (!license) throw notFound('license', id);
  return auditHistory(db, LICENSE_ENTITY, id);
}

/**
 * Whether the license a download URL was issued under still allows what it was issued for, at
 * `at`: active and within its period, still over the asset (naming it, or over its creator),
 * still granting the channel, territory and edits the use needs, over an asset not archived or deleted. Asked by the file server on
 * every request for a licensed URL, so one read by primary key (with two lookups by key inside).
 */
export async function licenseStillAllows(db: Db, license: UrlLicense, at: Date): Promise<boolean> {
  const use = decodeLicensedUse(license.use);
  // Both come from a signed URL, so they are ours; checked anyway, as a malformed uuid would be a database error.
  if (!use || !UUID.test(license.id) || !UUID.test(use.assetId)) return false;
  const covers = sql<boolean>`coalesce(exists (select 1 from ${licenseAssets}
      where ${licenseAssets.licenseId} = ${licenses.id} and ${licenseAssets.assetId} = ${use.assetId})
    or ${licenses.creatorId} = (select ${assets.creatorId} from ${assets} where ${assets.id} = ${use.assetId}), false)
    and not exists (select 1 from ${assets} where ${assets.id} = ${use.assetId} and (${assets.archivedAt} is not null or ${assets.deletedAt} is not null))`;
  const [row] = await db
    .select({ ...termsColumns, covers })
    .from(licenses)
    .where(eq(licenses.id, license.id));
  return row !== undefined && row.covers && licenseAllowsUseAt(row, use, at);
}
