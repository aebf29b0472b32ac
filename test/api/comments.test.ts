import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { auditHistory } from '../../core/audit/audit-log';
import { storeClassifications } from '../../core/comments/comment-store';
import type { CommentSentiment, CommentTopic } from '../../core/db';
import type { CommentClassification } from '../../core/nlp/comment-classification';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

let services: Services;
let app: Express;
const keys = { admin: '', viewer: '' };
const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const importAs = (key: string, query = '') => as(key, request(app).post(`/api/v1/comments/import${query}`));

beforeAll(async () => {
  // A 1 MB upload limit, so the limit is cheap to cross.
  services = await openTestServices({ UPLOAD_LIMIT_MB: '1' });
  app = createApp(services);
  keys.admin = (await ensureAdminKey(services)).key!;
  keys.viewer = (await createApiKey(services.database.db, 'analyst', 'viewer')).key;
});
afterAll(() => services.close());

/** Labels as the classifier writes them, set directly: these tests are about the API, not the model. */
function labels(topic: CommentTopic, sentiment: CommentSentiment, isQuestion: boolean, spam = false): CommentClassification {
  const one = <K extends string>(keys: readonly K[], pick: K) => Object.fromEntries(keys.map((k) => [k, k === pick ? 1 : 0])) as Record<K, number>;
  return {
    lang: 'pl',
    sentiment,
    sentimentScores: one(['negative', 'neutral', 'positive', 'mixed'], sentiment),
    isQuestion,
    questionScore: isQuestion ? 1 : 0,
    topic,
    topicScores: one(['shipping', 'price', 'size_fit', 'material', 'availability', 'usage', 'quality', 'returns', 'compatibility', 'other'], topic),
    spam,
    spamScore: spam ? 1 : 0,
    substantive: true,
    substantiveScore: 1,
    modelVersion: 'test-labels',
  };
}

