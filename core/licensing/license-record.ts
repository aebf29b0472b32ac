import { inArray } from 'drizzle-orm';
import { licenseAssets, type Db, type License } from '../db';
import type { Channel } from '../vocabulary/channels';
import { licenseState, type LicenseState } from '../vocabulary/license-state';
import type { LicenseTermsValues } from './license-terms';

/** The terms a column holds exactly as clients see them. */
type PlainTerms = Pick<
  LicenseTermsValues,
  'creatorId' | 'territories' | 'excludedTerritories' | 'derivativesAllowed' | 'exclusivity' | 'fee' | 'disclosureRequired' | 'attributionRequired' | 'notes'
>;

/**
 * A license as clients and the audit log see it: its terms, the assets it names and where its
 * contract stands, times as ISO strings. Timeless, so it can be stored as an audit snapshot;
 * `LicenseView` adds the state at the moment of asking.
 */
export interface LicenseRecord extends PlainTerms {
  id: string;
  assetIds: string[];
  channels: Channel[];
  startsAt: string;
  endsAt: string | null;
  status: License['status'];
  revokedAt: string | null;
  revokedReason: string | null;
  contract: { filename: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export type LicenseView = LicenseRecord & { state: LicenseState };

export function licenseRecord(row: License, assetIds: readonly string[]): LicenseRecord {
  return {
    id: row.id,
    assetIds: [...assetIds].sort(),
    ...plainTerms(row),
    channels: row.channels,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    status: row.status,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    contract: row.contractStorageKey ? { filename: row.contractFilename } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function licenseView(record: LicenseRecord, now: Date): LicenseView {
  const period = { status: record.status, startsAt: new Date(record.startsAt), endsAt: record.endsAt ? new Date(record.endsAt) : null };
  return { ...record, state: licenseState(period, now) };
}

/** The terms of a stored license in the shape a create takes, to merge a patch onto. */
export function termsOf(row: License, assetIds: readonly string[]): LicenseTermsValues {
  if (row.status === 'revoked') throw new Error('a revoked license has no editable terms');
  return {
    assetIds: [...assetIds],
    ...plainTerms(row),
    channels: row.channels,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
  };
}

function plainTerms(row: License): PlainTerms {
  return {
    creatorId: row.creatorId,
    territories: row.territories,
    excludedTerritories: row.excludedTerritories,
    derivativesAllowed: row.derivativesAllowed,
    exclusivity: row.exclusivity,
    // Both fee columns are set or both null (a check constraint says so).
    fee: row.feeAmount !== null && row.feeCurrency !== null ? { amount: row.feeAmount, currency: row.feeCurrency } : null,
    disclosureRequired: row.disclosureRequired,
    attributionRequired: row.attributionRequired,
    notes: row.notes,
  };
}

/** The asset ids each license names; every asked id is a key. */
export async function namedAssets(db: Db, licenseIds: readonly string[]): Promise<Map<string, string[]>> {
  const byLicense = new Map<string, string[]>(licenseIds.map((id) => [id, []]));
  if (byLicense.size === 0) return byLicense;
  const rows = await db
    .select()
    .from(licenseAssets)
    .where(inArray(licenseAssets.licenseId, [...byLicense.keys()]));
  for (const { licenseId, assetId } of rows) byLicense.get(licenseId)?.push(assetId);
  return byLicense;
}

/** Records for rows, with the assets each names, in the rows' order. */
export async function licenseRecords(db: Db, rows: readonly License[]): Promise<LicenseRecord[]> {
  const assets = await namedAssets(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => licenseRecord(row, assets.get(row.id) ?? []));
}
