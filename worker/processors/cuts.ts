import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { UnrecoverableError, type Job } from 'bullmq';
import { recordCutsMade } from '../../core/ads/cut-provenance';
import { readCutSpec, type CutSpec } from '../../core/ads/cut-spec';
import { cutRights } from '../../core/licensing/cut-rights';
import { licensesForAssets } from '../../core/licensing/license-store';
import type { LicenseTerms } from '../../core/licensing/rights';
import { adCutKey, adCutPosterKey, adCutSpec } from '../../core/ads/ad-cut-keys';
import { planCuts } from '../../core/ads/ad-cut-plan';
import type { CutSource, PlannedCut, RenderedCut } from '../../core/media/planned-cut';
import type { CutRequest } from '../../core/vocabulary/ad-cut-request';
import { findAsset, type AssetWithProducts } from '../../core/assets/asset-store';
import { findHookStarts } from '../../core/media/hook-window';
import type { MediaTools } from '../../core/media/media-tools';
import { renderAdCuts } from '../../core/media/render-ad-cuts';
import { specHash, upsertRenditions, type RenditionInput } from '../../core/assets/rendition-store';
import { publicJobId } from '../../core/queue/job-queues';
import type { JobPayloads } from '../../core/queue/queue-names';
import { unknownEntity } from '../unknown-entity';
import type { Services } from '../../core/runtime/services';
import { withCutWorkspace } from './cut-workspace';

type CutsPayload = Extract<JobPayloads['media'], { type: 'cuts' }>;

export interface MadeCut extends CutSpec {
  cutId: string;
  width: number | null;
  height: number | null;
}

export interface CutsResult {
  cuts: MadeCut[];
  licenseId: string;
}

/** Progress is rendering up to here; storing the objects fills the rest (completion shows 100). */
const RENDERED_PERCENT = 90;
const STORED_PERCENT = 99;

/**
 * Makes the ad cuts a request asked for: re-checks that the license the API found still lets
 * the asset be edited (it may have been revoked while the job waited), renders every cut and
 * its poster from a local copy of the original, stores each object under a key derived from
 * its spec, then records all the rows in one statement: the cuts appear together, only once
 * every object is stored, and a retry (or a second worker taking over a dead one's job)
 * replaces its own objects and rows rather than adding copies. Progress (0–100) follows
 * ffmpeg's time output. Cancelled (`signal`) before its files are stored, it stops ffmpeg and
 * fails for good, leaving nothing behind.
 */
export async function makeAdCuts(job: Job<CutsPayload>, services: Services, tools: MediaTools, signal?: AbortSignal): Promise<CutsResult> {
  const { assetId, licenseId, defaultDisclosure, cuts, requestedBy = null } = job.data;
  const asset = await cuttableAsset(job, services, assetId);
  const license = await stillLicensed(services, assetId, licenseId);
  const source = cutSource(asset);
  const progress = progressReporter(job);
  const rows = await withCutWorkspace(async (dir) => {
    const file = path.join(dir, 'original');
    await pipeline(await services.storage.get(asset.storageKey), createWriteStream(file));
    const hooks = await hookStarts(file, source, cuts, tools);
    const planned = distinct(planCuts(cuts, defaultDisclosure, (durationS) => hooks.get(durationS) ?? 0));
    const rendered = await renderAdCuts(file, source, planned, tools, dir, {
      onProgress: (fraction) => progress.report(fraction * RENDERED_PERCENT),
      timeoutMs: services.config.cutTimeoutS * 1000,
      signal,
    });
    signal?.throwIfAborted(); // cancelled while the last output was finished: store nothing
    return storeCuts(services, assetId, rendered, (done) => progress.report(RENDERED_PERCENT + (done / rendered.length) * (STORED_PERCENT - RENDERED_PERCENT)));
  }).catch((err: unknown) => {
    // Cancelled is final: a retry would render what nobody wants any more.
    throw signal?.aborted ? new UnrecoverableError(String(signal.reason ?? 'Cancelled')) : err;
  });
  await progress.settled();
  const cutRows = await services.database.db.transaction(async (tx) => {
    const stored = new Map((await upsertRenditions(tx, rows)).map((row) => [row.storageKey, row]));
    // In the request's order, which RETURNING does not promise.
    const made = rows.filter((row) => row.kind === 'cut').map((row) => stored.get(row.storageKey)!);
    await recordCutsMade(tx, { assetId, jobId: publicJobId('media', job.id!), jobCreatedAt: job.timestamp, requestedBy, license, cuts: made });
    return made;
  });
  return { cuts: cutRows.map((row) => ({ cutId: row.id, ...readCutSpec(row.spec), width: row.width, height: row.height })), licenseId };
}

