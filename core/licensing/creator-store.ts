import { desc, eq } from 'drizzle-orm';
import { creators, isUniqueViolation, type Creator, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import { creatorTier, type CreatorTier } from './creator-tier';
import { afterCursor, toPage, type Page } from './page-cursor';

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

/** Rejects with 409 `creator_exists` when the platform already has that handle. */
export async function createCreator(db: Db, input: NewCreatorInput): Promise<CreatorView> {
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
  return toPage(rows.map(creatorView), limit);
}
