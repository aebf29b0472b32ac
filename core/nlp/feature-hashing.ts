/**
 * The hashing trick (Weinberger et al. 2009): every feature string is hashed straight to a
 * column, so there is no vocabulary to build, store or look up, and a model is a flat weight
 * array. FNV-1a over UTF-16 code units, then murmur3's finaliser so the low bits used as the
 * column are well mixed. Pure integer arithmetic: identical on every machine.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A 32-bit hash of `text` in the namespace `seed` (one namespace per feature kind). */
export function hashString(text: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** One FNV-1a step: extend a running hash by one code unit (character n-grams roll this). */
export const hashStep = (h: number, code: number): number => Math.imul(h ^ code, FNV_PRIME);

/** Two hashes into one, order-sensitive (bigrams). */
export const combineHashes = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;

/** murmur3 fmix32: spreads every input bit over the output, so `& mask` picks a fair column. */
export function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Namespaces, so "?" the token and "?" the signal never share a column by construction. */
export const NAMESPACE = {
  word: 0x1001,
  bigram: 0x2002,
  opening: 0x3003,
  char: 0x4004,
  signal: 0x5005,
} as const;
