import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { recordCorrection } from '../../core/comments/comment-corrections';
import { comments, type CommentSentiment, type CommentTopic, type NewComment } from '../../core/db';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

const SKU = 'SKU-INSIGHTS';
const DAY = 24 * 3600_000;
let services: Services;
let app: Express;
let viewerKey: string;

/** Monday 00:00 UTC of this week, worked out here independently of the code under test. */
const thisMonday = (() => {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return midnight - ((now.getUTCDay() + 6) % 7) * DAY;
})();
const weekStart = (weeksAgo: number) => new Date(thisMonday - weeksAgo * 7 * DAY).toISOString().slice(0, 10);

function comment(
  id: string,
  topic: CommentTopic,
  sentiment: CommentSentiment,
  opts: { weeksAgo?: number; question?: boolean; spam?: boolean; text?: string } = {},
): NewComment {
  return {
    platform: 'instagram',
    externalId: id,
    text: opts.text ?? `comment ${id}`,
    productSku: SKU,
    // Mid-week, so the bucket is unambiguous; undefined weeksAgo: no posting time (imported now).
    postedAt: opts.weeksAgo === undefined ? null : new Date(thisMonday - opts.weeksAgo * 7 * DAY + 2.5 * DAY),
    lang: 'pl',
    topic,
    sentiment,
    isQuestion: opts.question ?? false,
    spam: opts.spam ?? false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  };
}

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  viewerKey = (await createApiKey(services.database.db, 'analyst', 'viewer')).key;
  const db = services.database.db;
  const rows = await db
    .insert(comments)
    .values(
      [
        comment('i1', 'size_fit', 'neutral', { weeksAgo: 0, question: true, text: 'Jaki rozmiar wybrać?' }),
        comment('i2', 'size_fit', 'neutral', { weeksAgo: 1, question: true, text: 'What size should I get?' }),
        comment('i3', 'shipping', 'negative', { weeksAgo: 1 }),
        comment('i4', 'quality', 'positive', { weeksAgo: 2 }),
        comment('i5', 'quality', 'positive', { weeksAgo: 8 }),
        comment('i6', 'other', 'neutral', { weeksAgo: 0, spam: true }),
        comment('i7', 'price', 'mixed'),
        { platform: 'instagram', externalId: 'i8', text: 'not classified yet', productSku: SKU },
        comment('other-product', 'price', 'negative', { weeksAgo: 0 }),
      ].map((c) => (c.externalId === 'other-product' ? { ...c, productSku: 'SKU-ELSE' } : c)),
    )
    .returning({ id: comments.id, externalId: comments.externalId });
  const id = (externalId: string) => rows.find((r) => r.externalId === externalId)!.id;
  // A person says i3 was really about returns: insights count the corrected label.
  await recordCorrection(db, null, id('i3'), { topic: 'returns' });
  await updateFaqEntries(
    db,
    rows.map((r) => r.id),
  );
});
afterAll(() => services.close());

const insights = (query = '') => request(app).get(`/api/v1/products/${SKU}/insights${query}`).set('Authorization', `Bearer ${viewerKey}`);

describe('GET /api/v1/products/:sku/insights', () => {
  it('counts topics and sentiment without spam, by effective labels, with every label present', async () => {
    const { body } = await insights().expect(200);
    expect(body.productSku).toBe(SKU);
    expect(body.totals).toEqual({ comments: 8, spam: 1, questions: 2, unclassified: 1 });
    expect(body.topics).toEqual({
      shipping: 0,
      price: 1,
      size_fit: 2,
      material: 0,
      availability: 0,
      usage: 0,
      quality: 2,
      returns: 1,
      compatibility: 0,
      other: 0,
    });
    expect(body.sentiment).toEqual({ negative: 1, neutral: 2, positive: 2, mixed: 1 });
  });

  it('lists the product’s FAQ entries', async () => {
    const { body } = await insights().expect(200);
    expect(body.faq).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        topic: 'size_fit',
        count: 2,
        status: 'draft',
        question: expect.any(String),
        examples: expect.any(Array),
      }),
    ]);
  });

  it('buckets the last N weeks by posting time (or import time), oldest first, empty weeks included', async () => {
    const { body } = await insights('?weeks=3').expect(200);
    expect(body.weekly.map((w: { weekStart: string }) => w.weekStart)).toEqual([weekStart(2), weekStart(1), weekStart(0)]);
    const [twoAgo, lastWeek, thisWeek] = body.weekly;
    expect(twoAgo).toMatchObject({
      comments: 1,
      questions: 0,
      topics: expect.objectContaining({ quality: 1 }),
      sentiment: expect.objectContaining({ positive: 1 }),
    });
    expect(lastWeek).toMatchObject({
      comments: 2,
      questions: 1,
      topics: expect.objectContaining({ size_fit: 1, returns: 1, shipping: 0 }),
      sentiment: expect.objectContaining({ neutral: 1, negative: 1 }),
    });
    // i1 (posted this week) and i7, i8 (no posting time: imported now); the spam is left out.
    expect(thisWeek).toMatchObject({ comments: 3, questions: 1, topics: expect.objectContaining({ size_fit: 1, price: 1 }) });
    const twelve = await insights().expect(200);
    expect(twelve.body.weekly).toHaveLength(12);
    expect(twelve.body.weekly[11].weekStart).toBe(weekStart(0));
    expect(twelve.body.weekly[3]).toMatchObject({ weekStart: weekStart(8), comments: 1 });
  });

  it('answers zeros for a product without comments, and validates its input', async () => {
    const empty = await request(app).get('/api/v1/products/SKU-NONE/insights?weeks=1').set('Authorization', `Bearer ${viewerKey}`).expect(200);
    expect(empty.body).toMatchObject({ totals: { comments: 0 }, faq: [], weekly: [{ weekStart: weekStart(0), comments: 0 }] });
    expect((await insights('?weeks=0').expect(400)).body.error.code).toBe('invalid_weeks');
    expect((await insights('?weeks=500').expect(400)).body.error.code).toBe('invalid_weeks');
    expect((await request(app).get('/api/v1/products/bad%20sku/insights').set('Authorization', `Bearer ${viewerKey}`).expect(400)).body.error.code).toBe(
      'invalid_sku',
    );
    await request(app).get(`/api/v1/products/${SKU}/insights`).expect(401);
  });
});
