import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { comments, faqEntries, type CommentTopic } from '../../../core/db';
import { updateFaqEntries } from '../../../core/faq/faq-assignment';
import type { Services } from '../../../core/runtime/services';
import { openTestServices } from '../../helpers/test-services';

/** Real Polish and English questions on the same topics (../shared/data/nlp/comments-real-labelled.jsonl), filed under one product. */
interface Row {
  text: string;
  lang: 'pl' | 'en';
  topic: CommentTopic;
  is_question: boolean;
  substantive: boolean;
  spam: boolean;
}
const SKU = 'SKU-FAQ-LANG';
const questions = readFileSync(`${__dirname}/../../../../shared/data/nlp/comments-real-labelled.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => r.is_question && r.substantive && !r.spam && (r.topic === 'availability' || r.topic === 'usage'));

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(() => services.close());

it('clusters real Polish and English questions into entries of one language each', async () => {
  expect(new Set(questions.map((q) => q.lang))).toEqual(new Set(['pl', 'en']));
  const rows = questions.map((q, i) => ({
    platform: 'youtube',
    externalId: `lang-${i}`,
    text: q.text,
    productSku: SKU,
    postedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    lang: q.lang,
    topic: q.topic,
    sentiment: 'neutral' as const,
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  }));
  const ids = (await services.database.db.insert(comments).values(rows).returning({ id: comments.id })).map((r) => r.id);
  await updateFaqEntries(services.database.db, ids);
  const filed = await services.database.db
    .select({ lang: comments.lang, entryLang: faqEntries.lang, entry: faqEntries.id })
    .from(comments)
    .innerJoin(faqEntries, eq(faqEntries.id, comments.faqEntryId))
    .where(eq(comments.productSku, SKU));
  expect(filed).toHaveLength(questions.length);
  expect(filed.filter((f) => f.lang !== f.entryLang)).toEqual([]);
  const languagesPerEntry = new Map<string, Set<string>>();
  for (const f of filed) languagesPerEntry.set(f.entry, (languagesPerEntry.get(f.entry) ?? new Set()).add(f.lang!));
  expect([...languagesPerEntry.values()].every((langs) => langs.size === 1)).toBe(true);
});
