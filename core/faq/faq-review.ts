import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { comments, faqEntries, type Db, type FaqEntry } from '../db';
import { notFound, unprocessable } from '../errors/domain-error';
import { markGalleriesStale } from '../gallery/gallery-cache';
import type { Services } from '../runtime/services';
import { keyOf, lockTopics } from './faq-assignment';
import { FAQ_ENTITY } from './faq-changes';
import { clusterOf, rebuild, type Cluster, type Question } from './faq-clusters';
import { faqView, type FaqView } from './faq-store';

/**
 * A content manager's corrections of the clustering: merging entries that ask the same thing,
 * and splitting off the comments that ask something else. Each runs in one transaction holding
 * the same advisory lock as the automatic clustering (faq-assignment), so a batch of new
 * comments never interleaves with it, and is audited. Entries stay one product, topic and
 * language: merging across them is refused, since the clustering would pull the comments apart again.
 */

/** Moves every comment of the `from` entries into `targetId` and deletes them; the target keeps its wording, answer and status. */
export async function mergeFaqEntries(services: Services, actorKeyId: string | null, targetId: string, fromIds: readonly string[]): Promise<FaqView> {
  if (fromIds.includes(targetId)) throw unprocessable('faq_merge_self', 'An entry cannot be merged into itself', { id: targetId });
  const merged = await services.database.db.transaction(async (tx) => {
    const target = await lockEntry(tx, targetId);
    const sources = await lockedRows(tx, fromIds);
    const mismatched = sources.filter((s) => keyOf(s.productSku, s.topic, s.lang) !== keyOf(target.productSku, target.topic, target.lang));
    if (mismatched.length) {
      throw unprocessable('faq_merge_mismatch', 'Only entries of the same product, topic and language can be merged', {
        ids: mismatched.map((m) => m.id),
      });
    }
    await tx
      .update(comments)
      .set({ faqEntryId: targetId })
      .where(inArray(comments.faqEntryId, [...fromIds]));
    const after = await storeRebuilt(tx, target, clusterOf(target), await questionsOf(tx, targetId));
    await tx.delete(faqEntries).where(inArray(faqEntries.id, [...fromIds]));
    await recordAudit(tx, {
      actorKeyId,
      action: 'faq.merge',
      entityType: FAQ_ENTITY,
      entityId: targetId,
      before: { entry: faqView(target), merged: sources.map(faqView) },
      after,
    });
    for (const source of sources) {
      await recordAudit(tx, {
        actorKeyId,
        action: 'faq.merged_into',
        entityType: FAQ_ENTITY,
        entityId: source.id,
        before: faqView(source),
        after: { mergedInto: targetId },
      });
    }
    return after;
  });
  // A merged-away entry may have been published: the product page must not show it any more.
  markGalleriesStale();
  return merged;
}

/** Takes these comments out of the entry into a new draft entry of the same product, topic and language. */
export async function splitFaqEntry(
  services: Services,
  actorKeyId: string | null,
  id: string,
  commentIds: readonly string[],
): Promise<{ entry: FaqView; created: FaqView }> {
  return services.database.db.transaction(async (tx) => {
    const source = await lockEntry(tx, id);
    const all = await questionsOf(tx, id);
    const chosen = new Set(commentIds);
    const taken = all.filter((q) => chosen.has(q.commentId));
    if (taken.length !== chosen.size) {
      const found = new Set(taken.map((q) => q.commentId));
      throw unprocessable('comments_not_in_entry', 'Some of these comments do not belong to the entry', { ids: commentIds.filter((c) => !found.has(c)) });
    }
    if (taken.length === all.length)
      throw unprocessable('split_takes_all', 'Leave at least one comment in the entry: splitting off all of them changes nothing');
    const cluster: Cluster = { id: randomUUID(), question: '', questionFixed: false, count: 0, centroid: {}, examples: [] };
    rebuild(cluster, taken);
    const [inserted] = await tx
      .insert(faqEntries)
      .values({
        id: cluster.id!,
        productSku: source.productSku,
        topic: source.topic,
        lang: source.lang,
        question: cluster.question,
        commentCount: cluster.count,
        centroid: cluster.centroid,
        examples: cluster.examples,
      })
      .returning();
    await tx
      .update(comments)
      .set({ faqEntryId: cluster.id })
      .where(inArray(comments.id, [...chosen]));
    const remaining = all.filter((q) => !chosen.has(q.commentId));
    const entry = await storeRebuilt(tx, source, clusterOf(source), remaining);
    const created = faqView(inserted!);
    await recordAudit(tx, { actorKeyId, action: 'faq.split', entityType: FAQ_ENTITY, entityId: id, before: faqView(source), after: { entry, created } });
    await recordAudit(tx, {
      actorKeyId,
      action: 'faq.split_from',
      entityType: FAQ_ENTITY,
      entityId: created.id,
      before: null,
      after: { ...created, splitFrom: id },
    });
    return { entry, created };
  });
}

/** The entry, row-locked after its product, topic and language's advisory lock (the clustering's order: no deadlock). */
async function lockEntry(tx: Db, id: string): Promise<FaqEntry> {
  const [peek] = await tx.select().from(faqEntries).where(eq(faqEntries.id, id));
  if (!peek) throw notFound('faq_entry', id);
  await lockTopics(tx, [keyOf(peek.productSku, peek.topic, peek.lang)]);
  const [row] = await lockedRows(tx, [id]);
  return row!;
}

async function lockedRows(tx: Db, ids: readonly string[]): Promise<FaqEntry[]> {
  const rows = await tx
    .select()
    .from(faqEntries)
    .where(inArray(faqEntries.id, [...ids]))
    .orderBy(asc(faqEntries.id))
    .for('update');
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing) throw notFound('faq_entry', missing);
  return rows;
}

/** The entry's questions in the order they were asked: the order the clustering joins them in. */
async function questionsOf(tx: Db, entryId: string): Promise<Question[]> {
  return tx
    .select({ commentId: comments.id, text: comments.text })
    .from(comments)
    .where(eq(comments.faqEntryId, entryId))
    .orderBy(sql`coalesce(${comments.postedAt}, ${comments.importedAt})`, asc(comments.id));
}

async function storeRebuilt(tx: Db, entry: FaqEntry, cluster: Cluster, questions: readonly Question[]): Promise<FaqView> {
  rebuild(cluster, questions);
  const [row] = await tx
    .update(faqEntries)
    .set({ question: cluster.question, commentCount: cluster.count, centroid: cluster.centroid, examples: cluster.examples })
    .where(eq(faqEntries.id, entry.id))
    .returning();
  return faqView(row!);
}
