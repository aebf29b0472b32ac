import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import { QueueEvents } from 'bullmq';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { retrainedModelsRoot } from '../../core/comments/active-classifier';
import { comments } from '../../core/db';
import { createRedisConnection } from '../../core/queue/redis-connection';
import type { Services } from '../../core/runtime/services';
import type { RetrainResult } from '../../worker/retrain/retrain-models';
import type { RetrainProgress } from '../../worker/retrain/retrain-progress';
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

/** Every progress the retrain job reported, in order, as BullMQ's events delivered them. */
let progress: RetrainProgress[] = [];

async function retrain(body: object): Promise<RetrainResult> {
  const connection = createRedisConnection(services.config.redisUrl, 'worker');
  const events = new QueueEvents('nlp', { connection, prefix: services.config.queuePrefix });
  await events.waitUntilReady();
  progress = [];
  let jobId = '';
  events.on('progress', ({ jobId: id, data }) => {
    if (`nlp.${id}` === jobId) progress.push(data as RetrainProgress);
  });
  try {
    const res = await as(request(app).post('/api/v1/comments/retrain'))
      .send({ rowsPerCorpus: ROWS_PER_CORPUS, ...body })
      .expect(202);
    jobId = res.body.jobId;
    const job = await settledJob(services, jobId, 180_000);
    if (job.state !== 'completed') throw new Error(`retrain failed: ${job.error}`);
    return job.result as RetrainResult;
  } finally {
    await events.close();
    await connection.quit(); // BullMQ leaves a connection it was handed open
  }
}

const topicOf = async (text: string): Promise<{ topic: string; topicScores: Record<string, number>; modelVersion: string }> =>
  (
    await as(request(app).post('/api/v1/comments/classify'))
      .send({ texts: [text] })
      .expect(200)
  ).body.items[0];

let last: RetrainResult;

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
  // Never classified before, every stored comment gets labels: each "changed".
  expect(baseline).toMatchObject({ corrections: 0, reclassified: { comments: CORRECTED.length, changed: CORRECTED.length } });
  const before = await topicOf(UNSEEN);
  expect(before.modelVersion).toBe(baseline.modelVersion);
  const target = runnerUp(before.topicScores);

  for (const { id } of inserted)
    await as(request(app).patch(`/api/v1/comments/${id}`))
      .send({ topic: target })
      .expect(200);
  const corrected = await retrain({});
  expect(corrected).toMatchObject({ corrections: CORRECTED.length, previousModelVersion: baseline.modelVersion });
  expect(corrected.modelVersion).not.toBe(baseline.modelVersion);
  // Every process sharing DATA_DIR switches to the new folder; the shipped models are untouched.
  expect((await readFile(path.join(retrainedModelsRoot(services.config), 'current'), 'utf8')).trim()).toBe(corrected.version);

  const after = await topicOf(UNSEEN);
  expect(after).toMatchObject({ topic: target, modelVersion: corrected.modelVersion });

  // Re-classified with the new models, the corrected comments keep model output and correction apart.
  expect(corrected.reclassified).toMatchObject({ comments: CORRECTED.length, changed: expect.any(Number) });
  // The corrected texts are what the new models learnt: at least one of them now says so on its own.
  expect(corrected.reclassified!.changedByLabel.topic).toBeGreaterThan(0);
  expect(corrected.reclassified!.changed).toBeLessThanOrEqual(CORRECTED.length);
  const versions = await db.selectDistinct({ modelVersion: comments.modelVersion }).from(comments);
  expect(versions).toEqual([{ modelVersion: corrected.modelVersion }]);
  last = corrected;
  const one = (await as(request(app).get(`/api/v1/comments/${inserted[0]!.id}`)).expect(200)).body;
  expect(one).toMatchObject({ topic: target, correction: { topic: target }, labels: { modelVersion: corrected.modelVersion } });
}, 400_000);

test('the retrain reports each stage with a percentage that moves, and the old and new models’ figures', () => {
  const stages = [...new Set(progress.map((p) => p.stage))];
  expect(stages).toEqual(['corrections', 'corpora', 'features', 'training', 'saving', 'evaluation', 'reclassifying']);
  const percents = progress.map((p) => p.percent);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(new Set(percents).size).toBeGreaterThan(15);
  expect(percents.at(-1)).toBeLessThan(100);
  const trained = progress.filter((p) => p.stage === 'training').map((p) => p.detail);
  expect(trained).toEqual(['language', 'sentimentPl', 'sentimentEn', 'question', 'topic', 'spam', 'substantive']);
  expect(progress.filter((p) => p.stage === 'corpora')).toHaveLength(11);
  expect(progress.at(-1)).toMatchObject({ stage: 'reclassifying', detail: `${CORRECTED.length}/${CORRECTED.length}` });

  const { before, after } = last.figures!;
  expect(before.modelVersion).toBe(last.previousModelVersion);
  expect(after.modelVersion).toBe(last.modelVersion);
  for (const figures of [before, after]) {
    expect(figures.comments).toBeGreaterThan(1000);
    for (const f of [figures.questionF1, figures.topicMacroF1, figures.sentimentMacroF1, figures.substantiveF1]) expect(f).toBeGreaterThan(0.2);
  }
});

test('a retrain cancelled while training stops its child, leaves no folder and keeps the models in use', async () => {
  const current = path.join(retrainedModelsRoot(services.config), 'current');
  const inUse = (await readFile(current, 'utf8')).trim();
  const foldersBefore = await readdir(retrainedModelsRoot(services.config));
  const connection = createRedisConnection(services.config.redisUrl, 'worker');
  const events = new QueueEvents('nlp', { connection, prefix: services.config.queuePrefix });
  await events.waitUntilReady();
  try {
    const { jobId } = (await as(request(app).post('/api/v1/comments/retrain')).send({ rowsPerCorpus: ROWS_PER_CORPUS }).expect(202)).body as { jobId: string };
    // Cancelled once the training child runs (its corpora stage is reported from inside it).
    await new Promise<void>((resolve) =>
      events.on('progress', ({ jobId: id, data }) => {
        if (`nlp.${id}` === jobId && (data as RetrainProgress).stage === 'corpora') resolve();
      }),
    );
    const cancel = await as(request(app).delete(`/api/v1/jobs/${jobId}`)).expect(202);
    expect(cancel.body).toEqual({ id: jobId, state: 'cancelling' });
    const job = await settledJob(services, jobId, 60_000);
    expect(job.state).toBe('failed');
  } finally {
    await events.close();
    await connection.quit();
  }
  expect((await readFile(current, 'utf8')).trim()).toBe(inUse);
  expect((await topicOf(UNSEEN)).modelVersion).toBe(last.modelVersion);
  expect(await readdir(retrainedModelsRoot(services.config))).toEqual(foldersBefore);
}, 120_000);
