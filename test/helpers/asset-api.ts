import request from 'supertest';
import type { JobView } from '../../core/queue/job-queues';
import type { MediaHarness } from './media-harness';
import { settledJob } from './settled-job';

/** An asset as `GET /api/v1/assets/:id` shows it, as far as rendition tests look. */
export interface AssetBody {
  status: string;
  renditions: Array<{
    id: string;
    kind: string;
    spec: Record<string, unknown>;
    format: string;
    width: number;
    height: number;
    durationS?: number;
    url: string;
    urlExpiresAt?: string;
    urlWithheld?: string;
  }>;
}

/** Uploads through the API as the harness's admin, for its creator, and waits for the probe job to settle. */
export async function uploadAsset(h: MediaHarness, file: string, timeoutMs?: number): Promise<{ id: string; job: JobView }> {
  const res = await request(h.app)
    .post('/api/v1/assets')
    .set('Authorization', `Bearer ${h.adminKey}`)
    .field('creatorId', h.creatorId)
    .attach('file', file)
    .expect(201);
  return { id: res.body.id as string, job: await settledJob(h.services, res.body.jobId as string, timeoutMs) };
}

export async function getAsset(h: MediaHarness, id: string): Promise<AssetBody> {
  return (await request(h.app).get(`/api/v1/assets/${id}`).set('Authorization', `Bearer ${h.adminKey}`).expect(200)).body as AssetBody;
}

/** Fetches a rendition through the URL the API gave (the fs driver's URLs are served by the API itself). */
export async function downloadUrl(h: MediaHarness, url: string): Promise<Buffer> {
  const { pathname, search } = new URL(url, 'http://localhost');
  const res = await request(h.app)
    .get(pathname + search)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
  return res.body as Buffer;
}

/** The stored rendition objects of an asset, by key. */
export async function renditionObjects(h: MediaHarness, assetId: string): Promise<Array<{ key: string; size: number }>> {
  const objects: Array<{ key: string; size: number }> = [];
  for await (const { key, size } of h.services.storage.list(`assets/${assetId}/renditions/`)) objects.push({ key, size });
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}
