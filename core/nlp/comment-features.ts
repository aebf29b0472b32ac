import type { CommentLang } from './comment-classification';
import { NAMESPACE, combineHashes, finalise, hashStep, hashString } from './feature-hashing';
import { markNegation } from './negation-scope';
import type { NormalisedComment } from './normalise-comment';

/**
 * Sparse features of one comment, as 32-bit hashes with values; each model masks the hashes
 * to its own number of columns. Three groups, each scaled to the same L2 norm whatever the
 * comment's length, so a 2-word comment and a 300-word review weigh their words and their
 * character n-grams alike:
 * - words: unigrams (negation-marked), bigrams, and the opening word and pair (questions
 *   announce themselves there: "czy", "jaki", "does it", "is this");
 * - chars: 2–5-grams of the folded text across word boundaries, which catch inflection
 *   ("rozmiaru", "rozmiarze") and typos that whole words miss;
 * - signals: emoji groups, '?', '!', links, @handles, shouting, repetition, length bucket,
 *   and (added after detection) the language.
 */
export interface FeatureVector {
  hashes: Uint32Array;
  values: Float32Array;
  length: number;
}

export const FEATURE_GROUPS = ['words', 'chars', 'signals'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export interface FeatureOptions {
  groupWeights: Record<FeatureGroup, number>;
  minCharGram: number;
  maxCharGram: number;
  /**
   * Long reviews: only this many leading characters give character n-grams (words come from all
   * of it, and the review heads read every sentence). 600 instead of 2000 made a PolEmo review
   * (~785 characters) 21 % cheaper to classify at the same accuracy (85.8 % both, bench:nlp).
   */
  maxChars: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  groupWeights: { words: 1, chars: 1.5, signals: 0.5 },
  minCharGram: 2,
  maxCharGram: 5,
  maxChars: 600,
};

/** Reusable output buffers: classification allocates nothing per comment but these. */
export class FeatureBuffer {
  hashes = new Uint32Array(1024);
  values = new Float32Array(1024);
  length = 0;

  push(hash: number, value: number): void {
    if (this.length === this.hashes.length) this.grow(this.length + 1);
    this.hashes[this.length] = hash;
    this.values[this.length] = value;
    this.length++;
  }

  /** Scales the values from `start` so the group has L2 norm `weight`. */
  normaliseFrom(start: number, weight: number): void {
    const n = this.length - start;
    if (n === 0) return;
    const value = weight / Math.sqrt(n);
    this.values.fill(value, start, this.length);
  }

  /** An independent copy, for training sets that keep every comment's features. */
  snapshot(): FeatureVector {
    return { hashes: this.hashes.slice(0, this.length), values: this.values.slice(0, this.length), length: this.length };
  }

  /** Room for `count` more features, so a loop can write the arrays directly. */
  reserve(count: number): void {
    if (this.length + count > this.hashes.length) this.grow(this.length + count);
  }

  private grow(needed: number): void {
    let size = this.hashes.length * 2;
    while (size < needed) size *= 2;
    const hashes = new Uint32Array(size);
    hashes.set(this.hashes);
    const values = new Float32Array(size);
    values.set(this.values);
    this.hashes = hashes;
    this.values = values;
  }
}

/**
 * Local names for the hash steps of the inner loop: an imported binding is read through the
 * module object on every call once compiled to CommonJS (tsx, jest), and that read cost as
 * much as the hashing itself.
 */
const step = hashStep;
const mix = finalise;
const hash = hashString;
const combine = combineHashes;

export function extractFeatures(comment: NormalisedComment, out: FeatureBuffer, options = DEFAULT_FEATURE_OPTIONS): void {
  out.length = 0;
  addWordFeatures(comment.tokens, out);
  out.normaliseFrom(0, options.groupWeights.words);
  const charsStart = out.length;
  addCharFeatures(comment.charText, out, options);
  out.normaliseFrom(charsStart, options.groupWeights.chars);
  const signalsStart = out.length;
  addSignalFeatures(comment, out);
  out.normaliseFrom(signalsStart, options.groupWeights.signals);
}

/** The language is known only after detection; it is one more feature for the other heads. */
export function addLanguageFeature(lang: CommentLang, out: FeatureBuffer): void {
  out.push(languageHash(lang), 1);
}

export const languageHash = (lang: CommentLang): number => finalise(hashString(`lang=${lang}`, NAMESPACE.signal));

function addWordFeatures(tokens: readonly string[], out: FeatureBuffer): void {
  const marked = markNegation(tokens);
  let previous = hash('<s>', NAMESPACE.bigram);
  for (const token of marked) out.push(mix(hash(token, NAMESPACE.word)), 1);
  for (const token of tokens) {
    const current = hash(token, NAMESPACE.bigram);
    out.push(mix(combine(previous, current)), 1);
    previous = current;
  }
  const [first, second] = tokens;
  if (first !== undefined) {
    out.push(mix(hash(first, NAMESPACE.opening)), 1);
    if (second !== undefined) out.push(mix(hash(`${first} ${second}`, NAMESPACE.opening)), 1);
  }
}

/**
 * All n-grams starting at each position share one rolling hash: no substrings are built. The
 * text's code units are copied to an array first: reading them from a concatenated string
 * cost several times the hashing.
 */
function addCharFeatures(text: string, out: FeatureBuffer, options: FeatureOptions): void {
  const body = text.length > options.maxChars ? text.slice(0, options.maxChars) : text;
  const n = body.length + 2;
  const codes = codeUnits(n);
  codes[0] = 32;
  for (let i = 0; i < body.length; i++) codes[i + 1] = body.charCodeAt(i);
  codes[n - 1] = 32;
  const { minCharGram, maxCharGram } = options;
  out.reserve(n * Math.max(0, maxCharGram - minCharGram + 1));
  const { hashes, values } = out;
  let at = out.length;
  for (let i = 0; i < n; i++) {
    let h: number = NAMESPACE.char;
    const end = Math.min(n, i + maxCharGram);
    for (let j = i; j < end; j++) {
      h = step(h, codes[j] as number);
      if (j - i + 1 >= minCharGram) {
        hashes[at] = mix(h);
        values[at++] = 1;
      }
    }
  }
  out.length = at;
}

let codeBuffer = new Uint16Array(4096);
const codeUnits = (n: number): Uint16Array => (codeBuffer.length >= n ? codeBuffer : (codeBuffer = new Uint16Array(n * 2)));

const LENGTH_BUCKETS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

function addSignalFeatures(comment: NormalisedComment, out: FeatureBuffer): void {
  const signal = (name: string): void => out.push(signalHash(name), 1);
  const { signals, tokens } = comment;
  for (const group of comment.emojiGroups) signal(`emoji:${group}`);
  let words = 0;
  for (const token of tokens) if (hasLetter(token)) words++;
  signal(`words<=${LENGTH_BUCKETS.find((b) => words <= b) ?? 'many'}`);
  if (signals.questionMark) signal('?');
  if (tokens[tokens.length - 1] === '?') signal('ends?');
  if (signals.exclamations > 0) signal(signals.exclamations > 2 ? '!!!' : '!');
  if (signals.urls > 0) signal('url');
  if (signals.mentions > 0) signal('user');
  if (signals.emoji > 0 && words === 0) signal('emoji-only');
  if (signals.letters === 0) signal('no-letters');
  if (signals.shouting) signal('shouting');
  if (signals.elongated) signal('elongated');
  if (isRepetitive(tokens)) signal('repetitive');
}

/** Signal names are a few dozen strings: each is hashed once. */
const signalHashes = new Map<string, number>();
function signalHash(name: string): number {
  let known = signalHashes.get(name);
  if (known === undefined) signalHashes.set(name, (known = finalise(hashString(name, NAMESPACE.signal))));
  return known;
}

/** /\p{L}/u.test(token), answered without the pattern when an ASCII letter comes before any other character. */
function hasLetter(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i) | 0x20;
    if (code >= 97 && code <= 122) return true;
    if (token.charCodeAt(i) >= 128) return /\p{L}/u.test(token);
  }
  return false;
}

/** "follow follow follow follow", "tanio tanio tanio!!!": spam repeats itself. */
function isRepetitive(tokens: readonly string[]): boolean {
  if (tokens.length < 4) return false;
  return new Set(tokens).size <= tokens.length / 2;
}
