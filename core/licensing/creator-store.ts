import { and, desc, eq, sql } from 'drizzle-orm';
import { creators, isUniqueViolation, type Creator, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import { handleSkeleton, INVISIBLE_SQL_CLASS } from '../text/identifier-text';
import { creatorTier, type CreatorTier } from '../vocabulary/creator-tier';
import { afterCursor, toIdPage } from '../paging/id-cursor';
import type { Page } from '../contract/page';

export interface NewCreatorInput {
  handle: string;
  platform: string;
  followers: number;
  engagementRate?: number | null;
}

export type CreatorView = Omit<Creator, 'createdAt'> & { tier: CreatorTier; createdAt: string };

export function creatorView(row: Creator): CreatorView {
  return { ...row, tier: creatorTier(row.followers), createdAt: row.createdAt.toISOString() };
}

/**
 * Rejects with 409 `creator_exists` when the platform already has that handle or one that looks
 * the same. The unique index compares stored bytes, and handles stored before they were
 * normalised (`ＡＮＮＡ`, `anna\u200b`) differ in bytes from the `anna` now asked for; so the
 * look-alike is searched by skeleton first, in the transaction that inserts, under a lock on
 * the skeleton so that two racing requests cannot both pass the search.
 */
export async function createCreator(db: Db, input: NewCreatorInput): Promise<CreatorView> {
  const skeleton = handleSkeleton(input.handle);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`creator:${input.platform}:${skeleton}`}))`);
    const [lookAlike] = await tx
      .select({ id: creators.id, handle: creators.handle })
      .from(creators)
      .where(
        and(
          eq(creators.platform, input.platform),
          sql`lower(normalize(regexp_replace(${creators.handle}, ${INVISIBLE_SQL_CLASS}, '', 'g'), NFKC)) = ${skeleton}`,
        ),
      )
      .limit(1);
    if (lookAlike) {
      throw new DomainError(
        'conflict',
        'creator_exists',
        `${input.platform} creator ${input.handle} already exists (stored as ${JSON.stringify(lookAlike.handle)})`,
        {
          creatorId: lookAlike.id,
        },
      );
    }
    return insertCreator(tx, input);
  });
}

async function insertCreator(db: Db, input: NewCreatorInput): Promise<CreatorView> {
  try {
    const [row] = await db
      .insert(creators)
      .values({ ...input, engagementRate: input.engagementRate ?? null })
      .returning();
    return creatorView(row!);
  } catch (e) {
    if (isUniqueViolation(e, 'creators_platform_handle_unique')) {
      throw new DomainError('conflict', 'creator_exists', `${input.platform} creator ${input.handle} already exists`);
    }
    throw e;
  }
}

export async function getCreator(db: Db, id: string): Promise<CreatorView> {
  const [row] = await db.select().from(creators).where(eq(creators.id, id));
  if (!row) throw notFound('creator', id);
  return creatorView(row);
}

/** Newest first. */
export async function listCreators(db: Db, { cursor, limit }: { cursor?: string; limit: number }): Promise<Page<CreatorView>> {
  const rows = await db
    .select()
    .from(creators)
    .where(cursor ? afterCursor(creators, creators.createdAt, creators.id, cursor, 'desc') : undefined)
    .orderBy(desc(creators.createdAt), desc(creators.id))
    .limit(limit + 1);
  return toIdPage(rows.map(creatorView), limit);
}
