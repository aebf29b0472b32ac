import type { Channel } from '../../core/vocabulary/channels';

/**
 * License terms of every shape the product handles, so each state and each refusal reason
 * can be seen in the demo: worldwide with exclusions, one country, an EU list, perpetual,
 * ending in 5 days, already over, not started, revoked, a draft, creator-wide, with and
 * without edits, one channel only. Periods are in days from the moment the demo runs.
 */
export interface DemoLicense {
  /** Stable name, written into `notes` as `[demo:<key>]` so a second run finds it. */
  key: string;
  covers: { media: string[] } | { creator: string };
  territories: string[];
  excludedTerritories?: string[];
  channels: Channel[];
  startsInDays: number;
  /** null: perpetual. */
  endsInDays: number | null;
  derivativesAllowed: boolean;
  disclosureRequired?: boolean;
  attributionRequired?: boolean;
  fee?: { amount: string; currency: string };
  exclusivity?: { scope: 'none' | 'category' | 'all'; category?: string };
  status?: 'draft' | 'active';
  /** Revoked right after it is recorded, for this reason. */
  revokedBecause?: string;
  description: string;
}

const EU = ['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'CZ', 'AT', 'BE', 'SE'];

export const DEMO_LICENSES: readonly DemoLicense[] = [
  {
    key: 'unboxing-worldwide',
    covers: { media: ['unboxing'] },
    territories: ['WW'],
    excludedTerritories: ['RU', 'BY', 'CN'],
    channels: ['paid_social', 'paid_video', 'organic_social', 'product_page'],
    startsInDays: -60,
    endsInDays: 300,
    derivativesAllowed: true,
    disclosureRequired: true,
    fee: { amount: '2500.00', currency: 'PLN' },
    exclusivity: { scope: 'category', category: 'footwear' },
    description: 'Worldwide except RU, BY, CN; ads and product pages; edits allowed',
  },
  {
    key: 'tshirt-pl-only',
    covers: { media: ['tshirt-flatlay'] },
    territories: ['PL'],
    channels: ['product_page', 'organic_social', 'email'],
    startsInDays: -30,
    endsInDays: 180,
    derivativesAllowed: false,
    fee: { amount: '300', currency: 'PLN' },
    description: 'Poland only, organic use and product pages, no edits',
  },
  {
    key: 'sneaker-eu',
    covers: { media: ['sneaker-street'] },
    territories: EU,
    channels: ['paid_social', 'paid_display', 'product_page'],
    startsInDays: -10,
    endsInDays: 365,
    derivativesAllowed: true,
    disclosureRequired: true,
    fee: { amount: '4000.00', currency: 'EUR' },
    description: 'EU markets, paid social and display, product pages',
  },
  {
    key: 'mug-perpetual',
    covers: { media: ['mug-desk'] },
    territories: ['WW'],
    channels: ['product_page', 'organic_social', 'pos'],
    startsInDays: -400,
    endsInDays: null,
    derivativesAllowed: false,
    attributionRequired: true,
    description: 'Perpetual, worldwide, product pages and in store, credit the creator',
  },
  {
    key: 'sneaker-run-ending-soon',
    covers: { media: ['sneaker-run-clip'] },
    territories: ['PL', 'DE'],
    channels: ['paid_social', 'whitelisting', 'product_page'],
    startsInDays: -85,
    endsInDays: 5,
    derivativesAllowed: true,
    disclosureRequired: true,
    fee: { amount: '1200', currency: 'PLN' },
    description: 'Ends in 5 days: ad teams get the license.expiring notice',
  },
  {
    key: 'sneaker-story-expired',
    covers: { media: ['sneaker-story'] },
    territories: ['WW'],
    channels: ['paid_social', 'product_page'],
    startsInDays: -200,
    endsInDays: -3,
    derivativesAllowed: true,
    description: 'Ended 3 days ago: refused everywhere',
  },
  {
    key: 'trail-vlog-not-started',
    covers: { media: ['trail-vlog'] },
    territories: ['PL', 'CZ', 'SK'],
    channels: ['paid_social', 'product_page'],
    startsInDays: 14,
    endsInDays: 194,
    derivativesAllowed: true,
    description: 'Starts in 14 days (summer campaign)',
  },
  {
    key: 'tshirt-mirror-revoked',
    covers: { media: ['tshirt-mirror'] },
    territories: ['WW'],
    channels: ['product_page', 'paid_social'],
    startsInDays: -20,
    endsInDays: 340,
    derivativesAllowed: false,
    revokedBecause: 'The creator withdrew consent',
    description: 'Revoked: the creator withdrew consent',
  },
  {
    key: 'marta-creator-wide',
    covers: { creator: 'marta.dom' },
    territories: ['PL'],
    channels: ['organic_social', 'product_page', 'email'],
    startsInDays: -5,
    endsInDays: 360,
    derivativesAllowed: false,
    description: 'Everything marta.dom posts, Poland, organic and product pages',
  },
  {
    key: 'try-on-paid-social',
    covers: { media: ['tshirt-try-on'] },
    territories: ['PL', 'DE', 'GB'],
    channels: ['paid_social'],
    startsInDays: -1,
    endsInDays: 90,
    derivativesAllowed: true,
    disclosureRequired: true,
    description: 'Paid social only, edits allowed (ad cuts)',
  },
  {
    key: 'product-pages',
    covers: { media: ['backpack-trail', 'mug-kitchen'] },
    territories: ['PL', 'DE', 'FR'],
    channels: ['product_page'],
    startsInDays: -15,
    endsInDays: 200,
    derivativesAllowed: false,
    description: 'Product pages only in PL, DE, FR',
  },
  {
    key: 'mug-pour-ads',
    covers: { media: ['mug-pour-silent'] },
    territories: ['WW'],
    channels: ['paid_social', 'paid_video'],
    startsInDays: -7,
    endsInDays: 60,
    derivativesAllowed: true,
    description: 'Worldwide video ads for 2 months',
  },
  {
    key: 'mug-pour-renewal-draft',
    covers: { media: ['mug-pour-silent'] },
    territories: ['WW'],
    channels: ['paid_social', 'paid_video', 'product_page'],
    startsInDays: 60,
    endsInDays: 425,
    derivativesAllowed: true,
    status: 'draft',
    description: 'Renewal under negotiation (draft)',
  },
];

export const demoTag = (key: string): string => `[demo:${key}]`;
