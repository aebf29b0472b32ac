import type { FeatureVector } from '../comment-features';
import { softmaxInPlace, type LinearModel } from '../linear-model';
import { seededRandom, shuffleInPlace } from '../seeded-random';

export interface LabelledFeatures {
  features: FeatureVector;
  /** Index into the model's classes. */
  label: number;
  /** Sample weight (a human correction counts more than a corpus row); 1 by default. */
  weight?: number;
}

export interface LinearTrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step. */
  l2: number;
  seed: number;
  /**
   * Reweights classes towards equal total weight (1 = fully, 0 = not at all): rare classes
   * such as "mixed" or "spam" are otherwise drowned out.
   */
  classBalance: number;
  /**
   * NB weighting (Wang & Manning 2012, "NBSVM"): each column's input is scaled per class by
   * its naive-Bayes log-count ratio, so the regulariser shrinks uninformative columns harder.
   * 0 disables; otherwise the smoothing α.
   */
  nbAlpha: number;
}

export const DEFAULT_TRAINING: LinearTrainingOptions = { epochs: 6, learningRate: 2, l2: 1e-6, seed: 1, classBalance: 0.5, nbAlpha: 0.1 };

/**
 * Multinomial logistic regression by stochastic gradient descent: seeded shuffles, a learning
 * rate decaying linearly to zero, and L2 applied lazily through one global scale (Bottou's
 * trick), so a step touches only the example's own columns. Minutes on a laptop for every
 * head, deterministic for a seed.
 */
export function trainLinearModel(
  examples: readonly LabelledFeatures[],
  classes: readonly string[],
  bits: number,
  options: LinearTrainingOptions = DEFAULT_TRAINING,
): LinearModel {
  const k = classes.length;
  const mask = (1 << bits) - 1;
  const weights = new Float32Array((1 << bits) * k);
  const bias = new Float32Array(k);
  const classWeights = balancedClassWeights(examples, k, options.classBalance);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const totalSteps = Math.max(1, options.epochs * examples.length);
  const probabilities = new Float64Array(k);
  const ratios = options.nbAlpha > 0 ? nbLogCountRatios(examples, k, bits, options.nbAlpha) : undefined;
  let scale = 1;
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const example = examples[index] as LabelledFeatures;
      const { hashes, values, length } = example.features;
      const rate = options.learningRate * Math.max(1e-4, 1 - step / totalSteps);
      step++;
      for (let c = 0; c < k; c++) probabilities[c] = bias[c] as number;
      for (let f = 0; f < length; f++) {
        const base = ((hashes[f] as number) & mask) * k;
        const value = (values[f] as number) * scale;
        if (ratios) {
          for (let c = 0; c < k; c++) probabilities[c] = (probabilities[c] as number) + value * (weights[base + c] as number) * (ratios[base + c] as number);
        } else {
          for (let c = 0; c < k; c++) probabilities[c] = (probabilities[c] as number) + value * (weights[base + c] as number);
        }
      }
      softmaxInPlace(probabilities, k);
      const sampleWeight = (example.weight ?? 1) * (classWeights[example.label] as number);
      scale *= 1 - rate * options.l2;
      const stepSize = (rate * sampleWeight) / scale;
      for (let c = 0; c < k; c++) {
        const gradient = (probabilities[c] as number) - (c === example.label ? 1 : 0);
        probabilities[c] = gradient;
        bias[c] = (bias[c] as number) - rate * sampleWeight * gradient;
      }
      for (let f = 0; f < length; f++) {
        const base = ((hashes[f] as number) & mask) * k;
        const value = (values[f] as number) * stepSize;
        if (ratios) {
          for (let c = 0; c < k; c++) weights[base + c] = (weights[base + c] as number) - value * (probabilities[c] as number) * (ratios[base + c] as number);
        } else {
          for (let c = 0; c < k; c++) weights[base + c] = (weights[base + c] as number) - value * (probabilities[c] as number);
        }
      }
      if (scale < 1e-4) scale = rescale(weights, scale);
    }
  }
  rescale(weights, scale);
  // The ratios are folded into the weights: the shipped model is a plain linear model.
  if (ratios) for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * (ratios[i] as number);
  return { classes, bits, weights, scale: 1, bias };
}

/** Folds the global scale into the weights; returns the new scale, 1. */
function rescale(weights: Float32Array, scale: number): number {
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * scale;
  return 1;
}

const MAX_CLASS_WEIGHT = 4;

function balancedClassWeights(examples: readonly LabelledFeatures[], k: number, strength: number): Float64Array {
  const totals = new Float64Array(k);
  let sum = 0;
  for (const e of examples) {
    const w = e.weight ?? 1;
    totals[e.label] = (totals[e.label] as number) + w;
    sum += w;
  }
  const present = totals.filter((t) => t > 0).length;
  // Capped: a class with a few dozen seed rows among 170k corpus rows ("mixed" in English)
  // would otherwise get a weight so large that it is predicted everywhere.
  return totals.map((t) => (t > 0 ? Math.min(MAX_CLASS_WEIGHT, Math.pow(sum / (present * t), strength)) : 1));
}

/** Per class c and column j: log of (share of c's examples with j) / (share of the others' with j), smoothed. */
function nbLogCountRatios(examples: readonly LabelledFeatures[], k: number, bits: number, alpha: number): Float32Array {
  const columns = 1 << bits;
  const mask = columns - 1;
  const present = new Float32Array(columns * k);
  const seen = new Int32Array(columns).fill(-1);
  examples.forEach((example, index) => {
    const { hashes, length } = example.features;
    for (let f = 0; f < length; f++) {
      const column = (hashes[f] as number) & mask;
      if (seen[column] === index) continue;
      seen[column] = index;
      present[column * k + example.label] = (present[column * k + example.label] as number) + 1;
    }
  });
  const classTotals = new Float64Array(k);
  const allTotals = new Float64Array(columns);
  for (let column = 0; column < columns; column++) {
    for (let c = 0; c < k; c++) {
      const n = present[column * k + c] as number;
      classTotals[c] = (classTotals[c] as number) + n;
      allTotals[column] = (allTotals[column] as number) + n;
    }
  }
  const grandTotal = classTotals.reduce((a, b) => a + b, 0);
  const ratios = new Float32Array(columns * k);
  for (let column = 0; column < columns; column++) {
    for (let c = 0; c < k; c++) {
      const inClass = present[column * k + c] as number;
      const outClass = (allTotals[column] as number) - inClass;
      const p = (inClass + alpha) / ((classTotals[c] as number) + alpha * columns);
      const q = (outClass + alpha) / (grandTotal - (classTotals[c] as number) + alpha * columns);
      ratios[column * k + c] = Math.abs(Math.log(p / q));
    }
  }
  return ratios;
}
