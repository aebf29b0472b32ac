import { createHash } from 'node:crypto';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';
import { licensesForAssets } from '../licensing/license-store';
import type { LicenseTerms } from '../licensing/rights';
import { defaultDisclosure } from './ad-cut-plan';
import { checkCutLengths } from '../media/planned-cut';
import type { CutRequest } from '../vocabulary/ad-cut-request';
import { findAsset, type AssetWithProducts } from '../assets/asset-store';
import { publicJobId } from '../queue/job-queues';
import type { JobPayloads } from '../queue/queue-names';
import type { Services } from '../runtime/services';
import { cutRights, editFailures } from '../licensing/cut-rights';
import { refusedLicenses } from '../licensing/refused-licenses';
import { assertVisibleDisclosures } from './disclosure-text';

type CutsPayload = Extract<JobPayloads['media'], { type: 'cuts' }>;

/**
 * Checks a request for ad cuts of an asset and queues the job that makes them, in the order
 * a client can act on: every label given is visible text (422 `invalid_disclosure`), the
 * asset exists (404), is a video (422 `not_a_video`), is processed
 * (409 `asset_not_ready`, or `asset_failed` with the probe's reason), a license lets it be
 * edited for a paid channel now (403 `derivatives_not_allowed`, every reason in
 * `details.reasons`, each license with its own reasons and period in `details.licenses`), the cuts fit in the source (422 `cut_too_long`), and none drops a
 * disclosure the license requires (422 `disclosure_required`). Returns the public job id.
 * `requestedBy` (an API key id) is named in the audit entry the job writes with the cuts.
 */
export async function requestAdCuts(services: Services, assetId: string, cuts: CutRequest[], requestedBy: string | null, now = new Date()): Promise<string> {
  assertVisibleDisclosures(cuts);
  const { db } = services.database;
  const asset = await findAsset(db, assetId);
  if (!asset) throw notFound('asset', assetId);
  const durationS = cuttableDuration(asset);
  const licenses = (await licensesForAssets(db, [assetId])).get(assetId) ?? [];
  const decision = cutRights(licenses, now);
  if (!decision.license) {
    throw new DomainError(
      'forbidden',
      'derivatives_not_allowed',
      `No license lets asset ${assetId} be edited for a paid channel now (${decision.reasons.join(', ')})`,
      { reasons: decision.reasons, licenses: refusedLicenses(licenses, (license) => editFailures(license, now)) },
    );
  }
  checkCutLengths(cuts, { durationS });
  assertDisclosureKept(cuts, decision.license);
  const payload: CutsPayload = {
    type: 'cuts',
    assetId,
    licenseId: decision.license.id,
    defaultDisclosure: defaultDisclosure(decision.license.territories),
    cuts,
    requestedBy,
  };
  return enqueueOnce(services, payload);
}

/** The source's duration, once the asset is a video the probe has finished with. */
function cuttableDuration(asset: AssetWithProducts): number {
  if (asset.kind !== 'video') throw unprocessable('not_a_video', `Asset ${asset.id} is an image: only videos are cut into ads`);
  if (asset.status === 'failed') {
    throw new DomainError('conflict', 'asset_failed', `Asset ${asset.id} could not be processed: ${asset.error ?? 'unknown reason'}`, { error: asset.error });
  }
  if (asset.status !== 'ready' || asset.durationS === null) {
    throw new DomainError('conflict', 'asset_not_ready', `Asset ${asset.id} is still ${asset.status}: ask again once it is ready`, { status: asset.status });
  }
  return asset.durationS;
}

function assertDisclosureKept(cuts: readonly CutRequest[], license: LicenseTerms): void {
  if (!license.disclosureRequired) return;
  const index = cuts.findIndex((cut) => cut.disclosure === null);
  if (index >= 0) {
    throw unprocessable('disclosure_required', `Cut ${index + 1} asks for no disclosure label, but license ${license.id} requires one`, {
      index,
      licenseId: license.id,
    });
  }
}

/**
 * The same request while its job is waiting or running gets that job: the BullMQ job id is a
 * hash of what the job will make, with defaults filled in, so `{ fit: "crop" }` and no fit
 * are the same request. A failed job is replaced, so asking again retries it; a completed
 * one is returned as it is (its outputs are what this request would make).
 */
async function enqueueOnce(services: Services, payload: CutsPayload): Promise<string> {
  const jobId = cutsJobId(payload);
  const existing = await services.queues.find(publicJobId('media', jobId));
  if (existing?.state === 'failed') await services.queues.remove(existing.id);
  return services.queues.add('media', payload, { jobId });
}

function cutsJobId({ assetId, licenseId, defaultDisclosure: label, cuts }: CutsPayload): string {
  const normalised = cuts.map((cut) => ({
    aspect: cut.aspect,
    durationS: cut.durationS,
    startS: cut.startS ?? null,
    fit: cut.fit ?? 'crop',
    disclosure: cut.disclosure === undefined ? label : cut.disclosure,
  }));
  const hash = createHash('sha256')
    .update(JSON.stringify({ assetId, licenseId, cuts: normalised }))
    .digest('hex');
  return `cuts-${hash.slice(0, 40)}`;
}