async function cuttableAsset(job: Job<CutsPayload>, services: Services, assetId: string): Promise<AssetWithProducts> {
  const asset = await findAsset(services.database.db, assetId);
  if (!asset) throw unknownEntity(services, job, 'asset', assetId);
  if (asset.kind !== 'video' || asset.status !== 'ready')
    throw new UnrecoverableError(`Asset ${assetId} is not a ready video (${asset.kind}, ${asset.status})`);
  return asset;
}

/**
 * The license the API found, as it stands now. Revoked, ended or changed to forbid edits since
 * the request: no retry can make that right.
 */
async function stillLicensed(services: Services, assetId: string, licenseId: string): Promise<LicenseTerms> {
  const licenses = (await licensesForAssets(services.database.db, [assetId])).get(assetId) ?? [];
  const decision = cutRights(
    licenses.filter((l) => l.id === licenseId),
    new Date(),
  );
  if (!decision.allowed || !decision.license) {
    const why = decision.reasons.includes('no_license')
      ? 'no longer covers it'
      : `no longer lets it be edited for a paid channel (${decision.reasons.join(', ')})`;
    throw new UnrecoverableError(`License ${licenseId} of asset ${assetId} ${why}`);
  }
  return decision.license;
}

function cutSource(asset: AssetWithProducts): CutSource {
  const { width, height, durationS } = asset;
  if (width === null || height === null || durationS === null) throw new UnrecoverableError(`Asset ${asset.id} has not been probed`);
  return { width, height, durationS, frameRate: asset.frameRate, hasAudio: asset.hasAudio ?? false };
}

/** Where each duration's most eventful window starts, for the cuts that leave their start open. */
async function hookStarts(file: string, source: CutSource, cuts: readonly CutRequest[], tools: MediaTools): Promise<Map<number, number>> {
  const durations = [...new Set(cuts.filter((cut) => cut.startS === undefined).map((cut) => cut.durationS))];
  return durations.length ? findHookStarts(file, source, durations, tools) : new Map();
}

/** Two requested cuts that come out the same (same spec) are made once: they would share a key and a row. */
function distinct(cuts: PlannedCut[]): PlannedCut[] {
  const seen = new Set<string>();
  return cuts.filter((cut) => {
    const hash = specHash({ ...adCutSpec(cut) });
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

/**
 * Puts each cut and its poster into storage (a put replaces an object whole, never leaving a
 * part), returning their rows for the caller to record together. The poster's spec is its
 * cut's, so a cut's poster is the `cut_poster` rendition with the same spec hash.
 */
async function storeCuts(services: Services, assetId: string, rendered: readonly RenderedCut[], onStored: (done: number) => void): Promise<RenditionInput[]> {
  const rows: RenditionInput[] = [];
  for (const [index, { cut, file, poster, durationS }] of rendered.entries()) {
    const spec = { ...adCutSpec(cut) };
    const cutKey = adCutKey(assetId, cut);
    const cutSize = (await stat(file)).size;
    await services.storage.put(cutKey, createReadStream(file), { contentType: 'video/mp4', size: cutSize });
    rows.push({ assetId, kind: 'cut', spec, format: 'mp4', width: cut.width, height: cut.height, durationS, sizeBytes: cutSize, storageKey: cutKey });

    const posterKey = adCutPosterKey(assetId, cut);
    const posterSize = (await stat(poster)).size;
    const { format = 'jpeg', width, height } = await sharp(poster).metadata();
    await services.storage.put(posterKey, createReadStream(poster), { contentType: `image/${format}`, size: posterSize });
    rows.push({ assetId, kind: 'cut_poster', spec, format, width, height, sizeBytes: posterSize, storageKey: posterKey });
    onStored(index + 1);
  }
  return rows;
}

/**
 * Turns fractions into whole percents for `job.updateProgress`, sending only changes, one at
 * a time and in order (ffmpeg reports several times a second). A failed update (Redis
 * hiccup) costs a progress tick, never the job.
 */
function progressReporter(job: Job): { report(percent: number): void; settled(): Promise<void> } {
  let sent = 0;
  let chain = Promise.resolve();
  return {
    report(percent) {
      const value = Math.min(STORED_PERCENT, Math.floor(percent));
      if (value <= sent) return;
      sent = value;
      chain = chain.then(() => job.updateProgress(value)).catch(() => {});
    },
    settled: () => chain,
  };
}
