import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { locateMediaTools } from '../../core/media/media-tools';
import { downloadUrl, getAsset, renditionObjects, uploadAsset, type AssetBody } from '../helpers/asset-api';
import { makeVideo, rotateVideo90 } from '../helpers/media-fixtures';
import { openMediaHarness, type MediaHarness } from '../helpers/media-harness';
import { settledJob } from '../helpers/settled-job';

const run = promisify(execFile);
const tools = locateMediaTools();
const JOB_TIMEOUT_MS = 60_000;

let h: MediaHarness;
beforeAll(async () => {
  h = await openMediaHarness('video-renditions-job');
});
afterAll(() => h.close());

type Stream = { codec_type: string; codec_name: string; width?: number; height?: number };

/** The streams of a downloaded preview, as ffprobe reads them. */
async function previewStreams(url: string, name: string): Promise<Stream[]> {
  const file = path.join(h.dir, name);
  await writeFile(file, await downloadUrl(h, url));
  const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
  return (JSON.parse(stdout) as { streams: Stream[] }).streams;
}

const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
const summary = (asset: AssetBody) =>
  asset.renditions.map(({ kind, spec, format, width, height, durationS }) => ({ kind, spec, format, width, height, durationS })).sort(byKind);
const rendition = (asset: AssetBody, kind: string) => asset.renditions.find((r) => r.kind === kind)!;

describe('video renditions on upload', () => {
  it('a 1080p clip with audio becomes ready with a poster and a muted preview, linked, and a second run changes nothing', async () => {
    const { id, job } = await uploadAsset(h, await makeVideo(h.dir, 'landscape.mp4', { width: 1920, height: 1080, durationS: 3, audio: true }), JOB_TIMEOUT_MS);
    expect(job.state).toBe('completed');
    const asset = await getAsset(h, id);
    expect(asset.status).toBe('ready');
    expect(summary(asset)).toEqual([
      { kind: 'poster', spec: { width: 1280, format: 'webp' }, format: 'webp', width: 1280, height: 720 }, // the API leaves out a null durationS
      { kind: 'preview', spec: { width: 1280, height: 720, durationS: 3, format: 'mp4' }, format: 'mp4', width: 1280, height: 720, durationS: 3 },
    ]);
    const objects = await renditionObjects(h, id);
    expect(objects.map((o) => o.key)).toEqual([`assets/${id}/renditions/poster.webp`, `assets/${id}/renditions/preview.mp4`]);

    expect(await sharp(await downloadUrl(h, rendition(asset, 'poster').url)).metadata()).toMatchObject({ format: 'webp', width: 1280, height: 720 });
    expect(await previewStreams(rendition(asset, 'preview').url, 'landscape-preview.mp4')).toEqual([
      expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width: 1280, height: 720 }),
    ]);

    const again = await settledJob(h.services, await h.services.queues.add('media', { type: 'probe', assetId: id }, { jobId: `again-${id}` }), JOB_TIMEOUT_MS);
    expect(again.state).toBe('completed');
    const after = await getAsset(h, id);
    expect(after.status).toBe('ready');
    const rows = (a: AssetBody) => a.renditions.map(({ url: _url, urlExpiresAt: _expires, ...row }) => row).sort((x, y) => x.id.localeCompare(y.id));
    expect(rows(after)).toEqual(rows(asset));
    expect(await renditionObjects(h, id)).toEqual(objects);
  }, 90_000);

  it('a portrait phone clip without audio gets upright 720×1280 renditions', async () => {
    const file = await makeVideo(h.dir, 'portrait.mp4', { width: 1920, height: 1080, durationS: 2 });
    await rotateVideo90(file);
    const { id, job } = await uploadAsset(h, file, JOB_TIMEOUT_MS);
    expect(job.state).toBe('completed');
    const asset = await getAsset(h, id);
    expect(asset.status).toBe('ready');
    expect(asset.renditions.map(({ kind, width, height }) => ({ kind, width, height })).sort(byKind)).toEqual([
      { kind: 'poster', width: 720, height: 1280 },
      { kind: 'preview', width: 720, height: 1280 },
    ]);
    expect(await previewStreams(rendition(asset, 'preview').url, 'portrait-preview.mp4')).toEqual([
      expect.objectContaining({ codec_type: 'video', width: 720, height: 1280 }),
    ]);
  }, 90_000);
});
