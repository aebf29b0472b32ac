import { seededRandom, shuffleInPlace } from '../seeded-random';

/** Up to `n` items, a seeded random choice kept in their original order (deterministic). */
export function sampleOf<T>(items: readonly T[], n: number, seed: number): T[] {
  if (items.length <= n) return [...items];
  const chosen = shuffleInPlace(items.map((_, i) => i), seededRandom(seed)).slice(0, n);
  return chosen.sort((a, b) => a - b).map((i) => items[i] as T);
}

/** Review text into sentences: corpus rows are often several sentences, comments usually one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

/** "Does it fit?" → "Does it fit": the question heads must not lean on the mark alone. */
export const withoutQuestionMarks = (text: string): string => text.replace(/\s*[?？]+/gu, '').trim();

/** "It broke." → "It broke": comments often end without any mark, statements included. */
export const withoutFinalMarks = (text: string): string => text.replace(/[\s.!?？…]+$/u, '').trim();
