import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Job, Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import sharp from 'sharp';
import { createApiKey } from '../../core/access/api-key-store';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, renditions, type Asset, type License } from '../../core/db';
import { revokeLicense } from '../../core/licensing/license-changes';
import { MAX_CUTS_PER_REQUEST, type CutRequest } from '../../core/vocabulary/ad-cut-request';
import { updateAsset } from '../../core/assets/asset-store';
import { locateMediaTools } from '../../core/media/media-tools';
import { CANCELLED_REASON } from '../../core/queue/job-queues';
import { makeAdCuts } from '../../worker/processors/cuts';
import { createRedisConnection } from '../../core/queue/redis-connection';
import { addAsset, addLicense } from '../core/ads/rights-fixtures';
import { downloadUrl, getAsset, uploadAsset, type AssetBody } from '../helpers/asset-api';
import { makeVideo } from '../helpers/media-fixtures';
import { openMediaHarness, type MediaHarness } from '../helpers/media-harness';
import { settledJob } from '../helpers/settled-job';

/**
 * POST /api/v1/assets/:id/cuts against the real app and a real media worker: every refusal
 * code, then a request rendered end to end with ffmpeg into storage, rows and the ads listing.
 */
const run = promisify(execFile);
const tools = locateMediaTools();
const DAY = 24 * 3600_000;
const JOB_TIMEOUT_MS = 120_000;

let h: MediaHarness;
const keys = { performance: '', contentManager: '', viewer: '' };
/** A 4 s clip with sound, uploaded and probed; licensed for paid social in Poland, edits allowed. */
let video: { id: string; license: License };
let image: Asset;

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const postCuts = (assetId: string, body: unknown, key = keys.performance) =>
  as(key, request(h.app).post(`/api/v1/assets/${assetId}/cuts`)).send(body as object);

beforeAll(async () => {
  h = await openMediaHarness('cuts-api');
  const db = h.services.database.db;
  keys.performance = (await createApiKey(db, 'ads team', 'performance')).key;
  keys.contentManager = (await createApiKey(db, 'library team', 'content_manager')).key;
  keys.viewer = (await createApiKey(db, 'auditor', 'viewer')).key;
  const { id } = await uploadAsset(h, await makeVideo(h.dir, 'source.mp4', { width: 640, height: 360, durationS: 4, audio: true }), JOB_TIMEOUT_MS);
  video = {
    id,
    license: await addLicense(db, { assetIds: [id], territories: ['PL'], channels: ['paid_social', 'product_page'], endsAt: new Date(Date.now() + 30 * DAY) }),
  };
  image = await addAsset(db, h.services.storage, { creatorId: h.creatorId, kind: 'image' });
  await addLicense(db, { assetIds: [image.id] });
}, 120_000);
afterAll(() => h.close());

/** A ready video of the given length (rows only: refusals never reach the bytes), with these licenses. */
async function readyVideo(licenses: Array<Parameters<typeof addLicense>[1]>, durationS = 10): Promise<Asset> {
  const db = h.services.database.db;
  const asset = await addAsset(db, h.services.storage, { creatorId: h.creatorId });
  await updateAsset(db, asset.id, { durationS });
  for (const terms of licenses) await addLicense(db, { ...terms, assetIds: [asset.id] });
  return asset;
}

