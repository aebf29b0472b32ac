import type { UtmPlaceholder } from '../config/utm-template';
import type { Channel } from '../vocabulary/channels';
import { UTM_MEDIUM } from './utm-medium';

/** What a pull says about itself, for the UTM tags. */
export interface PullFacts {
  cutId: string;
  channel: Channel;
  territory: string;
  campaign: string | null;
  /** The platform the pull named (`meta`, `tiktok`…), if any. */
  platform: string | null;
  /** The handle of the creator whose asset the cut is from. */
  creatorHandle: string;
}

/**
 * Each placeholder's value; null when the pull has none (no campaign), which drops the tag.
 * `{platform}` is the platform the pull named, else the channel: a channel such as paid_social
 * spans several platforms, and the channel name is still a truthful, stable source to group on.
 */
export function utmValues(pull: PullFacts): Record<UtmPlaceholder, string | null> {
  return {
    channel: pull.channel,
    platform: pull.platform ?? pull.channel,
    medium: UTM_MEDIUM[pull.channel],
    campaign: pull.campaign,
    cutId: pull.cutId,
    creator: pull.creatorHandle,
    territory: pull.territory,
  };
}
