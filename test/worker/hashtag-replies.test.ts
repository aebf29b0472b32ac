import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import type { Services } from '../../core/runtime/services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';

/**
 * A creator answers a rights request by commenting its hashtag: imported comments go through the
 * real nlp worker, which grants the request only for the creator it was sent to.
 */
let services: Services;
let workers: RunningWorkers;
let app: Express;
let adminKey: string;
const as = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);
const DAY = 24 * 60 * 60 * 1000;
let n = 0;

beforeAll(async () => {
  services = await openTestServices({ BRAND_NAME: 'Marka' });
  workers = await startWorkers(services, ['nlp']);
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
});
afterAll(async () => {
  await workers.close();
  await services.close();
});

async function askCreator(handle: string) {
  const creator = (await as(request(app).post('/api/v1/creators')).send({ handle, platform: 'instagram', followers: 12_000 }).expect(201)).body;
  const terms = {
    territories: ['PL'],
    channels: ['paid_social'],
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 90 * DAY).toISOString(),
    derivativesAllowed: false,
  };
  const asked = (await as(request(app).post('/api/v1/rights-requests')).send({ creatorId: creator.id, terms, language: 'pl' }).expect(201)).body;
  return { creator, asked };
}

async function importReplies(rows: Array<{ author: string; text: string; platform?: string; postedAt?: string; permalink?: string }>) {
  const body = rows.map((r) => ({ platform: 'instagram', externalId: `reply-${++n}`, productSku: 'SKU-RIGHTS', ...r }));
  const res = await as(request(app).post('/api/v1/comments/import')).send(body).expect(202);
  return settledJob(services, res.body.jobId, 120_000);
}

const requestNow = async (id: string) => (await as(request(app).get(`/api/v1/rights-requests/${id}`)).expect(200)).body;

it('grants the request with the creator’s own reply as the evidence', async () => {
  const { creator, asked } = await askCreator('Ola.Tworzy');
  expect(asked.replyHashtag).toBe('#takMarka');
  const job = await importReplies([{ author: '@ola.tworzy', text: 'Jasne! #TAKMARKA 🙌', permalink: 'https://www.instagram.com/p/C0ffee/c/1789/' }]);
  expect(job.state).toBe('completed');
  expect(job.result).toMatchObject({ rightsGranted: 1 });

  const answered = await requestNow(asked.id);
  expect(answered).toMatchObject({ status: 'accepted', licenseId: expect.any(String) });
  expect(answered.evidence).toMatchObject({
    method: 'hashtag',
    comment: { platform: 'instagram', author: '@ola.tworzy', text: 'Jasne! #TAKMARKA 🙌', permalink: 'https://www.instagram.com/p/C0ffee/c/1789/' },
  });
  const license = (await as(request(app).get(`/api/v1/licenses/${answered.licenseId}`)).expect(200)).body;
  expect(license).toMatchObject({ status: 'active', creatorId: creator.id, territories: ['PL'], contract: { filename: expect.any(String) } });
});

it('never grants on anyone else’s reply, another platform’s, a longer tag, or a comment older than the request', async () => {
  const { asked } = await askCreator('kasia_films');
  await importReplies([
    { author: '@someone_else', text: '#takMarka' },
    { author: '@kasia_films', text: '#takMarka', platform: 'tiktok' },
    { author: '@kasia_films', text: 'no #takMarkaPL here' },
    { author: '@kasia_films', text: '#takMarka', postedAt: new Date(Date.now() - DAY).toISOString() },
  ]);
  expect((await requestNow(asked.id)).status).toBe('pending');
  await importReplies([{ author: 'Kasia_Films', text: 'ok #takmarka' }]);
  expect((await requestNow(asked.id)).status).toBe('accepted');
});
