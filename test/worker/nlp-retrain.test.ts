import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { retrainedModelsRoot } from '../../core/comments/active-classifier';
import { comments } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';

/**
 * Learning from people: corrections made through the API, folded in by a queued retrain (the real
 * training, on a small seeded sample of each corpus so it takes seconds), change what the model
 * answers for a similar comment it has never seen.
 */
let services: Services;
let workers: RunningWorkers;
let app: Express;
let adminKey: string;
const as = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);
const ROWS_PER_CORPUS = 400;

beforeAll(async () => {
  services = await openTestServices();
  workers = await startWorkers(services, ['nlp']);
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
});
afterAll(async () => {
  await workers.close();
  await services.close();
});

/** Comments about putting a mug in a dishwasher, and an unseen one like them. */
const CORRECTED = [
  'czy ten kubek można myć w zmywarce',
  'Czy kubek nadaje się do zmywarki?',
  'można go wrzucić do zmywarki?',
  'zmywarka go nie zniszczy?',
  'Is this mug dishwasher safe?',
  'can it go in the dishwasher',
  'will the print survive the dishwasher?',
  'dishwasher ok or hand wash only?',
  'czy nadruk przetrwa zmywarkę',
  'do zmywarki czy tylko ręcznie?',
  'Does it survive the dishwasher?',
  'is it safe for the dishwasher and microwave',
];
const UNSEEN = 'Czy mogę ten kubek myć w zmywarce?';

async function retrain(body: object): Promise<{ version: string; modelVersion: string; corrections: number; reclassifyJobId: string | null }> {
  const res = await as(request(app).post('/api/v1/comments/retrain'))
    .send({ rowsPerCorpus: ROWS_PER_CORPUS, ...body })
    .expect(202);
  const job = await settledJob(services, res.body.jobId, 180_000);
  if (job.state !== 'completed') throw new Error(`retrain failed: ${job.error}`);
  return job.result as never;
}

const topicOf = async (text: string): Promise<{ topic: string; topicScores: Record<string, number>; modelVersion: string }> =>
  (
    await as(request(app).post('/api/v1/comments/classify'))
      .send({ texts: [text] })
      .expect(200)
  ).body.items[0];

/** The topic the model ranks second: twelve corrections must be able to win it, whatever the corpora say first. */
const runnerUp = (scores: Record<string, number>): string => Object.entries(scores).sort((a, b) => b[1] - a[1])[1]![0];

test('a correction, folded in by a retrain, changes the model’s answer on a similar comment', async () => {
  const db = services.database.db;
  const inserted = await db
    .insert(comments)
    .values(CORRECTED.map((text, i) => ({ platform: 'instagram', externalId: `mug-${i}`, text, productSku: 'SKU-MUG' })))
    .returning({ id: comments.id });

  // The same training without corrections: what the model answers without them.
  const baseline = await retrain({});
  expect(baseline.corrections).toBe(0);
  const before = await topicOf(UNSEEN);
  expect(before.modelVersion).toBe(baseline.modelVersion);
  const target = runnerUp(before.topicScores);

  for (const { id } of inserted)
    await as(request(app).patch(`/api/v1/comments/${id}`))
      .send({ topic: target })
      .expect(200);
  const corrected = await retrain({ reclassify: true });
  expect(corrected).toMatchObject({ corrections: CORRECTED.length, reclassifyJobId: expect.stringMatching(/^nlp\./) });
  expect(corrected.modelVersion).not.toBe(baseline.modelVersion);
  // Every process sharing DATA_DIR switches to the new folder; the shipped models are untouched.
  expect((await readFile(path.join(retrainedModelsRoot(services.config), 'current'), 'utf8')).trim()).toBe(corrected.version);

  const after = await topicOf(UNSEEN);
  expect(after).toMatchObject({ topic: target, modelVersion: corrected.modelVersion });

  // Re-classified with the new models, the corrected comments keep model output and correction apart.
  expect((await settledJob(services, corrected.reclassifyJobId!, 60_000)).state).toBe('completed');
  const one = (await as(request(app).get(`/api/v1/comments/${inserted[0]!.id}`)).expect(200)).body;
  expect(one).toMatchObject({ topic: target, correction: { topic: target }, labels: { modelVersion: corrected.modelVersion } });
}, 400_000);