describe('POST /api/v1/comments/import', () => {
  it('imports a JSON array body, queues classification, and is idempotent', async () => {
    const rows = [
      { platform: 'instagram', externalId: 'api-1', text: 'Jaki rozmiar wybrać?', productSku: 'SKU-API' },
      { platform: 'instagram', externalId: 'api-2', text: 'Super!', productSku: 'SKU-API', postedAt: '2026-01-05T10:00:00Z', author: 'ola' },
      { platform: 'instagram', externalId: 'api-3' },
    ];
    const first = await importAs(keys.admin).send(rows).expect(202);
    expect(first.body).toEqual({
      jobId: expect.stringMatching(/^nlp\./),
      classification: 'queued',
      format: 'json',
      rows: 3,
      accepted: 2,
      duplicates: 0,
      rejectedCount: 1,
      rejected: [{ line: null, row: 3, code: 'missing_text', message: expect.any(String) }],
    });
    const job = await as(keys.viewer, request(app).get(`/api/v1/jobs/${first.body.jobId}`)).expect(200);
    expect(job.body).toMatchObject({ queue: 'nlp', name: 'classify-import', state: 'waiting' });
    const again = await importAs(keys.admin).send(rows).expect(202);
    expect(again.body).toMatchObject({ jobId: null, accepted: 0, duplicates: 2, rejectedCount: 1 });
  });

  it('imports CSV as a multipart file with defaults from form fields, reporting bad rows by line', async () => {
    const csv = [
      'comment_id,message,created_time,username',
      'csv-1,"Czy wysyłacie do Niemiec?",2026-01-05T10:00:00+0000,kasia',
      'csv-2,,2026-01-05T10:00:00Z,x',
      'csv-3,"Ile kosztuje?",not a date,y',
      'csv-4,"Ok, a zwroty?",,',
    ].join('\n');
    const res = await importAs(keys.admin)
      .field('platform', 'facebook')
      .field('productSku', 'SKU-CSV')
      .attach('file', Buffer.from(csv), 'export.csv')
      .expect(202);
    expect(res.body).toMatchObject({ format: 'csv', rows: 4, accepted: 2, rejectedCount: 2 });
    expect(res.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'missing_text'],
      [4, 'invalid_posted_at'],
    ]);
    const listed = await as(keys.viewer, request(app).get('/api/v1/comments?productSku=SKU-CSV')).expect(200);
    expect(listed.body.items.map((c: { platform: string; externalId: string }) => `${c.platform}:${c.externalId}`).sort()).toEqual([
      'facebook:csv-1',
      'facebook:csv-4',
    ]);
  });

  it('imports NDJSON sent as the raw body, with defaults in the query string', async () => {
    const ndjson = '{"id":"nd-1","text":"what size should I get?"}\n{"id":"nd-2","text":"love it"}\n';
    const res = await importAs(keys.admin, '?platform=tiktok&productSku=SKU-ND').set('Content-Type', 'application/x-ndjson').send(ndjson).expect(202);
    expect(res.body).toMatchObject({ format: 'ndjson', accepted: 2, rejectedCount: 0 });
  });

  it('answers bad requests with stable codes', async () => {
    const code = (res: request.Response) => res.body.error.code as string;
    expect(code(await importAs(keys.admin).set('Content-Type', 'application/xml').send('<comments/>').expect(415))).toBe('unsupported_content_type');
    expect(
      code(
        await importAs(keys.admin)
          .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'photo.png')
          .expect(415),
      ),
    ).toBe('unsupported_import_format');
    expect(code(await importAs(keys.admin).field('platform', 'x').expect(422))).toBe('missing_file');
    expect(code(await importAs(keys.admin).attach('file', Buffer.from('\n\n'), 'empty.csv').expect(422))).toBe('empty_import');
    expect(code(await importAs(keys.admin).send({ platform: 'x' }).expect(422))).toBe('expected_array');
    const none = await importAs(keys.admin)
      .send([{ platform: 'x', externalId: 'n-1' }])
      .expect(422);
    expect(code(none)).toBe('no_valid_rows');
    expect(none.body.error.details.rejected[0]).toMatchObject({ row: 1, code: 'missing_text' });
    expect(code(await importAs(keys.admin, '?productSku=not%20a%20sku').send([]).expect(400))).toBe('invalid_product_sku');
    expect(
      code(await importAs(keys.admin).attach('file', Buffer.from('id,text\n'), 'a.csv').attach('file', Buffer.from('id,text\n'), 'b.csv').expect(400)),
    ).toBe('too_many_files');
    expect(code(await importAs(keys.admin).attach('comments', Buffer.from('id,text\n'), 'a.csv').expect(400))).toBe('unexpected_file_field');
  });

  it('a NUL, a direction override or a cut emoji in an imported comment costs that row at most, never the file', async () => {
    const nul = '\u0000';
    const bad = (id: string) => [`${id}${nul}`, `\u202e${id}`, `${id}\u200b`];
    const lines = (prefix: string) => [
      `${prefix}-1,"fine",ok`,
      ...bad(`${prefix}-bad`).map((id) => `${id},"text",x`),
      `${prefix}-2,"NUL${nul} inside the text",ola${nul}`,
      `${prefix}-3,"a cut emoji \ud83d",ola`,
      `${prefix}-4,"fine again",ok`,
    ];
    // CSV past the 8 KB head (where NUL would mean a binary file), in a multipart form and as the raw body.
    const csv = ['id,text,author', ...Array.from({ length: 200 }, (_, i) => `pad-${i},"${'p'.repeat(40)}",x`), ...lines('csvn')].join('\n');
    const viaForm = await importAs(keys.admin)
      .field('platform', 'instagram')
      .field('productSku', 'SKU-NUL')
      .attach('file', Buffer.from(csv), 'export.csv')
      .expect(202);
    expect(viaForm.body).toMatchObject({ format: 'csv', accepted: 204, rejectedCount: 3 });
    expect(viaForm.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [203, 'invalid_external_id'],
      [204, 'invalid_external_id'],
      [205, 'invalid_external_id'],
    ]);
    const ndjson = lines('ndn')
      .map((line) => {
        const [id, text, author] = line.split(',').map((f) => f.replace(/^"|"$/g, ''));
        return JSON.stringify({ id, text, author });
      })
      .join('\n');
    const raw = await importAs(keys.admin, '?platform=instagram&productSku=SKU-NUL').set('Content-Type', 'application/x-ndjson').send(ndjson).expect(202);
    expect(raw.body).toMatchObject({ format: 'ndjson', accepted: 4, rejectedCount: 3 });
    expect(raw.body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3, 4]);
    const json = await importAs(keys.admin, '?platform=instagram&productSku=SKU-NUL')
      .send([
        { id: 'js-1', text: 'ok' },
        { id: `js-2${nul}`, text: 'x' },
        { id: 'js-3', text: `NUL${nul} and \ud83d`, author: `a${nul}` },
      ])
      .expect(202);
    expect(json.body).toMatchObject({ accepted: 2, rejectedCount: 1, rejected: [{ row: 2, code: 'invalid_external_id' }] });
    const stored = await as(keys.viewer, request(app).get('/api/v1/comments?productSku=SKU-NUL&limit=200')).expect(200);
    const texts = stored.body.items.map((c: { text: string }) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['NUL inside the text', 'a cut emoji \ufffd', 'NUL and \ufffd']));
  });

  it('refuses a file over the upload limit with 413 file_too_large', async () => {
    const line = (i: number) => `{"platform":"x","id":"big-${i}","text":"${'y'.repeat(200)}","productSku":"SKU-BIG"}`;
    const big = Buffer.from(Array.from({ length: 6000 }, (_, i) => line(i)).join('\n'));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const multipart = await importAs(keys.admin).attach('file', big, 'big.ndjson');
    expect([multipart.status, multipart.body.error.code]).toEqual([413, 'file_too_large']);
    const raw = await importAs(keys.admin).set('Content-Type', 'application/x-ndjson').send(big.toString());
    expect([raw.status, raw.body.error.code]).toEqual([413, 'file_too_large']);
  });

  it('is for content managers only', async () => {
    expect((await importAs(keys.viewer).send([]).expect(403)).body.error.code).toBe('forbidden_role');
  });
});

