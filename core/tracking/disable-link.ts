import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { TrackingLinkView } from '../contract/tracking-replies';
import { trackingLinks, type Db } from '../db';
import { notFound } from '../errors/domain-error';
import { toTrackingLinkView, totalClicks } from './link-view';

/**
 * Stops a link for good: from now on it answers 410 and redirects no one. The change and its
 * audit entry commit together. Disabling a disabled link changes nothing and answers it as it
 * is; the same pull asked again afterwards gets a new link.
 */
export async function disableTrackingLink(db: Db, id: string, actorKeyId: string, baseUrl: string, now = new Date()): Promise<TrackingLinkView> {
  return db.transaction(async (tx) => {
    const [disabled] = await tx
      .update(trackingLinks)
      .set({ disabledAt: now, disabledBy: actorKeyId })
      .where(and(eq(trackingLinks.id, id), isNull(trackingLinks.disabledAt)))
      .returning({ id: trackingLinks.id });
    const [row] = await tx.select({ link: trackingLinks, clicks: totalClicks }).from(trackingLinks).where(eq(trackingLinks.id, id));
    if (!row) throw notFound('tracking_link', id);
    const view = toTrackingLinkView(row.link, row.clicks, baseUrl);
    if (disabled) {
      await recordAudit(tx, {
        actorKeyId,
        action: 'tracking_link.disable',
        entityType: 'tracking_link',
        entityId: id,
        before: { ...view, disabledAt: null },
        after: view,
      });
    }
    return view;
  });
}
