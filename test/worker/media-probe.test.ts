import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import type { Express } from 'express';
import request from 'supertest';
import { originalKey } from '../../core/storage/object-keys';
import { findAsset, insertAsset, updateAsset } from '../../core/assets/asset-store';
import type { JobView } from '../../core/queue/job-queues';
import type { Services } from '../../core/runtime/services';
import { cutFile, makeImage, makePngBomb, makeVideo, rotateVideo90 } from '../helpers/media-fixtures';
import { openMediaHarness, type MediaHarness } from '../helpers/media-harness';
import { settledJob } from '../helpers/settled-job';

let services: Services;
let app: Express;
let adminKey: string;
let dir: string;
let creatorId: string;
let harness: MediaHarness;
/** This file's own temporary directory: other test files probing at the same time use the machine's. */
let privateTmp: string;
const sharedTmp = process.env.TMPDIR;

beforeAll(async () => {
  privateTmp = await mkdtemp(`${os.tmpdir()}/media-probe-tmp-`);
  process.env.TMPDIR = privateTmp;
  harness = await openMediaHarness('media-probe');
  ({ services, app, adminKey, dir, creatorId } = harness);
});
afterAll(async () => {
  await harness.close();
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
  await rm(privateTmp, { recursive: true, force: true });
});

/** Uploads through the API, waits for the probe job, returns the asset as the API shows it and the job. */
async function uploadAndProbe(file: string): Promise<{ asset: Record<string, unknown>; job: JobView }> {
  const res = await request(app)
    .post('/api/v1/assets')
    .set('Authorization', `Bearer ${adminKey}`)
    .field('creatorId', creatorId)
    .attach('file', file)
    .expect(201);
  const job = await settledJob(services, res.body.jobId);
  const asset = await request(app).get(`/api/v1/assets/${res.body.id}`).set('Authorization', `Bearer ${adminKey}`).expect(200);
  return { asset: asset.body, job };
}

describe('media probe job', () => {
  it('a video becomes ready with size, duration, frame rate and codecs', async () => {
    const { asset, job } = await uploadAndProbe(await makeVideo(dir, 'ad.mp4', { width: 320, height: 180, durationS: 2, audio: true }));
    expect(job).toMatchObject({ state: 'completed', attempts: 1 });
    expect(asset).toMatchObject({ status: 'ready', width: 320, height: 180, frameRate: 25, videoCodec: 'h264', audioCodec: 'aac', hasAudio: true });
    expect(asset.durationS).toBeCloseTo(2, 1);
    expect(asset).not.toHaveProperty('error');
  });

  it('a portrait phone clip reports its displayed size', async () => {
    const file = await makeVideo(dir, 'phone.mp4', { width: 320, height: 180, durationS: 1, hue: 90 });
    await rotateVideo90(file);
    const { asset } = await uploadAndProbe(file);
    expect(asset).toMatchObject({ status: 'ready', width: 180, height: 320 });
  });

  it('an image becomes ready with its displayed size (EXIF orientation 6)', async () => {
    const { asset } = await uploadAndProbe(await makeImage(dir, 'portrait.jpg', { width: 400, height: 300, format: 'jpeg', orientation: 6 }));
    expect(asset).toMatchObject({ status: 'ready', kind: 'image', width: 300, height: 400 });
    expect(asset).not.toHaveProperty('durationS');
  });

  it('a video cut in half fails with a reason, once, without retries', async () => {
    const file = await makeVideo(dir, 'cut.mp4', { width: 320, height: 180, durationS: 2, audio: true, hue: 180 });
    await cutFile(file, 0.5);
    const { asset, job } = await uploadAndProbe(file);
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(asset).toMatchObject({ status: 'failed', error: expect.stringMatching(/truncated or corrupt/) });
    expect(String(asset.error)).not.toContain(os.tmpdir());
  });

  it('a decompression bomb that got past the upload check fails on the pixel limit', async () => {
    // Stored directly: the API refuses this header at upload, so this is the probe's own defence.
    const file = await makePngBomb(dir);
    const id = randomUUID();
    await services.storage.put(originalKey(id), createReadStream(file), { contentType: 'image/png' });
    const sha256 = randomBytes(32).toString('hex');
    await insertAsset(
      services.database.db,
      { id, creatorId, kind: 'image', sha256, storageKey: originalKey(id), mimeType: 'image/png', sizeBytes: (await readFile(file)).length },
      [],
    );
    const job = await settledJob(services, await services.queues.add('media', { type: 'probe', assetId: id }, { jobId: `probe-${id}` }));
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await findAsset(services.database.db, id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/over 100 megapixels/) });
  });

  it('running twice gives the same row', async () => {
    const { asset } = await uploadAndProbe(await makeVideo(dir, 'twice.mp4', { width: 160, height: 120, durationS: 1, hue: 270 }));
    const again = await settledJob(
      services,
      await services.queues.add('media', { type: 'probe', assetId: String(asset.id) }, { jobId: `again-${String(asset.id)}` }),
    );
    expect(again.state).toBe('completed');
    const after = await request(app)
      .get(`/api/v1/assets/${String(asset.id)}`)
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(200);
    // Rendition URLs are signed with an expiry counted from the moment of the request, so they
    // are left out: the rows behind them must be the same.
    const stable = ({ updatedAt: _, renditions, ...rest }: Record<string, unknown>) => ({
      ...rest,
      renditions: (renditions as Array<Record<string, unknown>>).map(({ url: _url, urlExpiresAt: _expires, ...r }) => r),
    });
    expect(stable(after.body as Record<string, unknown>)).toEqual(stable(asset));
  });

  it('a transient failure (original missing from storage) is retried, and marks the asset failed only after the last attempt', async () => {
    const { asset } = await uploadAndProbe(await makeImage(dir, 'gone.png', { width: 50, height: 40, format: 'png' }));
    await services.storage.delete(originalKey(String(asset.id)));
    // A run again of a probe that had succeeded fails too, but does not undo the success (its renditions exist).
    const rerun = await settledJob(
      services,
      await services.queues.add('media', { type: 'probe', assetId: String(asset.id) }, { jobId: `rerun-${String(asset.id)}`, attempts: 1 }),
    );
    expect(rerun.state).toBe('failed');
    expect(await findAsset(services.database.db, String(asset.id))).toMatchObject({ status: 'ready', error: null });

    // As uploaded and not yet probed: the retries fail, and only the last marks it failed.
    await updateAsset(services.database.db, String(asset.id), { status: 'uploaded' });
    const jobId = await services.queues.add(
      'media',
      { type: 'probe', assetId: String(asset.id) },
      { jobId: `retry-${String(asset.id)}`, attempts: 2, backoff: { type: 'fixed', delay: 100 } },
    );
    const job = await settledJob(services, jobId);
    expect(job).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await findAsset(services.database.db, String(asset.id))).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^Processing failed: No stored object/),
    });
  });

  it('removes its temporary files', async () => {
    // This process's own (the workers run in it): other test files probe in other processes meanwhile.
    expect((await readdir(os.tmpdir())).filter((name) => name.startsWith(`ugc-probe-${process.pid}-`))).toEqual([]);
  });
});
