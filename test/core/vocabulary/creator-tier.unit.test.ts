import { creatorTier } from '../../../core/vocabulary/creator-tier';

describe('creatorTier: each bound belongs to the tier it opens', () => {
  it.each([
    [0, 'none'],
    [999, 'none'],
    [1_000, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [2_000_000_000, 'mega'],
  ])('%d followers → %s', (followers, tier) => expect(creatorTier(followers)).toBe(tier));
});
