import { COMMENT_SENTIMENTS } from '../../../core/vocabulary/comment-labels';
import {
  reviewSummary,
  stackerPredictInto,
  summaryLength,
  trainReviewStacker,
  type ReviewProbabilities,
  type StackerExample,
} from '../../../core/nlp/review-stacker';
import { seededRandom } from '../../../core/nlp/seeded-random';

const classes = COMMENT_SENTIMENTS; // negative, neutral, positive, mixed
const NEG = classes.indexOf('negative');
const POS = classes.indexOf('positive');
const MIXED = classes.indexOf('mixed');
const p = (negative: number, positive: number): Float64Array => {
  const out = new Float64Array(classes.length).fill((1 - negative - positive) / 2);
  out[NEG] = negative;
  out[POS] = positive;
  return out;
};

describe('reviewSummary', () => {
  it('summarises whole, opening, closing and sentences into a fixed-length vector', () => {
    const review: ReviewProbabilities = {
      whole: p(0.4, 0.4),
      opening: p(0.1, 0.8),
      closing: p(0.8, 0.1),
      sentences: [p(0.05, 0.9), p(0.1, 0.1), p(0.9, 0.05)],
    };
    const summary = reviewSummary(review, classes);
    expect(summary).toHaveLength(summaryLength(classes.length));
    const k = classes.length;
    expect(summary[0 * k + POS]).toBeCloseTo(Math.log(0.4)); // whole, log
    expect(summary[4 * k + POS]).toBeCloseTo(0.9); // max over sentences
    expect(summary[4 * k + NEG]).toBeCloseTo(0.9);
    expect(summary[5 * k + POS]).toBeCloseTo(0.05); // min
    expect(summary[7 * k + NEG]).toBeCloseTo(0.9); // last sentence
    expect(summary[8 * k + POS]).toBeCloseTo(0.9); // first sentence
    const tail = Array.from(summary.subarray(9 * k));
    expect(tail[0]).toBeCloseTo(Math.log(3));
    expect(tail[1]).toBeCloseTo(0.9); // min(max positive, max negative): praise AND complaint
    expect(tail[2]).toBeCloseTo(0.81);
    expect(tail[3]).toBeCloseTo((1 / 3) * (1 / 3));
  });
});

describe('trainReviewStacker', () => {
  /** Synthetic reviews: "mixed" exactly when one sentence is clearly positive and another clearly negative. */
  function synthetic(n: number, seed: number): StackerExample[] {
    const random = seededRandom(seed);
    return Array.from({ length: n }, () => {
      const kind = Math.floor(random() * 3); // 0 negative, 1 positive, 2 mixed
      const sentences = Array.from({ length: 3 + Math.floor(random() * 6) }, () => p(0.2 + random() * 0.2, 0.2 + random() * 0.2));
      const at = Math.floor(random() * sentences.length);
      if (kind !== 1) sentences[at] = p(0.9, 0.05);
      if (kind !== 0) sentences[(at + 1) % sentences.length] = p(0.05, 0.9);
      // The whole-text view cannot tell mixed from the others: it is the same for all three.
      const review = { whole: p(0.33, 0.33), opening: p(0.33, 0.33), closing: p(0.33, 0.33), sentences };
      return { summary: reviewSummary(review, classes), label: [NEG, POS, MIXED][kind] as number, weight: 1 };
    });
  }

  it('learns what the whole-text view cannot see: praise and complaint together are "mixed"', () => {
    const stacker = trainReviewStacker(synthetic(600, 1), classes);
    const test = synthetic(300, 2);
    const out = new Float64Array(classes.length);
    const correct = test.filter((e) => {
      const probabilities = stackerPredictInto(stacker, e.summary, out);
      return probabilities.indexOf(Math.max(...probabilities)) === e.label;
    }).length;
    expect(correct / test.length).toBeGreaterThan(0.95);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('is deterministic for a seed, and another seed gives other weights', () => {
    const examples = synthetic(200, 3);
    expect(trainReviewStacker(examples, classes, { epochs: 5, learningRate: 0.02, l2: 1e-4, seed: 7 })).toEqual(
      trainReviewStacker(examples, classes, { epochs: 5, learningRate: 0.02, l2: 1e-4, seed: 7 }),
    );
    expect(trainReviewStacker(examples, classes, { epochs: 5, learningRate: 0.02, l2: 1e-4, seed: 8 }).weights).not.toEqual(
      trainReviewStacker(examples, classes, { epochs: 5, learningRate: 0.02, l2: 1e-4, seed: 7 }).weights,
    );
  });

  it('refuses to train on nothing', () => {
    expect(() => trainReviewStacker([], classes)).toThrow('no examples');
  });
});
