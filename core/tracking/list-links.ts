import { and, desc, eq } from 'drizzle-orm';
import type { Page } from '../contract/page';
import type { TrackingLinkView } from '../contract/tracking-replies';
import { trackingLinks, type Db } from '../db';
import { micros, olderThan, toPage } from '../paging/newest-first';
import type { PageCursor } from '../paging/page-cursor';
import { toTrackingLinkView, totalClicks } from './link-view';

export interface TrackingLinkFilter {
  cutId?: string;
  campaign?: string;
}

/** Tracking links newest first, each with its clicks, a page at a time. */
export async function listTrackingLinks(
  db: Db,
  filter: TrackingLinkFilter,
  baseUrl: string,
  limit: number,
  after?: PageCursor,
): Promise<Page<TrackingLinkView>> {
  const rows = await db
    .select({ link: trackingLinks, clicks: totalClicks, createdAtUs: micros(trackingLinks.createdAt) })
    .from(trackingLinks)
    .where(
      and(
        filter.cutId ? eq(trackingLinks.renditionId, filter.cutId) : undefined,
        filter.campaign !== undefined ? eq(trackingLinks.campaign, filter.campaign) : undefined,
        after ? olderThan(trackingLinks.createdAt, trackingLinks.id, after) : undefined,
      ),
    )
    .orderBy(desc(trackingLinks.createdAt), desc(trackingLinks.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAtUs: r.createdAtUs, id: r.link.id }),
    (r) => toTrackingLinkView(r.link, r.clicks, baseUrl),
  );
}
