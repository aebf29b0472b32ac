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

/**
 * W·x + b into `out`, four classes at a time: each block keeps its sums in locals rather
 * than in `out` (a fraction of the time of one loop over all classes), and every class still
 * gets its bias and then the same additions in the same order, so the same bits.
 */
export function scoresInto(model: LinearModel, features: FeatureVector, out: Float64Array): void {
  const k = model.classes.length;
  let c = 0;
  for (; c + 4 <= k; c += 4) block4(model, features, out, c);
  if (k - c === 3) block3(model, features, out, c);
  else if (k - c === 2) block2(model, features, out, c);
  else if (k - c === 1) block1(model, features, out, c);
}

function block1(model: LinearModel, { hashes, values, length }: FeatureVector, out: Float64Array, from: number): void {
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const { weights, scale } = model;
  let s0 = model.bias[from] as number;
  for (let f = 0; f < length; f++) {
    const value = (values[f] as number) * scale;
    s0 = s0 + value * (weights[((hashes[f] as number) & mask) * k + from] as number);
  }
  out[from] = s0;
}

function block2(model: LinearModel, { hashes, values, length }: FeatureVector, out: Float64Array, from: number): void {
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const { weights, scale, bias } = model;
  let s0 = bias[from] as number;
  let s1 = bias[from + 1] as number;
  for (let f = 0; f < length; f++) {
    const value = (values[f] as number) * scale;
    const base = ((hashes[f] as number) & mask) * k + from;
    s0 = s0 + value * (weights[base] as number);
    s1 = s1 + value * (weights[base + 1] as number);
  }
  out[from] = s0;
  out[from + 1] = s1;
}

function block3(model: LinearModel, { hashes, values, length }: FeatureVector, out: Float64Array, from: number): void {
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const { weights, scale, bias } = model;
  let s0 = bias[from] as number;
  let s1 = bias[from + 1] as number;
  let s2 = bias[from + 2] as number;
  for (let f = 0; f < length; f++) {
    const value = (values[f] as number) * scale;
    const base = ((hashes[f] as number) & mask) * k + from;
    s0 = s0 + value * (weights[base] as number);
    s1 = s1 + value * (weights[base + 1] as number);
    s2 = s2 + value * (weights[base + 2] as number);
  }
  out[from] = s0;
  out[from + 1] = s1;
  out[from + 2] = s2;
}

function block4(model: LinearModel, { hashes, values, length }: FeatureVector, out: Float64Array, from: number): void {
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const { weights, scale, bias } = model;
  let s0 = bias[from] as number;
  let s1 = bias[from + 1] as number;
  let s2 = bias[from + 2] as number;
  let s3 = bias[from + 3] as number;
  for (let f = 0; f < length; f++) {
    const value = (values[f] as number) * scale;
    const base = ((hashes[f] as number) & mask) * k + from;
    s0 = s0 + value * (weights[base] as number);
    s1 = s1 + value * (weights[base + 1] as number);
    s2 = s2 + value * (weights[base + 2] as number);
    s3 = s3 + value * (weights[base + 3] as number);
  }
  out[from] = s0;
  out[from + 1] = s1;
  out[from + 2] = s2;
  out[from + 3] = s3;
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
