import { sql, type SQL } from 'drizzle-orm';
import type { TrackingLinkView } from '../contract/tracking-replies';
import { trackingLinks, type TrackingLink } from '../db';
import type { Channel } from '../vocabulary/channels';

/** The public link of a code, under the base people reach this API at (PUBLIC_BASE_URL). */
export const trackingLinkUrl = (baseUrl: string, code: string): string => `${baseUrl}/t/${code}`;

/** A link's clicks over all days, as text (a bigint sum). */
export const totalClicks: SQL<string> = sql<string>`(select coalesce(sum(c.clicks), 0)::bigint::text from tracking_link_clicks c where c.link_id = ${trackingLinks.id})`;

export function toTrackingLinkView(row: TrackingLink, clicks: string | number, baseUrl: string): TrackingLinkView {
  return {
    id: row.id,
    code: row.code,
    trackingLink: trackingLinkUrl(baseUrl, row.code),
    trackedUrl: row.trackedUrl,
    landingUrl: row.landingUrl,
    cutId: row.renditionId,
    channel: row.channel as Channel,
    territory: row.territory,
    campaign: row.campaign,
    platform: row.platform,
    clicks: Number(clicks),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}
