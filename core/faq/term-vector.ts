import type { TermVector } from './question-terms';

/** A centroid keeps its heaviest terms only, so an entry's row stays small however many questions join. */
export const MAX_CENTROID_TERMS = 100;

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a];
  let sum = 0;
  for (const term in small) sum += small[term]! * (large[term] ?? 0);
  return sum;
}

export const norm = (v: TermVector): number => Math.hypot(...Object.values(v));

/** Cosine similarity; 0 when either vector is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}

/**
 * The mean of `count` vectors after adding (`sign` 1) or removing (`sign` -1) one of them,
 * from their mean before. Terms that fall to nothing are dropped, then all but the heaviest
 * MAX_CENTROID_TERMS.
 */
export function shiftMean(mean: TermVector, count: number, vector: TermVector, sign: 1 | -1): TermVector {
  const after = count + sign;
  if (after <= 0) return {};
  const sums = new Map(Object.entries(mean).map(([term, w]) => [term, w * count]));
  for (const [term, w] of Object.entries(vector)) sums.set(term, (sums.get(term) ?? 0) + sign * w);
  const kept = [...sums]
    .map(([term, sum]) => [term, sum / after] as const)
    .filter(([, w]) => w > 1e-9)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_CENTROID_TERMS);
  return Object.fromEntries(kept);
}