describe('POST /api/v1/assets/:id/cuts refuses', () => {
  it('without a key (401), and for a role that does not make ads (403 forbidden_role)', async () => {
    expect(
      (
        await request(h.app)
          .post(`/api/v1/assets/${video.id}/cuts`)
          .send({ cuts: [{ aspect: '1:1', durationS: 2 }] })
          .expect(401)
      ).body.error.code,
    ).toBe('missing_api_key');
    expect((await postCuts(video.id, { cuts: [{ aspect: '1:1', durationS: 2 }] }, keys.viewer).expect(403)).body.error.code).toBe('forbidden_role');
  });

  it('a malformed asset id with 400 invalid_id, an unknown asset with 404 asset_not_found', async () => {
    expect((await postCuts('not-a-uuid', { cuts: [{ aspect: '1:1', durationS: 2 }] }).expect(400)).body.error.code).toBe('invalid_id');
    expect((await postCuts(randomUUID(), { cuts: [{ aspect: '1:1', durationS: 2 }] }).expect(404)).body.error.code).toBe('asset_not_found');
  });

  const cut = { aspect: '9:16', durationS: 2 };
  it.each<[string, unknown]>([
    ['no body', {}],
    ['no cuts', { cuts: [] }],
    ['more cuts than allowed', { cuts: Array.from({ length: MAX_CUTS_PER_REQUEST + 1 }, () => cut) }],
    ['an unknown aspect', { cuts: [{ ...cut, aspect: '2:1' }] }],
    ['a cut shorter than a second', { cuts: [{ ...cut, durationS: 0.5 }] }],
    ['a duration that is not a number', { cuts: [{ ...cut, durationS: '2 s' }] }],
    ['no duration', { cuts: [{ aspect: '1:1' }] }],
    ['a negative start', { cuts: [{ ...cut, startS: -1 }] }],
    ['an unknown fit', { cuts: [{ ...cut, fit: 'stretch' }] }],
    ['a disclosure that is not text', { cuts: [{ ...cut, disclosure: 7 }] }],
  ])('%s with 422 invalid_cuts', async (_name, body) => {
    const res = await postCuts(video.id, body).expect(422);
    expect(res.body.error.code).toBe('invalid_cuts');
    expect(res.body.error.details.issues.length).toBeGreaterThan(0);
  });

  // A label must disclose: text a viewer can read, burned into the video.
  it.each<[string, string]>([
    ['an empty disclosure', '   '],
    ['a zero-width space', '\u200b'],
    ['only invisible format and space characters', ' \u200b\u2060\ufeff\u00a0\u3000 '],
    ['Hangul fillers, letters that draw nothing', '\u3164\u3164\u3164'],
    ['a single visible character', 'X'],
    ['a single character padded with invisible ones', '\u200bX\u200b'],
    ['combining marks with nothing to sit on', '\u0301\u0301\u0301'],
    ['a label reordered by a bidi override', '\u202eDA\u202c'],
    ['a label with a zero-width space inside', 'REK\u200bLAMA'],
    ['a disclosure too long for a badge', 'x'.repeat(41)],
    ['a disclosure on two lines', 'Paid\npartnership'],
    ['a disclosure with a control character', 'Ad\u0007'],
    ['a disclosure with a line separator', 'Ad\u2028more'],
  ])('%s with 422 invalid_disclosure, naming the cut', async (_name, disclosure) => {
    const res = await postCuts(video.id, { cuts: [cut, { ...cut, aspect: '1:1', disclosure }] }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_disclosure', details: { index: 1 } });
  });

  it('an invisible label even where the license requires disclosure, rather than burning an empty box', async () => {
    const asset = await readyVideo([{ disclosureRequired: true }]);
    const res = await postCuts(asset.id, { cuts: [{ ...cut, disclosure: '\u200b' }] }).expect(422);
    expect(res.body.error.code).toBe('invalid_disclosure');
  });

  it('an image with 422 not_a_video', async () => {
    expect((await postCuts(image.id, { cuts: [cut] }).expect(422)).body.error.code).toBe('not_a_video');
  });

  it('a video still uploaded or processing with 409 asset_not_ready, a failed one with 409 asset_failed and its reason', async () => {
    const db = h.services.database.db;
    for (const status of ['uploaded', 'processing'] as const) {
      const asset = await addAsset(db, h.services.storage, { creatorId: h.creatorId, status });
      await addLicense(db, { assetIds: [asset.id] });
      const res = await postCuts(asset.id, { cuts: [cut] }).expect(409);
      expect(res.body.error).toMatchObject({ code: 'asset_not_ready', details: { status } });
    }
    const failed = await addAsset(db, h.services.storage, { creatorId: h.creatorId, status: 'failed' });
    await updateAsset(db, failed.id, { error: 'moov atom not found' });
    const res = await postCuts(failed.id, { cuts: [cut] }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'asset_failed', details: { error: 'moov atom not found' } });
  });

  const later = () => new Date(Date.now() + 10 * DAY);
  it.each<[string, () => Array<Parameters<typeof addLicense>[1]>, string[]]>([
    ['no license at all', () => [], ['no_license']],
    ['a license without edits', () => [{ derivativesAllowed: false }], ['derivatives_not_allowed']],
    ['a license for unpaid channels only', () => [{ channels: ['product_page', 'organic_social'] }], ['channel_not_granted']],
    ['a revoked license', () => [{ status: 'revoked' }], ['revoked']],
    ['a draft', () => [{ status: 'draft' }], ['not_active']],
    ['a license that has ended', () => [{ startsAt: new Date(Date.now() - 10 * DAY), endsAt: new Date(Date.now() - DAY) }], ['expired']],
    ['a license not started yet', () => [{ startsAt: later() }], ['not_started']],
    [
      'two licenses, each lacking something',
      () => [{ derivativesAllowed: false }, { channels: ['email'] }],
      ['channel_not_granted', 'derivatives_not_allowed'],
    ],
  ])('%s with 403 derivatives_not_allowed and every reason', async (_name, licenses, reasons) => {
    const asset = await readyVideo(licenses());
    const res = await postCuts(asset.id, { cuts: [cut] }).expect(403);
    expect(res.body.error).toMatchObject({ code: 'derivatives_not_allowed', details: { reasons } });
  });

  it('a cut longer than the source, or running past its end, with 422 cut_too_long naming the cut', async () => {
    const tooLong = await postCuts(video.id, { cuts: [{ aspect: '1:1', durationS: 5 }] }).expect(422);
    expect(tooLong.body.error).toMatchObject({ code: 'cut_too_long', details: { index: 0 } });
    const pastEnd = await postCuts(video.id, { cuts: [cut, { aspect: '1:1', durationS: 2, startS: 2.5 }] }).expect(422);
    expect(pastEnd.body.error).toMatchObject({ code: 'cut_too_long', details: { index: 1 } });
  });

  it('no label under a license that requires disclosure with 422 disclosure_required', async () => {
    const asset = await readyVideo([{ disclosureRequired: true }]);
    const res = await postCuts(asset.id, {
      cuts: [
        { ...cut, disclosure: 'Werbung' },
        { ...cut, disclosure: null },
      ],
    }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'disclosure_required', details: { index: 1 } });
  });
});

