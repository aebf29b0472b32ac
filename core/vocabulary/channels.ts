/** Where content may be used. A license grants a subset; every use names exactly one. */
export const CHANNELS = [
  'paid_social',
  'paid_search',
  'paid_display',
  'paid_video',
  'whitelisting',
  'ooh',
  'organic_social',
  'product_page',
  'email',
  'pos',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Channels where the brand pays to show the content (ads, whitelisting, out-of-home). */
export const PAID_CHANNELS: readonly Channel[] = CHANNELS.slice(0, 6);

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export const isChannel = (s: string): s is Channel => channelSet.has(s);
