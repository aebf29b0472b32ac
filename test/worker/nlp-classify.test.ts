import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import type { Services } from '../../core/runtime/services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { settledJob } from '../helpers/settled-job';
import { openTestServices } from '../helpers/test-services';

/** Classification through the real nlp worker and the shipped models, end to end from an import. */
let services: Services;
let workers: RunningWorkers;
let app: Express;
let adminKey: string;
const as = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);

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

const SKU = 'SKU-NLP';
const TEXTS = [
  'Jaki rozmiar wybrać przy 180 cm wzrostu?',
  'jaki rozmiar brac przy 175 cm',
  'What size should I get if I am 180 cm tall?',
  'Do they run true to size? I usually wear M',
  'Czy wysyłacie do Niemiec?',
  'ile idzie paczka do Czech',
  'How long does shipping to the UK take?',
  'Materiał super miękki, noszę prawie codziennie 😍',
  'Best purchase this year, love it 🔥',
  'Po dwóch praniach się rozciągnęła, szkoda',
  'The print cracked after a week, disappointed',
  '🔥🔥🔥',
  'FREE FOLLOWERS 👉 bit.ly/free-fllw click now!!!',
  'Win a free iPhone!!! DM me now 💰💰💰',
  'Ile kosztuje ta koszulka?',
  'Czy to 100% bawełna?',
];

interface CommentItem {
  id: string;
  text: string;
  faqEntryId: string | null;
  isQuestion: boolean;
  spam: boolean;
  topic: string;
  labels: { modelVersion: string; topicScores: Record<string, number>; sentimentScores: Record<string, number>; substantive: boolean } | null;
}

async function importAndClassify(rows: object[]) {
  const res = await as(request(app).post('/api/v1/comments/import')).send(rows).expect(202);
  const job = await settledJob(services, res.body.jobId, 120_000);
  return { report: res.body, job };
}

const commentsOf = async (sku: string): Promise<CommentItem[]> =>
  (await as(request(app).get(`/api/v1/comments?productSku=${sku}&limit=200`)).expect(200)).body.items;

describe('nlp worker', () => {
  it('classifies an import in batches, writes every label, and files the questions into FAQ entries', async () => {
    const { report, job } = await importAndClassify(TEXTS.map((text, i) => ({ platform: 'instagram', externalId: `nlp-${i}`, text, productSku: SKU })));
    expect(job.state).toBe('completed');
    const result = job.result as { comments: number; batches: number; classified: number; questions: number; faqJoined: number; modelVersions: string[] };
    expect(result).toMatchObject({ comments: report.accepted, batches: 1, classified: TEXTS.length });
    expect(result.modelVersions).toHaveLength(1);
    const items = await commentsOf(SKU);
    expect(items).toHaveLength(TEXTS.length);
    for (const c of items) {
      expect(c.labels?.modelVersion).toBe(result.modelVersions[0]);
      const topicSum = Object.values(c.labels!.topicScores).reduce((a, b) => a + b, 0);
      expect(topicSum).toBeCloseTo(1, 2); // scores are rounded to four decimals
    }
    const byText = new Map(items.map((c) => [c.text, c]));
    expect(byText.get('Jaki rozmiar wybrać przy 180 cm wzrostu?')).toMatchObject({ isQuestion: true, topic: 'size_fit', spam: false });
    expect(byText.get('Win a free iPhone!!! DM me now 💰💰💰')).toMatchObject({ spam: true, faqEntryId: null });
    // Only substantive, non-spam questions are in entries, and each entry counts exactly its comments.
    const filed = items.filter((c) => c.faqEntryId);
    expect(filed.length).toBe(result.faqJoined);
    for (const c of filed) expect(c).toMatchObject({ isQuestion: true, spam: false, labels: expect.objectContaining({ substantive: true }) });
    const faq = (await as(request(app).get(`/api/v1/faq?productSku=${SKU}`)).expect(200)).body.items as Array<{ id: string; count: number; topic: string }>;
    for (const entry of faq) expect(entry.count).toBe(filed.filter((c) => c.faqEntryId === entry.id).length);
    expect(faq.find((e) => e.topic === 'size_fit')?.count).toBeGreaterThanOrEqual(2);
  });

  it('is idempotent: running a batch again gives the same labels and FAQ', async () => {
    const before = await commentsOf(SKU);
    const faqBefore = (await as(request(app).get(`/api/v1/faq?productSku=${SKU}`)).expect(200)).body.items as Array<{
      id: string;
      count: number;
      examples: unknown[];
    }>;
    const jobId = await services.queues.add('nlp', { type: 'classify', commentIds: before.map((c) => c.id) });
    expect((await settledJob(services, jobId, 60_000)).result).toMatchObject({ classified: before.length, faq: { joined: 0, left: 0, created: 0 } });
    const after = await commentsOf(SKU);
    const strip = (cs: CommentItem[]) => cs.map(({ labels, ...rest }) => ({ ...rest, labels: labels && { ...labels, classifiedAt: undefined } }));
    expect(strip(after)).toEqual(strip(before));
    const faqAfter = (await as(request(app).get(`/api/v1/faq?productSku=${SKU}`)).expect(200)).body.items as Array<{
      id: string;
      count: number;
      examples: unknown[];
    }>;
    expect(faqAfter.map((e) => [e.id, e.count, e.examples])).toEqual(faqBefore.map((e) => [e.id, e.count, e.examples]));
  });

  it('splits a large import into batches and sums them in the job the client follows', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      platform: 'tiktok',
      externalId: `bulk-${i}`,
      text: `${TEXTS[i % TEXTS.length]} #${i}`,
      productSku: 'SKU-NLP-BULK',
    }));
    const { job } = await importAndClassify(rows);
    expect(job).toMatchObject({ state: 'completed', progress: 100, result: { comments: 2_500, batches: 3, classified: 2_500 } });
  }, 180_000);

  it('classifies texts on demand with the same objects as the command line', async () => {
    const res = await as(request(app).post('/api/v1/comments/classify'))
      .send({ texts: ['Czy wysyłacie do Niemiec?', 'love it'] })
      .expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      [
        'isQuestion',
        'lang',
        'modelVersion',
        'questionScore',
        'sentiment',
        'sentimentScores',
        'spam',
        'spamScore',
        'substantive',
        'substantiveScore',
        'topic',
        'topicScores',
      ].sort(),
    );
    expect(res.body.items[0]).toMatchObject({ lang: 'pl', isQuestion: true, topic: 'shipping' });
    expect((await as(request(app).post('/api/v1/comments/classify')).send({ texts: [] }).expect(422)).body.error.code).toBe('invalid_texts');
  });
});
