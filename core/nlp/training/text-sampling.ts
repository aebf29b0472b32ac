import { seededRandom, shuffleInPlace } from '../seeded-random';

/** Up to `n` items, a seeded random choice kept in their original order (deterministic). */
export function sampleOf<T>(items: readonly T[], n: number, seed: number): T[] {
  if (items.length <= n) return [...items];
  const chosen = shuffleInPlace(
    items.map((_, i) => i),
    seededRandom(seed),
  ).slice(0, n);
  return chosen.sort((a, b) => a - b).map((i) => items[i] as T);
}

export { splitSentences } from '../review-segments';

/** "Does it fit?" → "Does it fit": the question heads must not lean on the mark alone. */
export const withoutQuestionMarks = (text: string): string => text.replace(/\s*[?？]+/gu, '').trim();

/** "It broke." → "It broke": comments often end without any mark, statements included. */
export const withoutFinalMarks = (text: string): string => text.replace(/[\s.!?？…]+$/u, '').trim();

/** A text's identity for de-duplication across folds: case, spacing and "?" do not count. */
export const textKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[?？\s]+/gu, ' ')
    .trim();
