import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { recordCorrection } from '../../../core/comments/comment-corrections';
import { comments, faqEntries, type CommentTopic, type NewComment } from '../../../core/db';
import { updateFaqEntries } from '../../../core/faq/faq-assignment';
import type { Services } from '../../../core/runtime/services';
import { openTestServices } from '../../helpers/test-services';

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(() => services.close());

/** Comments as the classifier would leave them (labels given here: this tests the clustering, not the model). */
async function addQuestions(sku: string, topic: CommentTopic, texts: string[], extra: Partial<NewComment> = {}): Promise<string[]> {
  const rows = texts.map((text, i) => ({
    platform: 'instagram',
    externalId: randomUUID(),
    text,
    productSku: sku,
    postedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    lang: 'pl',
    topic,
    sentiment: 'neutral' as const,
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
    ...extra,
  }));
  const inserted = await services.database.db.insert(comments).values(rows).returning({ id: comments.id });
  return inserted.map((r) => r.id);
}

const entriesOf = (sku: string) =>
  services.database.db.select().from(faqEntries).where(eq(faqEntries.productSku, sku)).orderBy(asc(faqEntries.topic), asc(faqEntries.createdAt));

const entryIdsOf = async (ids: string[]) => {
  const rows = await services.database.db.select({ id: comments.id, entry: comments.faqEntryId }).from(comments).where(inArray(comments.id, ids));
  return new Map(rows.map((r) => [r.id, r.entry]));
};

describe('updateFaqEntries', () => {
  it('groups a product’s questions per topic, and only questions that are substantive and not spam', async () => {
    const sku = 'SKU-FAQ-1';
    const size = await addQuestions(sku, 'size_fit', ['Jaki rozmiar wybrać?', 'czy L będzie pasować na 180 cm', 'What size should I get?']);
    const shipping = await addQuestions(sku, 'shipping', ['Czy wysyłacie do Niemiec?', 'How long does shipping take?']);
    const ignored = [
      ...(await addQuestions(sku, 'size_fit', ['rozmiar?? free followers bit.ly'], { spam: true })),
      ...(await addQuestions(sku, 'size_fit', ['Piękna!'], { isQuestion: false })),
      ...(await addQuestions(sku, 'size_fit', ['?'], { substantive: false })),
      ...(await addQuestions(sku, 'size_fit', ['jaki rozmiar?'], { classifiedAt: null })),
    ];
    const result = await updateFaqEntries(services.database.db, [...size, ...shipping, ...ignored]);
    expect(result).toEqual({ joined: 5, left: 0, created: 2, touched: 2 });
    const entries = await entriesOf(sku);
    expect(entries.map((e) => [e.topic, e.commentCount, e.status])).toEqual([
      ['shipping', 2, 'draft'],
      ['size_fit', 3, 'draft'],
    ]);
    const sizeEntry = entries[1]!;
    expect(sizeEntry.examples.map((e) => e.commentId).sort()).toEqual([...size].sort());
    expect(sizeEntry.examples.map((e) => e.text)).toContain(sizeEntry.question);
    const links = await entryIdsOf([...size, ...ignored]);
    expect(size.map((id) => links.get(id))).toEqual([sizeEntry.id, sizeEntry.id, sizeEntry.id]);
    expect(ignored.map((id) => links.get(id))).toEqual([null, null, null, null]);
  });

  it('is incremental and idempotent: new questions join existing entries, a re-run changes nothing', async () => {
    const sku = 'SKU-FAQ-2';
    const first = await addQuestions(sku, 'size_fit', ['Jaki rozmiar wybrać przy 180 cm?']);
    await updateFaqEntries(services.database.db, first);
    const [entry] = await entriesOf(sku);
    await services.database.db
      .update(faqEntries)
      .set({ question: 'Jaki rozmiar wybrać?', answer: 'Bierz swój zwykły rozmiar.', status: 'published' })
      .where(eq(faqEntries.id, entry!.id));
    const later = await addQuestions(sku, 'size_fit', ['rozmiar M czy L przy 180 cm', 'what size for 180 cm?', 'Czy ten materiał się gniecie?']);
    expect(await updateFaqEntries(services.database.db, later)).toMatchObject({ joined: 3, created: 1 });
    expect(await updateFaqEntries(services.database.db, [...first, ...later])).toEqual({ joined: 0, left: 0, created: 0, touched: 0 });
    const entries = await entriesOf(sku);
    expect(entries.map((e) => [e.id === entry!.id, e.commentCount])).toEqual([
      [true, 3],
      [false, 1],
    ]);
    // A published entry keeps the question and answer people wrote while questions keep arriving.
    expect(entries[0]).toMatchObject({ question: 'Jaki rozmiar wybrać?', answer: 'Bierz swój zwykły rozmiar.', status: 'published' });
  });

  it('follows corrections: a comment corrected to another topic or to no question moves or leaves, an emptied draft goes', async () => {
    const sku = 'SKU-FAQ-3';
    const [a, b] = await addQuestions(sku, 'size_fit', ['Jaki rozmiar wybrać?', 'What size should I get?']);
    const [c] = await addQuestions(sku, 'material', ['Z czego jest ta koszulka?']);
    const db = services.database.db;
    await updateFaqEntries(db, [a!, b!, c!]);
    await recordCorrection(db, null, b!, { topic: 'shipping' });
    await recordCorrection(db, null, c!, { isQuestion: false });
    expect(await updateFaqEntries(db, [a!, b!, c!])).toEqual({ joined: 1, left: 2, created: 1, touched: 3 });
    const entries = await entriesOf(sku);
    expect(entries.map((e) => [e.topic, e.commentCount, e.examples.map((x) => x.commentId)])).toEqual([
      ['shipping', 1, [b]],
      ['size_fit', 1, [a]],
    ]);
    expect(entries[1]!.question).toBe('Jaki rozmiar wybrać?');
  });

  it('stays consistent when batches for one product and topic run concurrently', async () => {
    const sku = 'SKU-FAQ-4';
    const texts = Array.from({ length: 40 }, (_, i) => (i % 2 ? `Jaki rozmiar wybrać przy ${170 + i} cm?` : `What size should I get for ${170 + i} cm?`));
    const ids = await addQuestions(sku, 'size_fit', texts);
    const batches = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(20, 30), ids.slice(30)];
    await Promise.all(batches.map((batch) => updateFaqEntries(services.database.db, batch)));
    const entries = await entriesOf(sku);
    const linked = await entryIdsOf(ids);
    expect(entries.reduce((n, e) => n + e.commentCount, 0)).toBe(40);
    for (const e of entries) expect([...linked.values()].filter((id) => id === e.id)).toHaveLength(e.commentCount);
    expect(entries).toHaveLength(1);
  });
});
