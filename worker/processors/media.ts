import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UnrecoverableError, type Job } from 'bullmq';
import { markAssetFailed, markAssetProcessing, markAssetReady } from '../../core/assets/asset-outcome';
import { findAsset } from '../../core/assets/asset-store';
import { IMAGE_CONTENT_TYPES, imageRenditionKey, renderImageRenditions } from '../../core/media/image-renditions';
import { locateMediaTools, type MediaTools } from '../../core/media/media-tools';
import { probeMedia, type MediaFacts } from '../../core/media/probe-media';
import { upsertRenditions } from '../../core/assets/rendition-store';
import { UnreadableMediaError } from '../../core/media/unreadable-media-error';
import { renderVideoRenditions, videoRenditionKey, type VideoSource } from '../../core/media/video-renditions';
import type { JobPayloads } from '../../core/queue/queue-names';
import { unknownEntity } from '../unknown-entity';
import type { Services } from '../../core/runtime/services';
import { makeAdCuts } from './cuts';
import { unknownJobType } from '../unknown-job-type';

type MediaJob = Job<JobPayloads['media']>;

export async function processMediaJob(job: MediaJob, services: Services, signal?: AbortSignal) {
  const { type } = job.data;
  switch (type) {
    case 'probe':
      return probeAsset(job, services, job.data.assetId);
    case 'cuts':
      return makeAdCuts(job as Job<typeof job.data>, services, mediaTools(services), signal);
    default:
      return unknownJobType(job, type);
  }
}

/** Found once per process (the binaries do not move while it runs). */
let tools: MediaTools | undefined;
const mediaTools = (services: Services): MediaTools => (tools ??= locateMediaTools(services.config));

/**
 * Probes an asset's original and records what it is: `processing` while it runs, then `ready`
 * with its dimensions, duration and codecs and its renditions (an image's ladder and crops, a
 * video's poster and preview), or `failed` with the reason; each end is announced once by the
 * `asset.ready` / `asset.failed` webhook (core/assets/asset-outcome.ts). A bad file fails for good
 * (UnrecoverableError: retrying cannot mend it); anything else (storage or database down) is
 * retried, and marks the asset failed only once the last attempt has failed. Running it again
 * gives the same rows and announces nothing new.
 */
async function probeAsset(job: MediaJob, services: Services, assetId: string): Promise<MediaFacts> {
  const { db } = services.database;
  const asset = await findAsset(db, assetId);
  if (!asset) throw unknownEntity(services, job, 'asset', assetId);
  // Deleted while the job waited: its files are gone and must not come back as renditions.
  if (asset.deletedAt) throw new UnrecoverableError(`Asset ${assetId} was deleted: nothing to process`);
  await markAssetProcessing(services, assetId);
  try {
    const facts = await withLocalCopy(services, asset.storageKey, async (file) => {
      const probed = await probeMedia(file, asset.kind, mediaTools(services));
      if (asset.kind === 'image') await storeImageRenditions(services, assetId, file);
      else await storeVideoRenditions(services, assetId, file, { width: probed.width, height: probed.height, durationS: probed.durationS! });
      return probed;
    });
    await markAssetReady(services, assetId, facts);
    return facts;
  } catch (err) {
    if (err instanceof UnreadableMediaError) {
      await markAssetFailed(services, assetId, err.message);
      throw new UnrecoverableError(err.message);
    }
    if (isLastAttempt(job)) await markAssetFailed(services, assetId, `Processing failed: ${(err as Error).message}`);
    throw err;
  }
}

/**
 * Renders the image's renditions, stores each object (a put replaces an object whole), then
 * records the rows in one statement; keys and rows are deterministic, so a retry replaces its
 * own output rather than adding to it.
 */
async function storeImageRenditions(services: Services, assetId: string, file: string): Promise<void> {
  const images = await renderImageRenditions(file);
  const rows = await Promise.all(
    images.map(async ({ spec, width, height, bytes }) => {
      const storageKey = imageRenditionKey(assetId, spec);
      await services.storage.put(storageKey, bytes, { contentType: IMAGE_CONTENT_TYPES[spec.format], size: bytes.length });
      const { kind, ...rest } = spec; // the kind has its own column
      return { assetId, kind, spec: rest, format: spec.format, width, height, sizeBytes: bytes.length, storageKey };
    }),
  );
  await upsertRenditions(services.database.db, rows);
}

/**
 * Renders a video's poster and preview next to the local copy (so they go with its directory),
 * streams each into storage, then records both rows in one statement; same keys and specs on a retry.
 */
async function storeVideoRenditions(services: Services, assetId: string, file: string, source: VideoSource): Promise<void> {
  const rendered = await renderVideoRenditions(file, source, mediaTools(services), path.dirname(file));
  const rows = [];
  for (const { spec, width, height, durationS, file: output, contentType } of rendered) {
    const storageKey = videoRenditionKey(assetId, spec);
    const { size } = await stat(output);
    await services.storage.put(storageKey, createReadStream(output), { contentType, size });
    const { kind, ...rest } = spec; // the kind has its own column
    rows.push({ assetId, kind, spec: rest, format: spec.format, width, height, durationS, sizeBytes: size, storageKey });
  }
  await upsertRenditions(services.database.db, rows);
}

/**
 * ffprobe and sharp want a file: the original is copied to a temporary directory, always removed
 * after. Named with the worker's pid, like the cut workspaces, so whose directory it is can be told.
 */
async function withLocalCopy<T>(services: Services, key: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `ugc-probe-${process.pid}-`));
  try {
    const file = path.join(dir, 'original');
    await pipeline(await services.storage.get(key), createWriteStream(file));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isLastAttempt = (job: MediaJob): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
