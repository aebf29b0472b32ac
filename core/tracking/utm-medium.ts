import type { Channel } from '../vocabulary/channels';

/**
 * utm_medium per channel, in the words web analytics groups channels by (GA4's default channel
 * groups read `cpc` as paid search, `display` as display, `paid_*` as paid, `email`, `social`),
 * so that traffic from a pull lands in the right group without a custom rule.
 */
export const UTM_MEDIUM: Readonly<Record<Channel, string>> = {
  paid_social: 'paid_social',
  paid_search: 'cpc',
  paid_display: 'display',
  paid_video: 'paid_video',
  // Ads run from the creator's own handle are paid social to analytics.
  whitelisting: 'paid_social',
  ooh: 'ooh',
  organic_social: 'social',
  product_page: 'product_page',
  email: 'email',
  pos: 'pos',
};
