import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { creators, type Creator, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import { handleSkeleton, INVISIBLE_SQL_CLASS } from '../text/identifier-text';
import { creatorTier } from '../vocabulary/creator-tier';
import type { CreatorView as CreatorReply } from '../contract/creator-replies';

export interface NewCreatorInput {
  handle: string;
  platform: string;
  followers: number;
  engagementRate?: number | null;
  contactEmail?: string | null;
}

/** A creator as clients see it (core/contract/creator-replies.ts): the fields named, so a new column is never sent by accident. */
export type CreatorView = z.input<typeof CreatorReply>;

export function creatorView(row: Creator): CreatorView {
  const { id, handle, platform, followers, engagementRate, contactEmail } = row;
  return { id, handle, platform, followers, engagementRate, contactEmail, tier: creatorTier(row.followers), createdAt: row.createdAt.toISOString() };
}

/**
 * Rejects with 409 `creator_exists` when the platform already has that handle or one that looks
 * the same. The unique index compares stored bytes, and handles stored before they were
 * normalised (`ＡＮＮＡ`, `anna\u200b`) differ in bytes from the `anna` now asked for; so the
 * look-alike is searched by skeleton first, in the transaction that inserts, under a lock on
 * the skeleton so that two racing requests cannot both pass the search.
 */
export async function createCreator(db: Db, input: NewCreatorInput): Promise<CreatorView> {
  return db.transaction(async (tx) => {
    await assertNoLookAlike(tx, input.platform, input.handle, null);
    return insertCreator(tx, input);
  });
}

/** What may change about a creator; absent fields stay as they are. */
export type CreatorChange = Partial<NewCreatorInput>;

/** Changes a creator's details, audited; a new handle or platform is held to the same look-alike rule as on create. */
export async function updateCreator(db: Db, actorKeyId: string | null, id: string, change: CreatorChange): Promise<CreatorView> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(creators).where(eq(creators.id, id)).for('update');
    if (!before) throw notFound('creator', id);
    const next = { ...before, ...change };
    if (change.handle !== undefined || change.platform !== undefined) await assertNoLookAlike(tx, next.platform, next.handle, id);
    const [after] = await tx.update(creators).set(change).where(eq(creators.id, id)).returning();
    await recordAudit(tx, {
      actorKeyId,
      action: 'creator.update',
      entityType: 'creator',
      entityId: id,
      before: creatorView(before),
      after: creatorView(after!),
    });
    return creatorView(after!);
  });
}

async function assertNoLookAlike(tx: Db, platform: string, handle: string, exceptId: string | null): Promise<void> {
  const skeleton = handleSkeleton(handle);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`creator:${platform}:${skeleton}`}))`);
  const [lookAlike] = await tx
    .select({ id: creators.id, handle: creators.handle })
    .from(creators)
    .where(
      and(
        eq(creators.platform, platform),
        sql`lower(normalize(regexp_replace(${creators.handle}, ${INVISIBLE_SQL_CLASS}, '', 'g'), NFKC)) = ${skeleton}`,
        exceptId ? ne(creators.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (lookAlike) {
    throw new DomainError(
      'conflict',
      'creator_exists',
      `${platform} creator ${handle} already exists as ${lookAlike.id} (stored as ${JSON.stringify(lookAlike.handle)})`,
      {
        creatorId: lookAlike.id,
      },
    );
  }
}

/**
 * The look-alike search has already run under its lock; a conflict here is a byte-identical
 * handle that search could not see. It is answered like the search's, with the creator's id,
 * read after the insert did nothing (a failed insert would abort the transaction first).
 */
async function insertCreator(db: Db, input: NewCreatorInput): Promise<CreatorView> {
  const [row] = await db
    .insert(creators)
    .values({ ...input, engagementRate: input.engagementRate ?? null, contactEmail: input.contactEmail ?? null })
    .onConflictDoNothing({ target: [creators.platform, creators.handle] })
    .returning();
  if (row) return creatorView(row);
  const [existing] = await db
    .select({ id: creators.id })
    .from(creators)
    .where(and(eq(creators.platform, input.platform), eq(creators.handle, input.handle)));
  throw new DomainError('conflict', 'creator_exists', `${input.platform} creator ${input.handle} already exists (id ${existing?.id})`, {
    creatorId: existing?.id,
  });
}

export async function getCreator(db: Db, id: string): Promise<CreatorView> {
  const [row] = await db.select().from(creators).where(eq(creators.id, id));
  if (!row) throw notFound('creator', id);
  return creatorView(row);
}
