import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { recordCorrection } from '../../../core/comments/comment-corrections';
import { comments, faqEntries } from '../../../core/db';
import { updateFaqEntries } from '../../../core/faq/faq-assignment';
import { eraseCommenter } from '../../../core/privacy/erase-commenter';
import type { Services } from '../../../core/runtime/services';
import { openTestServices } from '../../helpers/test-services';

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(() => services.close());

const SKU = 'SKU-ERASE';

/** Questions as the classifier would leave them, so they form a FAQ entry. */
async function addQuestions(rows: Array<{ author: string; text: string; platform?: string }>): Promise<string[]> {
  const values = rows.map((r, i) => ({
    platform: r.platform ?? 'instagram',
    externalId: randomUUID(),
    author: r.author,
    text: r.text,
    productSku: SKU,
    postedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    lang: 'pl',
    topic: 'size_fit' as const,
    sentiment: 'neutral' as const,
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  }));
  return (await services.database.db.insert(comments).values(values).returning({ id: comments.id })).map((r) => r.id);
}

const mentions = async (needle: string) =>
  Number(
    (
      (
        await services.database.db.execute(
          sql`select (select count(*) from comments c where c::text ilike ${`%${needle}%`}) + (select count(*) from faq_entries f where f::text ilike ${`%${needle}%`}) as n`,
        )
      ).rows[0] as { n: number | string }
    ).n,
  );

it('erases every comment of one author on one platform, out of the FAQ first, leaving everyone else’s', async () => {
  const db = services.database.db;
  const ids = await addQuestions([
    { author: '@Ola.Pisze', text: 'Jaki rozmiar wybrać przy 170 cm? pytam Ola' },
    { author: 'ola.pisze', text: 'Czy rozmiar M będzie pasował na 170 cm wzrostu? Ola' },
    { author: 'kasia', text: 'Jaki rozmiar dla 165 cm wzrostu?' },
    { author: 'ola.pisze', text: 'Ola z TikToka pyta o rozmiar', platform: 'tiktok' },
  ]);
  await updateFaqEntries(db, ids);
  await recordCorrection(db, null, ids[0]!, { topic: 'size_fit' });
  const [entry] = await db.select().from(faqEntries).where(eq(faqEntries.productSku, SKU));
  expect(entry!.commentCount).toBe(4);
  expect(await mentions('pytam Ola')).toBeGreaterThan(0);

  expect(await eraseCommenter(db, null, 'instagram', '@OLA.PISZE')).toEqual({ erased: 2 });
  const left = await db.select({ author: comments.author, platform: comments.platform }).from(comments).where(eq(comments.productSku, SKU));
  expect(left).toEqual(
    expect.arrayContaining([
      { author: 'kasia', platform: 'instagram' },
      { author: 'ola.pisze', platform: 'tiktok' },
    ]),
  );
  expect(left).toHaveLength(2);
  expect(await mentions('pytam Ola')).toBe(0);
  expect(await mentions('170 cm wzrostu? Ola')).toBe(0);
  const [after] = await db.select().from(faqEntries).where(eq(faqEntries.productSku, SKU));
  expect(after!.commentCount).toBe(2);
  expect(await eraseCommenter(db, null, 'instagram', 'ola.pisze')).toEqual({ erased: 0 });
});
