import type { Express } from 'express';
import { eq, inArray } from 'drizzle-orm';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { auditHistory } from '../../core/audit/audit-log';
import { comments, type CommentSentiment, type CommentTopic } from '../../core/db';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

const SKU = 'SKU-FAQ-REVIEW';
const DAY = 24 * 3600_000;
let services: Services;
let app: Express;
const keys = { admin: '', viewer: '' };
const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
let seq = 0;

interface Ask {
  text: string;
  lang: 'pl' | 'en';
  topic?: CommentTopic;
  sentiment?: CommentSentiment;
  daysAgo?: number;
}

/** Questions as the classifier files them (labels given: this tests the review API), then clustered as the worker would. */
async function ask(list: Ask[], sku = SKU): Promise<string[]> {
  const rows = list.map((a) => ({
    platform: 'instagram',
    externalId: `review-${++seq}`,
    text: a.text,
    author: `shopper_${seq}`,
    permalink: `https://www.instagram.com/p/demo/c/${seq}/`,
    postedAt: new Date(Date.now() - (a.daysAgo ?? 1) * DAY),
    productSku: sku,
    lang: a.lang,
    topic: a.topic ?? 'size_fit',
    sentiment: a.sentiment ?? 'neutral',
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  }));
  const ids = (await services.database.db.insert(comments).values(rows).returning({ id: comments.id })).map((r) => r.id);
  await updateFaqEntries(services.database.db, ids);
  return ids;
}

const entryOf = async (commentId: string) =>
  (await services.database.db.select({ entry: comments.faqEntryId }).from(comments).where(eq(comments.id, commentId)))[0]!.entry!;
const list = (query: string, key = keys.viewer) => as(key, request(app).get(`/api/v1/faq?productSku=${SKU}&${query}`)).expect(200);
const post = (path: string, body: object, key = keys.admin) => as(key, request(app).post(path)).send(body);

let sizePl: string[];
let sizeEn: string[];
let colourPl: string[];

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.viewer = (await createApiKey(services.database.db, 'viewer', 'viewer')).key;
  sizePl = await ask([
    { text: 'Jaki rozmiar wybrać przy 180 cm?', lang: 'pl' },
    { text: 'jaki rozmiar wybrac przy 180 cm', lang: 'pl', daysAgo: 10 },
    { text: 'Czy rozmiar M będzie pasował?', lang: 'pl', sentiment: 'negative' },
  ]);
  sizeEn = await ask([
    { text: 'What size should I get at 180 cm?', lang: 'en' },
    { text: 'what size for 180 cm', lang: 'en' },
  ]);
  colourPl = await ask([{ text: 'Jaki kolor ma ta bluza na żywo?', lang: 'pl', topic: 'other', daysAgo: 40 }]);
});
afterAll(() => services.close());