type JobBody = { id: string; state: string; progress: number; attempts: number; result?: CutsResult; error?: string };
type MadeCut = { cutId: string; aspect: string; durationS: number; startS: number; fit: string; disclosure: string | null; width: number; height: number };
type CutsResult = { cuts: MadeCut[]; licenseId: string };

/** Polls GET /api/v1/jobs/:id, as a client would, until the job has completed or failed. */
async function finishedJob(jobId: string): Promise<JobBody> {
  const started = Date.now();
  while (Date.now() - started < JOB_TIMEOUT_MS) {
    const job = (await as(keys.performance, request(h.app).get(`/api/v1/jobs/${jobId}`)).expect(200)).body as JobBody;
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish within ${JOB_TIMEOUT_MS} ms`);
}

async function cutRows(assetId: string) {
  const rows = await h.services.database.db
    .select()
    .from(renditions)
    .where(and(eq(renditions.assetId, assetId), inArray(renditions.kind, ['cut', 'cut_poster'])));
  return rows.sort((a, b) => a.storageKey.localeCompare(b.storageKey));
}

async function storedObjects(assetId: string): Promise<Array<{ key: string; size: number }>> {
  const objects: Array<{ key: string; size: number }> = [];
  for await (const { key, size } of h.services.storage.list(`assets/${assetId}/cuts/`)) objects.push({ key, size });
  return objects;
}

type Stream = { codec_type: string; codec_name: string; width?: number; height?: number };
async function probeDownload(url: string, name: string): Promise<{ durationS: number; streams: Stream[] }> {
  const file = path.join(h.dir, name);
  await writeFile(file, await downloadUrl(h, url));
  const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  const probed = JSON.parse(stdout) as { streams: Stream[]; format: { duration: string } };
  return { durationS: Number(probed.format.duration), streams: probed.streams };
}

describe('POST /api/v1/assets/:id/cuts makes the cuts', () => {
  const REQUEST = {
    cuts: [
      // The hook's start, cropped, with the license's default label (Poland alone: REKLAMA).
      { aspect: '9:16', durationS: 2 },
      { aspect: '1:1', durationS: 1.5, startS: 1, fit: 'blur', disclosure: 'Paid partnership' },
      { aspect: '16:9', durationS: 1, startS: 0, disclosure: null },
    ],
  };
  let made: CutsResult;
  let firstJobId: string;

  it(
    'queues one job for the same request twice, reports its progress, and stores every cut and poster with its row',
    async () => {
      const connection = createRedisConnection(h.services.config.redisUrl, 'worker');
      const events = new QueueEvents('media', { connection, prefix: h.services.config.queuePrefix });
      const progress: unknown[] = [];
      events.on('progress', ({ jobId, data }) => {
        if (`media.${jobId}` === firstJobId) progress.push(data);
      });
      await events.waitUntilReady();
      try {
        const first = await postCuts(video.id, REQUEST, keys.contentManager).expect(202);
        firstJobId = first.body.jobId as string;
        // The same request, with a default spelt out, while the first is queued or running: the same job.
        const sameRequest = { cuts: [{ ...REQUEST.cuts[0], fit: 'crop' }, ...REQUEST.cuts.slice(1)] };
        expect((await postCuts(video.id, sameRequest).expect(202)).body.jobId).toBe(firstJobId);

        const job = await finishedJob(firstJobId);
        expect(job).toMatchObject({ state: 'completed', progress: 100, attempts: 1 });
        made = job.result!;
      } finally {
        await events.close();
        await connection.quit(); // BullMQ leaves a connection it was handed open
      }
      expect(made.licenseId).toBe(video.license.id);
      expect(made.cuts).toEqual([
        { cutId: expect.any(String), aspect: '9:16', durationS: 2, startS: expect.any(Number), fit: 'crop', disclosure: 'REKLAMA', width: 1080, height: 1920 },
        { cutId: expect.any(String), aspect: '1:1', durationS: 1.5, startS: 1, fit: 'blur', disclosure: 'Paid partnership', width: 1080, height: 1080 },
        { cutId: expect.any(String), aspect: '16:9', durationS: 1, startS: 0, fit: 'crop', disclosure: null, width: 1920, height: 1080 },
      ]);
      const hookStart = made.cuts[0]!.startS;
      expect(hookStart).toBeGreaterThanOrEqual(0);
      expect(hookStart).toBeLessThanOrEqual(2);

      // Whole percents, only forward, the render's share (up to 90) then storing (up to 99); completion shows 100.
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every((p) => Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 99)).toBe(true);
      expect(progress).toEqual([...progress].sort((a, b) => (a as number) - (b as number)));
      expect(new Set(progress).size).toBe(progress.length);
      expect(progress.some((p) => (p as number) < 90)).toBe(true);
      expect(progress.at(-1)).toBe(99);

      // Rows: each cut once with its spec, and its poster under the same spec.
      const asset: AssetBody = await getAsset(h, video.id);
      const cuts = asset.renditions.filter((r) => r.kind === 'cut');
      const posters = asset.renditions.filter((r) => r.kind === 'cut_poster');
      expect(cuts.map((r) => r.id).sort()).toEqual(made.cuts.map((c) => c.cutId).sort());
      for (const { cutId, width, height, ...spec } of made.cuts) {
        const cut = cuts.find((r) => r.id === cutId)!;
        expect(cut).toMatchObject({ spec, format: 'mp4', width, height });
        expect(Math.abs(cut.durationS! - spec.durationS)).toBeLessThan(0.1);
        const poster = posters.find((r) => JSON.stringify(r.spec) === JSON.stringify(cut.spec))!;
        expect(poster).toMatchObject({ format: 'webp', width, height });
        expect(await sharp(await downloadUrl(h, poster.url)).metadata()).toMatchObject({ format: 'webp', width, height });
        const file = await probeDownload(cut.url, `${cutId}.mp4`);
        expect(Math.abs(file.durationS - spec.durationS)).toBeLessThan(0.1);
        expect(file.streams).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width, height }),
            expect.objectContaining({ codec_type: 'audio', codec_name: 'aac' }),
          ]),
        );
      }
      expect(posters).toHaveLength(3);

      // Objects: exactly the rows' keys, with the rows' sizes.
      const rows = await cutRows(video.id);
      expect(await storedObjects(video.id)).toEqual(rows.map((r) => ({ key: r.storageKey, size: r.sizeBytes })).sort((a, b) => a.key.localeCompare(b.key)));
    },
    JOB_TIMEOUT_MS + 30_000,
  );

  it('asking again once it is done gets the same finished job, and adds nothing', async () => {
    const before = await cutRows(video.id);
    const again = await postCuts(video.id, REQUEST).expect(202);
    expect(again.body.jobId).toBe(firstJobId);
    expect((await finishedJob(firstJobId)).result).toEqual(made);
    expect(await cutRows(video.id)).toEqual(before);
  });

  it('records the making in the asset’s history: who asked, the license terms it was made under, the cuts', async () => {
    type Entry = {
      action: string;
      actor: { name: string } | null;
      after: { jobId: string; license: Record<string, unknown>; cuts: Array<{ cutId: string; aspect: string }> };
    };
    const history = (await as(keys.viewer, request(h.app).get(`/api/v1/assets/${video.id}/history`)).expect(200)).body.items as Entry[];
    const entries = history.filter((e) => e.action === 'asset.cuts_made' && e.after.jobId === firstJobId);
    expect(entries).toHaveLength(1); // asked twice, made once
    expect(entries[0]!.actor).toMatchObject({ name: 'library team' });
    expect(entries[0]!.after.license).toMatchObject({
      id: video.license.id,
      territories: ['PL'],
      derivativesAllowed: true,
      endsAt: video.license.endsAt!.toISOString(),
    });
    expect(entries[0]!.after.cuts.map((c) => [c.cutId, c.aspect])).toEqual(made.cuts.map((c) => [c.cutId, c.aspect]));
    expect((await as(keys.viewer, request(h.app).get(`/api/v1/assets/${randomUUID()}/history`)).expect(404)).body.error.code).toBe('asset_not_found');
  });

  it('GET /api/v1/ads lists the new cuts for a paid channel in the license territory, and only there', async () => {
    const list = async (query: string) =>
      (
        (await as(keys.performance, request(h.app).get(`/api/v1/ads?${query}`)).expect(200)).body.items as Array<{
          cutId: string;
          assetId: string;
          disclosure: string | null;
        }>
      ).filter((item) => item.assetId === video.id);
    const listed = await list('channel=paid_social&territory=PL');
    expect(listed.map((i) => i.cutId).sort()).toEqual(made.cuts.map((c) => c.cutId).sort());
    expect(listed.map((i) => i.disclosure).sort()).toEqual(['Paid partnership', 'REKLAMA', null].sort());
    expect(await list('channel=paid_social&territory=DE')).toEqual([]);
    expect(await list('channel=paid_video&territory=PL')).toEqual([]);
  });

  it(
    'a retried job replaces its own objects and rows in place: same ids, same keys, nothing added',
    async () => {
      const before = await cutRows(video.id);
      const objectsBefore = await storedObjects(video.id);
      const payload = {
        type: 'cuts' as const,
        assetId: video.id,
        licenseId: video.license.id,
        defaultDisclosure: 'REKLAMA',
        cuts: [REQUEST.cuts[0]!, REQUEST.cuts[2]!] as CutRequest[],
      };
      const job = await settledJob(h.services, await h.services.queues.add('media', payload, { jobId: `retry-${video.id}` }), JOB_TIMEOUT_MS);
      expect(job.state).toBe('completed');
      expect((job.result as CutsResult).cuts).toEqual([made.cuts[0], made.cuts[2]]);
      const after = await cutRows(video.id);
      expect(after.map(({ id, kind, spec, storageKey }) => ({ id, kind, spec, storageKey }))).toEqual(
        before.map(({ id, kind, spec, storageKey }) => ({ id, kind, spec, storageKey })),
      );
      expect((await storedObjects(video.id)).map((o) => o.key)).toEqual(objectsBefore.map((o) => o.key));
    },
    JOB_TIMEOUT_MS,
  );

  it(
    'a job run again after its worker lost the lock records its making once; a new job under the same id records its own',
    async () => {
      const db = h.services.database.db;
      const jobId = `rerun-${video.id}`;
      const entriesOf = async () =>
        (
          await db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, 'asset.cuts_made'), eq(auditLog.entityId, video.id)))
        ).filter((e) => (e.after as { jobId: string }).jobId === `media.${jobId}`);
      const payload = {
        type: 'cuts' as const,
        assetId: video.id,
        licenseId: video.license.id,
        defaultDisclosure: 'REKLAMA',
        cuts: [REQUEST.cuts[0]!] as CutRequest[],
        requestedBy: null,
      };
      expect((await settledJob(h.services, await h.services.queues.add('media', payload, { jobId }), JOB_TIMEOUT_MS)).state).toBe('completed');
      expect(await entriesOf()).toHaveLength(1);

      // What a second worker does with a job whose lock lapsed while the first still ran it: the
      // same job (same id, same creation time) through the same processor, to the end.
      const connection = createRedisConnection(h.services.config.redisUrl, 'producer');
      const queue = new Queue('media', { connection, prefix: h.services.config.queuePrefix });
      try {
        const job = (await Job.fromId(queue, jobId))!;
        const again = await makeAdCuts(job as Job, h.services, tools);
        expect(again.cuts.map((c) => c.cutId)).toEqual([made.cuts[0]!.cutId]);
        const [entry] = await entriesOf();
        expect(await entriesOf()).toEqual([entry]);

        // The request made again once that job is gone is a new making, recorded as such.
        await job.remove();
        expect((await settledJob(h.services, await h.services.queues.add('media', payload, { jobId }), JOB_TIMEOUT_MS)).state).toBe('completed');
        expect(await entriesOf()).toHaveLength(2);
      } finally {
        await queue.close();
        await connection.quit();
      }
    },
    3 * JOB_TIMEOUT_MS,
  );

  it('a license revoked while the job waited fails it for good, with the reason, and adds nothing', async () => {
    const db = h.services.database.db;
    const withdrawn = await addLicense(db, { assetIds: [video.id], territories: ['DE'] });
    await revokeLicense(db, null, withdrawn.id, 'the creator withdrew consent');
    const before = await cutRows(video.id);
    const payload = {
      type: 'cuts' as const,
      assetId: video.id,
      licenseId: withdrawn.id,
      defaultDisclosure: '#ad',
      cuts: [{ aspect: '4:5' as const, durationS: 1 }],
    };
    const job = await settledJob(h.services, await h.services.queues.add('media', payload, { jobId: `revoked-${video.id}` }), JOB_TIMEOUT_MS);
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1); // UnrecoverableError: not retried
    expect(job.error).toBe(`License ${withdrawn.id} of asset ${video.id} no longer lets it be edited for a paid channel (revoked)`);
    expect(await cutRows(video.id)).toEqual(before);
  });
});

describe('DELETE /api/v1/jobs/:id cancels a cut job', () => {
  const cancel = (jobId: string, key = keys.performance) => as(key, request(h.app).delete(`/api/v1/jobs/${jobId}`));
  const jobState = async (jobId: string) => (await as(keys.performance, request(h.app).get(`/api/v1/jobs/${jobId}`)).expect(200)).body as JobBody;

  it(
    'stops a running render: ffmpeg is stopped before it finishes, the job fails for good with the reason, nothing is stored',
    async () => {
      const before = await cutRows(video.id);
      // Eight distinct 1080-line cuts of the whole clip, half of them blurred: seconds of ffmpeg work.
      const cuts = (['9:16', '1:1', '4:5', '16:9'] as const).flatMap((aspect) =>
        (['crop', 'blur'] as const).map((fit) => ({ aspect, durationS: 4, startS: 0, fit })),
      );
      const { jobId } = (await postCuts(video.id, { cuts }).expect(202)).body as { jobId: string };
      const started = Date.now();
      while ((await jobState(jobId)).progress < 1) {
        if (Date.now() - started > JOB_TIMEOUT_MS) throw new Error('the render never started');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await cancel(jobId).expect(202)).body).toEqual({ id: jobId, state: 'cancelling' });
      const job = await finishedJob(jobId);
      expect(job).toMatchObject({ state: 'failed', attempts: 1, error: CANCELLED_REASON });
      expect(job.progress).toBeLessThan(90); // rendering had not finished: ffmpeg was stopped
      expect(await cutRows(video.id)).toEqual(before);
      expect((await cancel(jobId).expect(409)).body.error).toMatchObject({ code: 'job_finished', details: { state: 'failed' } });
    },
    JOB_TIMEOUT_MS,
  );

  it('removes a job that has not started, refuses viewers, and says when there is no such job', async () => {
    const payload = {
      type: 'cuts' as const,
      assetId: video.id,
      licenseId: video.license.id,
      defaultDisclosure: 'REKLAMA',
      cuts: [{ aspect: '1:1' as const, durationS: 1 }],
    };
    const jobId = await h.services.queues.add('media', payload, { jobId: `later-${video.id}`, delay: 60_000 });
    expect((await cancel(jobId, keys.viewer).expect(403)).body.error.code).toBe('forbidden_role');
    expect((await cancel(jobId, keys.contentManager).expect(200)).body).toEqual({ id: jobId, state: 'cancelled' });
    expect(await h.services.queues.find(jobId)).toBeNull();
    expect((await cancel(jobId).expect(404)).body.error.code).toBe('job_not_found');
    expect((await cancel('media.no-such-job').expect(404)).body.error.code).toBe('job_not_found');
  });
});
