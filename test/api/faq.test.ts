import type { Express } from 'express';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { auditHistory } from '../../core/audit/audit-log';
import { storeClassifications } from '../../core/comments/comment-store';
import { comments, webhookDeliveries, type CommentTopic } from '../../core/db';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

const SKU = 'SKU-FAQ-API';
let services: Services;
let app: Express;
const keys = { admin: '', viewer: '' };
const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
let sizeEntry: { id: string; question: string; count: number };
let shippingEntry: { id: string };

/** Imports questions through the API and files them as the worker would, with the labels given. */
async function askQuestions(topic: CommentTopic, texts: string[]): Promise<void> {
  const rows = texts.map((text, i) => ({ platform: 'instagram', externalId: `${topic}-${i}`, text, productSku: SKU }));
  await as(keys.admin, request(app).post('/api/v1/comments/import')).send(rows).expect(202);
  const stored = await services.database.db.select({ id: comments.id, text: comments.text }).from(comments).where(eq(comments.productSku, SKU));
  const mine = stored.filter((t) => texts.includes(t.text)).map((t) => t.id);
  const scores = (keys: readonly string[], pick: string) => Object.fromEntries(keys.map((k) => [k, k === pick ? 1 : 0]));
  await storeClassifications(
    services.database.db,
    mine.map((id) => ({
      id,
      labels: {
        lang: 'pl',
        sentiment: 'neutral',
        sentimentScores: scores(['negative', 'neutral', 'positive', 'mixed'], 'neutral') as never,
        isQuestion: true,
        questionScore: 0.9,
        topic,
        topicScores: {} as never,
        spam: false,
        spamScore: 0,
        substantive: true,
        substantiveScore: 0.9,
        modelVersion: 'test-labels',
      },
    })),
  );
  await updateFaqEntries(services.database.db, mine);
}

const gallery = () => request(app).get(`/public/v1/products/${SKU}/gallery?territory=PL`).expect(200);

beforeAll(async () => {
  services = await openTestServices({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }); // its webhook targets loopback
  app = createApp(services);
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.viewer = (await createApiKey(services.database.db, 'viewer', 'viewer')).key;
  await askQuestions('size_fit', ['Jaki rozmiar wybrać?', 'jaki rozmiar wybrac przy 180 cm', 'What size should I get?']);
  await askQuestions('shipping', ['Czy wysyłacie do Niemiec?']);
  const listed = await as(keys.viewer, request(app).get(`/api/v1/faq?productSku=${SKU}`)).expect(200);
  [sizeEntry, shippingEntry] = listed.body.items;
});
afterAll(() => services.close());

const patch = (id: string, body: object, key = keys.admin) => as(key, request(app).patch(`/api/v1/faq/${id}`)).send(body);

describe('FAQ entries', () => {
  it('lists a product’s entries, most asked first, with examples and drafts', async () => {
    expect(sizeEntry).toMatchObject({ topic: 'size_fit', count: 3, status: 'draft', answer: null, productSku: SKU });
    expect((sizeEntry as unknown as { examples: unknown[] }).examples).toHaveLength(3);
    expect(shippingEntry).toMatchObject({ topic: 'shipping', count: 1, question: 'Czy wysyłacie do Niemiec?' });
  });

  it('goes draft → approved → published, needing an answer to publish; then shows in the public gallery and tells webhooks', async () => {
    const hook = await as(keys.admin, request(app).post('/api/v1/webhooks'))
      .send({ url: 'http://127.0.0.1:9/hook', events: ['faq.published'], secret: 'faq-webhook-secret-1' })
      .expect(201);
    expect((await gallery()).body.faq).toEqual([]);
    expect((await patch(sizeEntry.id, { status: 'published' }).expect(409)).body.error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'draft', to: 'published' },
    });
    const approved = await patch(sizeEntry.id, { status: 'approved', question: 'Jaki rozmiar wybrać?' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', publishedAt: null });
    expect((await patch(sizeEntry.id, { status: 'published' }).expect(422)).body.error.code).toBe('answer_required');
    const published = await patch(sizeEntry.id, { status: 'published', answer: 'Weź swój zwykły rozmiar; przy 180 cm zwykle M.' }).expect(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String), answer: 'Weź swój zwykły rozmiar; przy 180 cm zwykle M.' });
    expect((await gallery()).body.faq).toEqual([{ question: 'Jaki rozmiar wybrać?', answer: 'Weź swój zwykły rozmiar; przy 180 cm zwykle M.' }]);
    const deliveries = await services.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.body.id));
    expect(deliveries.map((d) => [d.event, d.payload])).toEqual([
      ['faq.published', expect.objectContaining({ faqId: sizeEntry.id, sku: SKU, question: 'Jaki rozmiar wybrać?' })],
    ]);
    // Editing a published entry shows at once; unpublishing removes it.
    await patch(sizeEntry.id, { answer: 'Rozmiar M przy 180 cm.' }).expect(200);
    expect((await gallery()).body.faq).toEqual([{ question: 'Jaki rozmiar wybrać?', answer: 'Rozmiar M przy 180 cm.' }]);
    expect((await patch(sizeEntry.id, { status: 'draft' }).expect(200)).body).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await gallery()).body.faq).toEqual([]);
    const history = await auditHistory(services.database.db, 'faq_entry', sizeEntry.id);
    expect(history.map((h) => (h.after as { status: string }).status)).toEqual(['approved', 'published', 'published', 'draft']);
  });

  it('refuses bad edits with stable codes, and writes from readers', async () => {
    expect((await patch(shippingEntry.id, { status: 'archived' }).expect(422)).body.error.code).toBe('invalid_status');
    expect((await patch(shippingEntry.id, { question: '   ' }).expect(422)).body.error.code).toBe('invalid_question');
    expect((await patch(shippingEntry.id, { count: 5 }).expect(422)).body.error.code).toBe('invalid_input');
    // Shop pages show these: no direction overrides, invisible stand-ins or NUL.
    expect((await patch(shippingEntry.id, { question: 'Ships \u202eto Poland?' }).expect(422)).body.error.code).toBe('invalid_question');
    expect((await patch(shippingEntry.id, { question: '\u200b\u200b' }).expect(422)).body.error.code).toBe('invalid_question');
    expect((await patch(shippingEntry.id, { answer: 'Yes\u2066, in 2 days' }).expect(422)).body.error.code).toBe('invalid_answer');
    expect((await patch(shippingEntry.id, { answer: 'Yes\u0000' }).expect(422)).body.error.code).toBe('invalid_characters');
    expect((await patch(shippingEntry.id, { answer: 'Yes.\nIn two days 🇵🇱' }).expect(200)).body.answer).toBe('Yes.\nIn two days 🇵🇱');
    expect((await patch('00000000-0000-4000-8000-000000000000', { answer: 'x' }).expect(404)).body.error.code).toBe('faq_entry_not_found');
    expect((await patch(shippingEntry.id, { answer: 'x' }, keys.viewer).expect(403)).body.error.code).toBe('forbidden_role');
    expect((await as(keys.viewer, request(app).get(`/api/v1/faq/${shippingEntry.id}`)).expect(200)).body).toMatchObject({
      id: shippingEntry.id,
      status: 'draft',
    });
  });
});
