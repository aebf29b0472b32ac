import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import { faqEntries, type FaqStatus } from '../db';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';
import { markGalleriesStale } from '../gallery/gallery-cache';
import type { Services } from '../runtime/services';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';
import { assertTransition } from './faq-status';
import { faqView, type FaqView } from './faq-store';

export interface FaqPatch {
  question?: string;
  /** null clears it. */
  answer?: string | null;
  status?: FaqStatus;
  /** Out of the review queue (true) or back in it (false). A published entry is unpublished first. */
  dismissed?: boolean;
}

/** The audit log's entity type for FAQ entries. */
export const FAQ_ENTITY = 'faq_entry';

/**
 * A content manager's edit of an entry: its wording, its answer, its review status. Under the
 * row lock, so concurrent edits apply one after the other; audited. Publishing needs an answer
 * and records `publishedAt`; unpublishing clears it. Once published, `faq.published` webhooks go
 * out (recorded in the same transaction, queued after it commits) and this process's cached
 * galleries are dropped, so the product page shows the entry on its next request.
 */
export async function updateFaqEntry(services: Services, actorKeyId: string | null, id: string, patch: FaqPatch): Promise<FaqView> {
  const { entry, deliveries } = await services.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(faqEntries).where(eq(faqEntries.id, id)).for('update');
    if (!current) throw notFound('faq_entry', id);
    const status = patch.status ?? current.status;
    assertTransition(current.status, status);
    const answer = patch.answer === undefined ? current.answer : patch.answer;
    if (status === 'published' && !answer) throw unprocessable('answer_required', 'Write an answer before publishing the entry');
    const dismissed = patch.dismissed ?? current.dismissedAt !== null;
    if (dismissed && status === 'published') throw dismissedConflict(current.status === 'published');
    const publishing = status === 'published' && current.status !== 'published';
    const [updated] = await tx
      .update(faqEntries)
      .set({
        question: patch.question ?? current.question,
        answer,
        status,
        publishedAt: status !== 'published' ? null : publishing ? new Date() : current.publishedAt,
        dismissedAt: !dismissed ? null : (current.dismissedAt ?? new Date()),
      })
      .where(eq(faqEntries.id, id))
      .returning();
    const after = faqView(updated!);
    await recordAudit(tx, { actorKeyId, action: 'faq.update', entityType: FAQ_ENTITY, entityId: id, before: faqView(current), after });
    const deliveryIds = publishing ? await recordDeliveries(tx, 'faq.published', publishedPayload(after)) : [];
    return { entry: after, deliveries: deliveryIds };
  });
  markGalleriesStale();
  await queueDeliveries(services, deliveries);
  return entry;
}

/** Shoppers see published entries: dismissing one would hide a live answer without a word, so it is unpublished first. */
const dismissedConflict = (wasPublished: boolean) =>
  wasPublished
    ? new DomainError('conflict', 'unpublish_first', 'Unpublish the entry (back to draft) before dismissing it')
    : new DomainError('conflict', 'faq_dismissed', 'A dismissed entry cannot be published: restore it to the queue first');

const publishedPayload = (e: FaqView) => ({
  faqId: e.id,
  sku: e.productSku,
  topic: e.topic,
  question: e.question,
  answer: e.answer,
  publishedAt: e.publishedAt,
});
