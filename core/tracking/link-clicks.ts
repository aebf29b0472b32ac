import { eq, sql } from 'drizzle-orm';
import { trackingLinkClicks, trackingLinks, type Db } from '../db';

/** What a redirect needs of a link. */
export interface RedirectTarget {
  id: string;
  trackedUrl: string;
  disabled: boolean;
}

export async function linkOfCode(db: Db, code: string): Promise<RedirectTarget | null> {
  const [row] = await db
    .select({ id: trackingLinks.id, trackedUrl: trackingLinks.trackedUrl, disabledAt: trackingLinks.disabledAt })
    .from(trackingLinks)
    .where(eq(trackingLinks.code, code));
  return row ? { id: row.id, trackedUrl: row.trackedUrl, disabled: row.disabledAt !== null } : null;
}

/** Adds one click to the link's count for the day (UTC) of `at`: one upsert, atomic under concurrent clicks. */
export async function countClick(db: Db, linkId: string, at = new Date()): Promise<void> {
  await db
    .insert(trackingLinkClicks)
    .values({ linkId, day: at.toISOString().slice(0, 10), clicks: 1 })
    .onConflictDoUpdate({
      target: [trackingLinkClicks.linkId, trackingLinkClicks.day],
      set: { clicks: sql`${trackingLinkClicks.clicks} + 1` },
    });
}
