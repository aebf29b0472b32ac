export const CREATOR_TIERS = ['none', 'nano', 'micro', 'macro', 'mega'] as const;
export type CreatorTier = (typeof CREATOR_TIERS)[number];

/**
 * The follower count where each tier begins, highest first. Each bound belongs to the tier it
 * opens (10,000 followers is micro, not nano), the usual reading of "nano 1k–10k, micro
 * 10k–100k, macro 100k–1M, mega 1M+".
 */
const TIER_FLOORS: ReadonlyArray<readonly [CreatorTier, number]> = [
  ['mega', 1_000_000],
  ['macro', 100_000],
  ['micro', 10_000],
  ['nano', 1_000],
];

/** A creator's tier from their follower count; `none` under 1,000. */
export function creatorTier(followers: number): CreatorTier {
  return TIER_FLOORS.find(([, floor]) => followers >= floor)?.[0] ?? 'none';
}
