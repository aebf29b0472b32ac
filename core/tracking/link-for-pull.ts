import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { UtmTemplate } from '../config/utm-template';
import { assets, creators, renditions, trackingLinks, type Db, type TrackingLink } from '../db';
import { notFound } from '../errors/domain-error';
import type { Channel } from '../vocabulary/channels';
import { newLinkCode } from './link-code';
import { taggedUrl } from './tracked-url';
import { utmValues } from './utm-values';

/** A granted pull that named a landing URL (checked and normalised by landingUrlSchema). */
export interface TrackedPull {
  cutId: string;
  channel: Channel;
  territory: string;
  campaign: string | null;
  platform: string | null;
  landingUrl: string;
  /** The key that pulled. */
  apiKeyId: string;
}

/**
 * The live tracking link of this pull, made the first time it is asked for: the same cut,
 * channel, territory, campaign, platform and landing URL give the same link (and the tracked URL
 * it was made with, even if TRACKING_UTM_TEMPLATE changed since), until it is disabled.
 */
export async function trackingLinkForPull(db: Db, pull: TrackedPull, template: UtmTemplate): Promise<TrackingLink> {
  const pullKey = pullKeyOf(pull);
  const existing = await liveLinkOfKey(db, pullKey);
  if (existing) return existing;
  const creatorHandle = await creatorHandleOfCut(db, pull.cutId);
  const trackedUrl = taggedUrl(pull.landingUrl, template, utmValues({ ...pull, creatorHandle }));
  // ON CONFLICT rather than look-then-insert alone: two identical pulls at once make one link.
  const [made] = await db
    .insert(trackingLinks)
    .values({
      code: newLinkCode(),
      pullKey,
      renditionId: pull.cutId,
      channel: pull.channel,
      territory: pull.territory,
      campaign: pull.campaign,
      platform: pull.platform,
      landingUrl: pull.landingUrl,
      trackedUrl,
      createdBy: pull.apiKeyId,
    })
    .onConflictDoNothing()
    .returning();
  const link = made ?? (await liveLinkOfKey(db, pullKey));
  if (!link) throw new Error(`tracking link for pull key ${pullKey} conflicted but was not found`);
  return link;
}

/** What makes two pulls the same, hashed: together the fields can outgrow one index entry. */
function pullKeyOf(pull: TrackedPull): string {
  const identity = [pull.cutId, pull.channel, pull.territory, pull.campaign, pull.platform, pull.landingUrl];
  return createHash('sha256').update(JSON.stringify(identity)).digest('base64url');
}

async function liveLinkOfKey(db: Db, pullKey: string): Promise<TrackingLink | undefined> {
  const [row] = await db
    .select()
    .from(trackingLinks)
    .where(and(eq(trackingLinks.pullKey, pullKey), isNull(trackingLinks.disabledAt)));
  return row;
}

async function creatorHandleOfCut(db: Db, cutId: string): Promise<string> {
  const [row] = await db
    .select({ handle: creators.handle })
    .from(renditions)
    .innerJoin(assets, eq(assets.id, renditions.assetId))
    .innerJoin(creators, eq(creators.id, assets.creatorId))
    .where(eq(renditions.id, cutId));
  if (!row) throw notFound('cut', cutId);
  return row.handle;
}