describe('FAQ review queue', () => {
  it('keeps Polish and English questions in entries of their own language', async () => {
    const pl = await entryOf(sizePl[0]!);
    const en = await entryOf(sizeEn[0]!);
    expect(pl).not.toBe(en);
    expect(await entryOf(sizePl[1]!)).toBe(pl);
    expect(await entryOf(sizeEn[1]!)).toBe(en);
    const items = (await list('topic=size_fit')).body.items;
    expect(items.map((e: { lang: string }) => e.lang).sort()).toEqual(['en', 'pl']);
  });

  it('filters by language, sentiment, words of the question, period and topic, with each entry’s trend', async () => {
    expect((await list('lang=en')).body.items.map((e: { lang: string }) => e.lang)).toEqual(['en']);
    const negative = (await list('sentiment=negative')).body.items;
    expect(negative.map((e: { id: string }) => e.id)).toEqual([await entryOf(sizePl[0]!)]);
    expect((await list('q=kolor')).body.items.map((e: { topic: string }) => e.topic)).toEqual(['other']);
    const since = new Date(Date.now() - 20 * DAY).toISOString();
    expect((await list(`since=${encodeURIComponent(since)}`)).body.items.map((e: { topic: string }) => e.topic)).toEqual(['size_fit', 'size_fit']);
    const pl = (await list('lang=pl&topic=size_fit')).body.items[0];
    expect(pl).toMatchObject({ count: 3, dismissed: false, trend: { thisWeek: 2, lastWeek: 1 } });
  });

  it('refuses bad filters with 400 and their codes', async () => {
    const bad = async (query: string) => (await as(keys.viewer, request(app).get(`/api/v1/faq?${query}`)).expect(400)).body.error.code;
    expect(await bad('lang=de')).toBe('invalid_lang');
    expect(await bad('sentiment=angry')).toBe('invalid_sentiment');
    expect(await bad('since=yesterday')).toBe('invalid_since');
    expect(await bad('since=2026-02-01&until=2026-01-01')).toBe('invalid_until');
    expect(await bad('dismissed=maybe')).toBe('invalid_dismissed');
  });

  it('lists an entry’s comments with author, date and source', async () => {
    const id = await entryOf(sizeEn[0]!);
    const { body } = await as(keys.viewer, request(app).get(`/api/v1/faq/${id}/comments`)).expect(200);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({
      author: expect.stringMatching(/^shopper_/),
      platform: 'instagram',
      permalink: expect.stringContaining('instagram.com'),
      postedAt: expect.any(String),
      lang: 'en',
    });
    const missing = await as(keys.viewer, request(app).get('/api/v1/faq/00000000-0000-4000-8000-000000000000/comments')).expect(404);
    expect(missing.body.error.code).toBe('faq_entry_not_found');
  });

  it('splits comments off into a new draft entry, and refuses splits that do not fit', async () => {
    const id = await entryOf(sizePl[0]!);
    const refused = async (body: object, status: number) => (await post(`/api/v1/faq/${id}/split`, body).expect(status)).body.error.code;
    expect(await refused({ commentIds: [sizeEn[0]] }, 422)).toBe('comments_not_in_entry');
    expect(await refused({ commentIds: sizePl }, 422)).toBe('split_takes_all');
    expect(await refused({ commentIds: [] }, 422)).toBe('invalid_comment_ids');
    expect((await post(`/api/v1/faq/${id}/split`, { commentIds: [sizePl[2]] }, keys.viewer).expect(403)).body.error.code).toBeDefined();
    const { body } = await post(`/api/v1/faq/${id}/split`, { commentIds: [sizePl[2]] }).expect(201);
    expect(body.entry).toMatchObject({ id, count: 2 });
    expect(body.created).toMatchObject({ count: 1, status: 'draft', lang: 'pl', topic: 'size_fit', question: 'Czy rozmiar M będzie pasował?' });
    expect(await entryOf(sizePl[2]!)).toBe(body.created.id);
    expect((await auditHistory(services.database.db, 'faq_entry', id)).map((h) => h.action)).toContain('faq.split');
  });

  it('merges entries of one product, topic and language, and refuses the rest', async () => {
    const target = await entryOf(sizePl[0]!);
    const split = await entryOf(sizePl[2]!);
    const refused = async (from: string[], status: number) => (await post(`/api/v1/faq/${target}/merge`, { from }).expect(status)).body.error.code;
    expect(await refused([target], 422)).toBe('faq_merge_self');
    expect(await refused([await entryOf(sizeEn[0]!)], 422)).toBe('faq_merge_mismatch');
    expect(await refused([await entryOf(colourPl[0]!)], 422)).toBe('faq_merge_mismatch');
    expect(await refused(['00000000-0000-4000-8000-000000000000'], 404)).toBe('faq_entry_not_found');
    expect(await refused(['not-a-uuid'], 422)).toBe('invalid_from');
    const { body } = await post(`/api/v1/faq/${target}/merge`, { from: [split] }).expect(200);
    expect(body).toMatchObject({ id: target, count: 3 });
    expect(await entryOf(sizePl[2]!)).toBe(target);
    await as(keys.viewer, request(app).get(`/api/v1/faq/${split}`)).expect(404);
    expect((await auditHistory(services.database.db, 'faq_entry', split)).map((h) => h.action)).toEqual(['faq.split_from', 'faq.merged_into']);
  });

  it('dismisses an entry out of the queue and back, refusing to dismiss a published one or publish a dismissed one', async () => {
    const id = await entryOf(sizeEn[0]!);
    const patch = (body: object) => as(keys.admin, request(app).patch(`/api/v1/faq/${id}`)).send(body);
    expect((await patch({ dismissed: true }).expect(200)).body).toMatchObject({ dismissed: true, dismissedAt: expect.any(String) });
    expect((await list('lang=en')).body.items).toEqual([]);
    expect((await list('dismissed=only')).body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    await patch({ status: 'approved', answer: 'Take your usual size.' }).expect(200);
    expect((await patch({ status: 'published' }).expect(409)).body.error.code).toBe('faq_dismissed');
    await patch({ dismissed: false, status: 'published' }).expect(200);
    expect((await patch({ dismissed: true }).expect(409)).body.error.code).toBe('unpublish_first');
    expect((await patch({ dismissed: 'yes' }).expect(422)).body.error.code).toBe('invalid_dismissed');
    const rows = await services.database.db.select().from(comments).where(inArray(comments.id, sizeEn));
    expect(rows.every((r) => r.faqEntryId === id)).toBe(true);
  });
});
