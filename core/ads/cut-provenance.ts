import { recordAudit } from '../audit/audit-log';
import type { Db, Rendition } from '../db';
import type { LicenseTerms } from '../licensing/rights';
import { ASSET_ENTITY } from '../media/asset-history';
import { readCutSpec } from './cut-spec';

export interface CutsMade {
  assetId: string;
  /** The BullMQ job that made them, as clients know it (`media.<id>`). */
  jobId: string;
  /** The API key that asked; null when the system queued the job. */
  requestedBy: string | null;
  /** The license the cuts were made under, as it stood when they were made. */
  license: LicenseTerms;
  cuts: readonly Rendition[];
}

/**
 * The proof behind a set of ad cuts: which license allowed them, with its terms at that moment
 * (they may change or end later), who asked, and which files were made. Written in the
 * transaction that records the cuts, so there is never a cut without its entry. A job made
 * again (a retry, a worker taking over) adds another entry: each is a true record of a making.
 */
export async function recordCutsMade(tx: Db, made: CutsMade): Promise<void> {
  const { id, territories, excludedTerritories, channels, startsAt, endsAt, derivativesAllowed, disclosureRequired } = made.license;
  await recordAudit(tx, {
    actorKeyId: made.requestedBy,
    action: 'asset.cuts_made',
    entityType: ASSET_ENTITY,
    entityId: made.assetId,
    before: null,
    after: {
      jobId: made.jobId,
      license: { id, territories, excludedTerritories, channels, startsAt, endsAt, derivativesAllowed, disclosureRequired },
      cuts: made.cuts.map((row) => ({ cutId: row.id, ...readCutSpec(row.spec), storageKey: row.storageKey, sizeBytes: row.sizeBytes })),
    },
  });
}
