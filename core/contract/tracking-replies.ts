import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { EXAMPLE_IDS } from './example-ids';
import { instant } from './fields';

export const EXAMPLE_TRACKING_LINK_ID = '2b7e9d41-6c3a-4f58-9e12-a8d5c0f3b764';
const EXAMPLE_CODE = 'q3Vx8LmT2pKc9ZsR4yWb7A';

/** A pull's tracking link, as the pull answers it. */
export const TrackingFields = {
  trackingLinkId: z.uuid().describe('The tracking link’s id (to disable it: POST /api/v1/tracking-links/:id/disable)'),
  trackingLink: z.string().describe('The short public link to put in the ad (absolute, /t/<code>): it redirects (302) to `trackedUrl` and counts the click'),
  trackedUrl: z
    .string()
    .describe('The landing URL with the UTM tags of TRACKING_UTM_TEMPLATE added (tags it already had are kept, except those the template sets)'),
};

export const trackingFieldsExample = {
  trackingLinkId: EXAMPLE_TRACKING_LINK_ID,
  trackingLink: `https://ugc.example.com/t/${EXAMPLE_CODE}`,
  trackedUrl: `https://shop.example.com/linen-shirt?color=sand&utm_source=meta&utm_medium=paid_social&utm_campaign=Summer+linen+2027&utm_content=${EXAMPLE_IDS.cut}&utm_term=anna.makes`,
};

/** A tracking link with its clicks, as the list and the disable answer it. */
export const TrackingLinkView = z.object({
  id: z.uuid().describe('The tracking link’s id'),
  code: z.string().describe('The secret part of the link (128 random bits, base64url)'),
  trackingLink: TrackingFields.trackingLink,
  trackedUrl: z.string().describe('Where the link redirects: the landing URL with its UTM tags, fixed when the link was made'),
  landingUrl: z.string().describe('The landing URL the pull gave'),
  cutId: z.uuid().describe('The cut pulled'),
  channel: z.enum(CHANNELS).describe('The channel of the pull'),
  territory: z.string().describe('The country of the pull (ISO 3166-1 alpha-2)'),
  campaign: z.string().nullable().describe('The campaign of the pull; null when it named none'),
  platform: z.string().nullable().describe('The platform the pull named (its utm_source); null when it named none'),
  clicks: z.number().int().describe('Clicks counted so far (people only: bots, prefetches and HEAD requests are not counted)'),
  createdBy: z.uuid().describe('The API key whose pull made the link'),
  createdAt: instant('When the link was made'),
  disabledAt: instant('When it was disabled (it answers 410 since)').nullable(),
});
export type TrackingLinkView = z.infer<typeof TrackingLinkView>;

export const trackingLinkExample = {
  id: EXAMPLE_TRACKING_LINK_ID,
  code: EXAMPLE_CODE,
  trackingLink: trackingFieldsExample.trackingLink,
  trackedUrl: trackingFieldsExample.trackedUrl,
  landingUrl: 'https://shop.example.com/linen-shirt?color=sand',
  cutId: EXAMPLE_IDS.cut,
  channel: 'paid_social',
  territory: 'PL',
  campaign: 'Summer linen 2027',
  platform: 'meta',
  clicks: 128,
  createdBy: EXAMPLE_IDS.apiKey,
  createdAt: '2026-12-05T08:30:00.000Z',
  disabledAt: null,
} satisfies z.input<typeof TrackingLinkView>;
