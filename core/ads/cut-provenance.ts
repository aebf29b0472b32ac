import { recordAudit } from '../audit/audit-log';
import type { Db, Rendition } from '../db';
import type { LicenseTerms } from '../licensing/rights';
import { ASSET_ENTITY } from '../assets/asset-history';
import { readCutSpec } from './cut-spec';

export interface CutsMade {
  assetId: string;
  /** The BullMQ job that made them, as clients know it (`media.<id>`). */
  jobId: string;
  /**
   * When that job was created (BullMQ's `job.timestamp`, ms). A job id is reused when the same
   * request is made again after its job was removed (failed, or completed and aged out); the
   * pair names one job, the same through its retries and re-runs.
   */
  jobCreatedAt: number;
  /** The API key that asked; null when the system queued the job. */
  requestedBy: string | null;
  /** The license the cuts were made under, as it stood when they were made. */
  license: LicenseTerms;
  cuts: readonly Rendition[];
}

/**
 * The proof behind a set of ad cuts: which license allowed them, with its terms at that moment
 * (they may change or end later), who asked, and which files were made. Written in the
 * transaction that records the cuts, so there is never a cut without its entry. Written once
 * per job: a retry, or a worker taking over a job whose lock was lost, replaces the same files
 * and rows, and finds the entry already there (the same license, the same request). A new job
 * for the same request (the old one was removed) is a new making and gets its own entry.
 */
export async function recordCutsMade(tx: Db, made: CutsMade): Promise<void> {
  const { id, territories, excludedTerritories, channels, startsAt, endsAt, derivativesAllowed, disclosureRequired } = made.license;
  await recordAudit(tx, {
    actorKeyId: made.requestedBy,
    action: 'asset.cuts_made',
    entityType: ASSET_ENTITY,
    entityId: made.assetId,
    idempotencyKey: `${made.jobId}@${made.jobCreatedAt}`,
    before: null,
    after: {
      jobId: made.jobId,
      license: { id, territories, excludedTerritories, channels, startsAt, endsAt, derivativesAllowed, disclosureRequired },
      cuts: made.cuts.map((row) => ({ cutId: row.id, ...readCutSpec(row.spec), storageKey: row.storageKey, sizeBytes: row.sizeBytes })),
    },
  });
}
