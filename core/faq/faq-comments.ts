import { asc, desc, eq, sql } from 'drizzle-orm';
import { latestCorrections } from '../comments/effective-labels';
import { comments, type CommentSentiment, type Db } from '../db';

/** A comment behind an FAQ entry, with who wrote it, when and where: what a reviewer needs to trust or split it. */
export interface FaqCommentView {
  id: string;
  text: string;
  author: string | null;
  postedAt: string | null;
  platform: string;
  permalink: string | null;
  lang: string | null;
  sentiment: CommentSentiment | null;
}

/** The entry's comments, newest first, at most `limit`. */
export async function listFaqComments(db: Db, entryId: string, limit = 200): Promise<FaqCommentView[]> {
  const fixes = latestCorrections(db);
  const rows = await db
    .select({
      id: comments.id,
      text: comments.text,
      author: comments.author,
      postedAt: comments.postedAt,
      platform: comments.platform,
      permalink: comments.permalink,
      lang: comments.lang,
      sentiment: sql<CommentSentiment | null>`coalesce(${fixes.sentiment}, ${comments.sentiment})`,
    })
    .from(comments)
    .leftJoin(fixes, eq(fixes.commentId, comments.id))
    .where(eq(comments.faqEntryId, entryId))
    .orderBy(desc(sql`coalesce(${comments.postedAt}, ${comments.importedAt})`), asc(comments.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, postedAt: r.postedAt?.toISOString() ?? null }));
}
