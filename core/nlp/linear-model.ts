import type { FeatureVector } from './comment-features';

/**
 * A multinomial linear classifier over hashed features: softmax(W·x + b). Weights are laid
 * out column by column (`weights[column * classes + k]`), so one feature's weights for every
 * class sit next to each other in memory. Sparse hashed features with a linear model rather
 * than natural's classifiers: natural builds a dense vector over the vocabulary per document
 * (65 docs/s measured); this reads only the comment's few hundred columns.
 */
export interface LinearModel {
  readonly classes: readonly string[];
  /** Columns are hash & (2^bits − 1). */
  readonly bits: number;
  /**
   * Float while training; int8 once loaded from an artifact (times `scale`): four times less
   * memory, and scoring is bound by cache misses on these arrays, so it is also faster.
   */
  readonly weights: Float32Array | Int8Array;
  readonly scale: number;
  readonly bias: Float32Array;
}

/** Class probabilities into `out` (length = classes). */
export function predictInto(model: LinearModel, features: FeatureVector, out: Float64Array): Float64Array {
  scoresInto(model, features, out);
  return softmaxInPlace(out, model.classes.length);
}

export function scoresInto(model: LinearModel, features: FeatureVector, out: Float64Array): void {
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const { weights, scale } = model;
  for (let c = 0; c < k; c++) out[c] = model.bias[c] as number;
  for (let f = 0; f < features.length; f++) {
    const value = (features.values[f] as number) * scale;
    const base = ((features.hashes[f] as number) & mask) * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + value * (weights[base + c] as number);
  }
}

export function softmaxInPlace(scores: Float64Array, k: number): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, scores[c] as number);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}