describe('GET /api/v1/comments and PATCH /api/v1/comments/:id', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const rows = [
      { platform: 'youtube', externalId: 'lst-1', text: 'Jaki rozmiar wybrać?', productSku: 'SKU-LIST' },
      { platform: 'youtube', externalId: 'lst-2', text: 'Paczka szła dwa tygodnie', productSku: 'SKU-LIST' },
      { platform: 'youtube', externalId: 'lst-3', text: 'Świetna jakość', productSku: 'SKU-LIST' },
      { platform: 'youtube', externalId: 'lst-4', text: 'FREE FOLLOWERS bit.ly', productSku: 'SKU-LIST' },
    ];
    await importAs(keys.admin).send(rows).expect(202);
    const page = await as(keys.viewer, request(app).get('/api/v1/comments?productSku=SKU-LIST')).expect(200);
    for (const c of page.body.items as Array<{ id: string; externalId: string }>) ids[c.externalId] = c.id;
    await storeClassifications(services.database.db, [
      { id: ids['lst-1']!, labels: labels('size_fit', 'neutral', true) },
      { id: ids['lst-2']!, labels: labels('shipping', 'negative', false) },
      { id: ids['lst-3']!, labels: labels('quality', 'positive', false) },
      { id: ids['lst-4']!, labels: labels('other', 'neutral', false, true) },
    ]);
  });

  const list = async (query: string) =>
    ((await as(keys.viewer, request(app).get(`/api/v1/comments?productSku=SKU-LIST&${query}`)).expect(200)).body.items as Array<{ externalId: string }>)
      .map((c) => c.externalId)
      .sort();

  it('filters on labels and pages with a cursor', async () => {
    expect(await list('topic=shipping')).toEqual(['lst-2']);
    expect(await list('sentiment=positive')).toEqual(['lst-3']);
    expect(await list('isQuestion=true')).toEqual(['lst-1']);
    expect(await list('spam=true')).toEqual(['lst-4']);
    const first = await as(keys.viewer, request(app).get('/api/v1/comments?productSku=SKU-LIST&limit=3')).expect(200);
    const second = await as(keys.viewer, request(app).get(`/api/v1/comments?productSku=SKU-LIST&limit=3&cursor=${first.body.nextCursor}`)).expect(200);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((c: { externalId: string }) => c.externalId).sort()).toEqual(['lst-1', 'lst-2', 'lst-3', 'lst-4']);
  });

  it.each([
    ['topic=weather', 'invalid_topic'],
    ['sentiment=angry', 'invalid_sentiment'],
    ['isQuestion=maybe', 'invalid_is_question'],
    ['cursor=bogus', 'invalid_cursor'],
    ['limit=0', 'invalid_limit'],
  ])('?%s → 400 %s', async (query, code) => {
    expect((await as(keys.viewer, request(app).get(`/api/v1/comments?${query}`)).expect(400)).body.error.code).toBe(code);
  });

  it('records a correction apart from the model’s labels, audited, and lists by the corrected label', async () => {
    const res = await as(keys.admin, request(app).patch(`/api/v1/comments/${ids['lst-2']}`))
      .send({ topic: 'quality', isQuestion: true })
      .expect(200);
    expect(res.body).toMatchObject({
      id: ids['lst-2'],
      topic: 'quality',
      isQuestion: true,
      sentiment: 'negative',
      labels: { topic: 'shipping', isQuestion: false, sentiment: 'negative', modelVersion: 'test-labels' },
      correction: { topic: 'quality', isQuestion: true },
    });
    expect(await list('topic=quality')).toEqual(['lst-2', 'lst-3']);
    expect(await list('topic=shipping')).toEqual([]);
    // A later correction of one label keeps the other.
    const later = await as(keys.admin, request(app).patch(`/api/v1/comments/${ids['lst-2']}`))
      .send({ topic: 'shipping' })
      .expect(200);
    expect(later.body.correction).toEqual({ topic: 'shipping', isQuestion: true });
    const history = await auditHistory(services.database.db, 'comment', ids['lst-2']!);
    expect(history.map((h) => [h.action, h.after])).toEqual([
      ['comment.correct', expect.objectContaining({ topic: 'quality', isQuestion: true })],
      ['comment.correct', expect.objectContaining({ topic: 'shipping' })],
    ]);
  });

  it('refuses empty, unknown and wrong corrections, and readers', async () => {
    const patch = (id: string, body: object, key = keys.admin) => as(key, request(app).patch(`/api/v1/comments/${id}`)).send(body);
    expect((await patch(ids['lst-1']!, {}).expect(422)).body.error.code).toBe('empty_correction');
    expect((await patch(ids['lst-1']!, { topic: 'weather' }).expect(422)).body.error.code).toBe('invalid_topic');
    expect((await patch(ids['lst-1']!, { modelVersion: 'x' }).expect(422)).body.error.code).toBe('invalid_input');
    expect((await patch('00000000-0000-4000-8000-000000000000', { spam: true }).expect(404)).body.error.code).toBe('comment_not_found');
    expect((await patch(ids['lst-1']!, { spam: true }, keys.viewer).expect(403)).body.error.code).toBe('forbidden_role');
  });

  it('shows one comment', async () => {
    const res = await as(keys.viewer, request(app).get(`/api/v1/comments/${ids['lst-3']}`)).expect(200);
    expect(res.body).toMatchObject({ externalId: 'lst-3', topic: 'quality', correction: null, labels: { sentiment: 'positive' } });
  });
});
