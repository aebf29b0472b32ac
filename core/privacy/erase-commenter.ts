import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { commentCorrections, comments, type Db } from '../db';
import { updateFaqEntries } from '../faq/faq-assignment';
import { normalizeHandle } from '../text/identifier-text';

/**
 * Erases what one commenter wrote (RODO/GDPR art. 17): every comment by that author on that
 * platform, the author compared as platforms compare handles (`@Anna` is `anna`). First they
 * are made to belong to no FAQ entry (marked spam, people's corrections dropped, the entries
 * brought in line: counts fall and examples are refilled from other comments), so no entry keeps
 * their words; then the rows go. The audit entry records how many, not who.
 */
export async function eraseCommenter(db: Db, actorKeyId: string | null, platform: string, author: string): Promise<{ erased: number }> {
  // The same comparison as normalizeHandle, in SQL: NFKC, lower case, no leading @.
  const sameAuthor = sql`lower(normalize(regexp_replace(${comments.author}, '^@+', ''), NFKC)) = ${normalizeHandle(author)}`;
  const ids = (
    await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.platform, platform), sameAuthor))
  ).map((c) => c.id);
  if (ids.length === 0) return { erased: 0 };
  await db.delete(commentCorrections).where(inArray(commentCorrections.commentId, ids));
  await db.update(comments).set({ spam: true }).where(inArray(comments.id, ids));
  await updateFaqEntries(db, ids);
  await db.transaction(async (tx) => {
    await tx.delete(comments).where(inArray(comments.id, ids));
    await recordAudit(tx, { actorKeyId, action: 'comments.erase', entityType: 'commenter', entityId: platform, before: null, after: { erased: ids.length } });
  });
  return { erased: ids.length };
}
