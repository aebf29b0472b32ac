import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UnrecoverableError, type Job } from 'bullmq';
import { findAsset, updateAsset } from '../../core/media/asset-store';
import { configureFluentFfmpeg, type MediaTools } from '../../core/media/media-tools';
import { probeMedia, type MediaFacts } from '../../core/media/probe-media';
import { UnreadableMediaError } from '../../core/media/unreadable-media-error';
import type { JobPayloads } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';

type MediaJob = Job<JobPayloads['media']>;

export async function processMediaJob(job: MediaJob, services: Services): Promise<unknown> {
  switch (job.data.type) {
    case 'probe':
      return probeAsset(job, services, job.data.assetId);
  }
}

/** Found once per process (the binaries do not move while it runs), and fluent-ffmpeg pointed at them. */
let tools: MediaTools | undefined;
const mediaTools = (services: Services): MediaTools => (tools ??= configureFluentFfmpeg(services.config));

/**
 * Probes an asset's original and records what it is: `processing` while it runs, then `ready`
 * with its dimensions, duration and codecs, or `failed` with the reason. A bad file fails for
 * good (UnrecoverableError: retrying cannot mend it); anything else (storage or database down)
 * is retried, and marks the asset failed only once the last attempt has failed. Running it
 * again gives the same row.
 */
async function probeAsset(job: MediaJob, services: Services, assetId: string): Promise<MediaFacts> {
  const { db } = services.database;
  const asset = await findAsset(db, assetId);
  if (!asset) throw new UnrecoverableError(`Asset ${assetId} no longer exists`);
  await updateAsset(db, assetId, { status: 'processing', error: null });
  try {
    const facts = await withLocalCopy(services, asset.storageKey, (file) => probeMedia(file, asset.kind, mediaTools(services)));
    await updateAsset(db, assetId, { ...facts, status: 'ready', error: null });
    return facts;
  } catch (err) {
    if (err instanceof UnreadableMediaError) {
      await updateAsset(db, assetId, { status: 'failed', error: err.message });
      throw new UnrecoverableError(err.message);
    }
    if (isLastAttempt(job)) await updateAsset(db, assetId, { status: 'failed', error: `Processing failed: ${(err as Error).message}` });
    throw err;
  }
}

/** ffprobe and sharp want a file: the original is copied to a temporary directory, always removed after. */
async function withLocalCopy<T>(services: Services, key: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ugc-probe-'));
  try {
    const file = path.join(dir, 'original');
    await pipeline(await services.storage.get(key), createWriteStream(file));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isLastAttempt = (job: MediaJob): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
