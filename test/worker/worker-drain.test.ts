import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { openMediaHarness, type MediaHarness } from '../helpers/media-harness';
import { makeVideo } from '../helpers/media-fixtures';
import { getAsset } from '../helpers/asset-api';

/**
 * Graceful shutdown of a worker: close() stops taking jobs but lets the active one finish
 * (a video's probe and renditions take a few seconds), so nothing is left half-done.
 */
let harness: MediaHarness;
beforeAll(async () => {
  harness = await openMediaHarness('worker-drain');
});
afterAll(() => harness.close());

it('closing the workers waits for the active job to complete', async () => {
  const { app, adminKey, creatorId, dir, services, workers } = harness;
  const file = await makeVideo(dir, 'drain.mp4', { width: 1280, height: 720, durationS: 8, audio: true });
  const res = await request(app)
    .post('/api/v1/assets')
    .set('Authorization', `Bearer ${adminKey}`)
    .field('creatorId', creatorId)
    .attach('file', file)
    .expect(201);

  for (let i = 0; i < 400 && (await services.queues.find(res.body.jobId))?.state !== 'active'; i++) await sleep(25);
  expect((await services.queues.find(res.body.jobId))?.state).toBe('active');

  await workers.close();

  expect(await services.queues.find(res.body.jobId)).toMatchObject({ state: 'completed', attempts: 1 });
  const asset = await getAsset(harness, res.body.id);
  expect(asset.status).toBe('ready');
  expect(asset.renditions.map((r) => r.kind).sort()).toEqual(['poster', 'preview']);
}, 60_000);
