import path from 'node:path';
import type { Express } from 'express';
import sharp from 'sharp';
import request from 'supertest';
import type { JobView } from '../../core/queue/job-queues';
import type { Services } from '../../core/runtime/services';
import { makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { openMediaHarness, type MediaHarness } from '../helpers/media-harness';

let services: Services;
let app: Express;
let adminKey: string;
let dir: string;
let creatorId: string;
let harness: MediaHarness;

beforeAll(async () => {
  harness = await openMediaHarness('image-renditions-job');
  ({ services, app, adminKey, dir, creatorId } = harness);
});
afterAll(() => harness.close());

interface RenditionBody {
  id: string;
  kind: string;
  spec: Record<string, unknown>;
  format: string;
  width: number;
  height: number;
  url: string;
  urlExpiresAt?: string;
}

const settled = (jobId: string): Promise<JobView> => settledJob(services, jobId);

const getAsset = async (id: string) =>
  (await request(app).get(`/api/v1/assets/${id}`).set('Authorization', `Bearer ${adminKey}`).expect(200)).body as {
    status: string;
    renditions: RenditionBody[];
  };

async function upload(file: string): Promise<{ id: string; job: JobView }> {
  const res = await request(app)
    .post('/api/v1/assets')
    .set('Authorization', `Bearer ${adminKey}`)
    .field('creatorId', creatorId)
    .attach('file', file)
    .expect(201);
  return { id: res.body.id as string, job: await settled(res.body.jobId as string) };
}

async function storedKeys(assetId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of services.storage.list(`assets/${assetId}/renditions/`)) keys.push(object.key);
  return keys;
}

/** Fetches a rendition through the URL the API gave (the fs driver's URLs are served by the API itself). */
async function download(url: string): Promise<Buffer> {
  const { pathname, search } = new URL(url, 'http://localhost');
  const res = await request(app)
    .get(pathname + search)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

describe('image renditions on upload', () => {
  it('an uploaded phone photo becomes ready with every width and crop, linked, without EXIF, and a second run changes nothing', async () => {
    const file = path.join(dir, 'phone.jpg');
    await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#a05030' } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 13/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toFile(file);
    const { id, job } = await upload(file);
    expect(job.state).toBe('completed');

    const asset = await getAsset(id);
    expect(asset.status).toBe('ready');
    const summary = asset.renditions.map(({ kind, spec, format, width, height }) => ({ kind, spec, format, width, height }));
    const expected = [
      ...['webp', 'avif', 'jpeg'].flatMap((format) =>
        [
          [320, 480],
          [640, 960],
          [1080, 1620],
          [1600, 2400],
        ].map(([width, height]) => ({ kind: 'image', spec: { width, format }, format, width, height })),
      ),
      ...['webp', 'jpeg'].flatMap((format) =>
        [
          ['1:1', 1080],
          ['4:5', 1350],
          ['9:16', 1920],
        ].map(([aspect, height]) => ({ kind: 'crop', spec: { aspect, width: 1080, format }, format, width: 1080, height })),
      ),
    ];
    expect(summary).toHaveLength(expected.length);
    expect(summary).toEqual(expect.arrayContaining(expected));
    const keys = await storedKeys(id);
    expect(keys).toHaveLength(18);
    expect(keys).toContain(`assets/${id}/renditions/crop-9x16-1080.webp`);

    const crop = asset.renditions.find((r) => r.kind === 'crop' && r.spec.aspect === '9:16' && r.format === 'jpeg')!;
    const meta = await sharp(await download(crop.url)).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1080, height: 1920 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const again = await settled(await services.queues.add('media', { type: 'probe', assetId: id }, { jobId: `again-${id}` }));
    expect(again.state).toBe('completed');
    const after = await getAsset(id);
    expect(after.status).toBe('ready');
    const rows = (a: typeof asset) => a.renditions.map(({ url: _url, urlExpiresAt: _expires, ...row }) => row).sort((x, y) => x.id.localeCompare(y.id));
    expect(rows(after)).toEqual(rows(asset));
    expect((await storedKeys(id)).sort()).toEqual(keys.sort());
  });

  it('a small image gets renditions at its own size, never larger', async () => {
    const file = path.join(dir, 'small.png');
    await sharp({ create: { width: 240, height: 240, channels: 4, background: { r: 10, g: 200, b: 90, alpha: 0.5 } } })
      .png()
      .toFile(file);
    const { id } = await upload(file);
    const asset = await getAsset(id);
    expect(asset.status).toBe('ready');
    expect(asset.renditions).toHaveLength(3 + 6);
    for (const r of asset.renditions) expect(r.width <= 240 && r.height <= 240).toBe(true);
    expect(asset.renditions.filter((r) => r.kind === 'image').map((r) => r.width)).toEqual([240, 240, 240]);
  });

  it('a video gets no image renditions (only its poster and preview)', async () => {
    const { id, job } = await upload(await makeVideo(dir, 'clip.mp4', { width: 160, height: 120, durationS: 1 }));
    expect(job.state).toBe('completed');
    expect((await getAsset(id)).renditions.map((r) => r.kind).sort()).toEqual(['poster', 'preview']);
    expect((await storedKeys(id)).sort()).toEqual([`assets/${id}/renditions/poster.webp`, `assets/${id}/renditions/preview.mp4`]);
  });
});
