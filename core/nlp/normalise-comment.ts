import { foldDiacritics, hasPolishLetters } from './diacritics';
import { EMOJI_PATTERN, EMOTICON_PATTERN, baseEmoji, emojiGroup, emoticonGroup, type EmojiGroup } from './emoji-signals';

/**
 * A comment as the models see it. Real comments need more than lower-casing: links and
 * @handles say "spam" or "reply" whatever they point at, so they become mask tokens; emoji
 * stay as tokens; "suuuper!!!" and "super!!" are one word; "zamówienie" and "zamowienie" are
 * one word (everything is diacritic-folded); "don't" is "do not" so negation is one cue.
 */
export interface NormalisedComment {
  /** Words, mask tokens (<url> <user> <email>), emoji and the marks ? ! . in reading order. */
  tokens: string[];
  /** Folded, lower-cased, squeezed text without masks or emoji, for character n-grams. */
  charText: string;
  emojiGroups: EmojiGroup[];
  signals: CommentSignals;
}

export interface CommentSignals {
  questionMark: boolean;
  exclamations: number;
  urls: number;
  mentions: number;
  emoji: number;
  letters: number;
  /** Some letter was repeated three or more times ("suuuper"). */
  elongated: boolean;
  /** Mostly capitals ("BEST EVER"). */
  shouting: boolean;
  polishLetters: boolean;
  /** Letters outside the Latin script dominate (Cyrillic, Greek, CJK, Arabic…). */
  nonLatinScript: boolean;
}

export const MASK = { url: '<url>', user: '<user>', email: '<email>' } as const;

// A link's last character is never sentence punctuation: "see www.x.pl, thanks" keeps its comma.
const URL_PATTERN =
  /(?:https?:\/\/|www\.)(?:\S*[^\s.,;:!?)\]])?|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|pl|ly|net|org|io|me|tv|info|co|uk|de|eu|gl|be|to|gg|link|shop|store|xyz|biz|site|online)\b(?:\/(?:\S*[^\s.,;:!?)\]])?)?/giu;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;
const MENTION_PATTERN = /(?<![\w@])@[\p{L}\p{N}_.]+/gu;
/** Placeholders for lifted-out emoji are private-use characters, which no tokenizer rule matches. */
const SYMBOL_BASE = 0xe000;
const TOKEN_PATTERN = /<url>|<user>|<email>|[\p{L}\p{M}\p{N}]+|[?!.,;:]/gu;
const ELONGATION = /(\p{L})\1{2,}/gu;
const IS_ELONGATED = /(\p{L})\1{2,}/u;
const LONG_RUN = /(.)\1{2,}/gu;
/**
 * Necessary conditions for some patterns, checked first because most comments match none
 * and a plain scan costs far less than the full Unicode pattern (speed only: a text that
 * passes a check still goes through the pattern itself). A link needs "http(s)://", "www."
 * or a listed domain ending, with URL_PATTERN's own flags so case folding agrees.
 */
const MAY_BE_URL = /https?:\/\/|www\.|\.(?:com|pl|ly|net|org|io|me|tv|info|co|uk|de|eu|gl|be|to|gg|link|shop|store|xyz|biz|site|online)\b/iu;
/** Emoji (and flags) are all outside ASCII. */
const NOT_ASCII = /[^\x00-\x7f]/;
/** Every emoticon has one of these marks, or "x" then "d" ("xd", "xxddd"). */
const MAY_BE_EMOTICON = /[:;=<>]|xd/;
/** Anything but ASCII that is not a digit: without it, \p{Nd} cannot match. */
const MAY_HAVE_DIGITS = /[^\x00-\x2f\x3a-\x7f]/;

export function normaliseComment(raw: string): NormalisedComment {
  let text = raw.normalize('NFC');
  const counts = { urls: 0, mentions: 0, emails: 0 };
  if (text.includes('@')) text = text.replace(EMAIL_PATTERN, () => (counts.emails++, ` ${MASK.email} `));
  if (MAY_BE_URL.test(text)) text = text.replace(URL_PATTERN, () => (counts.urls++, ` ${MASK.url} `));
  if (text.includes('@')) text = text.replace(MENTION_PATTERN, () => (counts.mentions++, ` ${MASK.user} `));
  const { letters, upper, latin } = letterCounts(text);
  const signals: CommentSignals = {
    questionMark: text.includes('?') || text.includes('？'),
    exclamations: text.includes('!') ? count(text, /!/g) : 0,
    urls: counts.urls + counts.emails,
    mentions: counts.mentions,
    emoji: 0,
    letters,
    elongated: mayRepeat(text, true) && IS_ELONGATED.test(text),
    shouting: letters >= 4 && upper >= 0.7 * letters,
    polishLetters: hasPolishLetters(text),
    nonLatinScript: letters > 0 && latin < 0.5 * letters,
  };
  text = foldDiacritics(text.toLowerCase());

  const emojiGroups: EmojiGroup[] = [];
  const tokens: string[] = [];
  // Emoji and emoticons are lifted out first so the word tokenizer never sees them; their
  // position is kept by a placeholder so bigrams like "love ❤" still form.
  const symbols: string[] = [];
  const placeholder = (symbol: string, group: EmojiGroup | undefined): string => {
    if (group) emojiGroups.push(group);
    symbols.push(symbol);
    return ` \u0001${String.fromCharCode(SYMBOL_BASE + symbols.length - 1)}\u0001 `;
  };
  if (NOT_ASCII.test(text)) text = text.replace(EMOJI_PATTERN, (e) => (signals.emoji++, placeholder(baseEmoji(e), emojiGroup(e))));
  if (MAY_BE_EMOTICON.test(text)) text = text.replace(EMOTICON_PATTERN, (e) => (signals.emoji++, placeholder(e.replace(/-/g, ''), emoticonGroup(e))));
  // Digits become 0: "rozmiar 44" and "rozmiar 38" share features, the length still shows.
  // In ASCII, \p{Nd} is 0–9, and the plain pattern is faster.
  if (MAY_HAVE_DIGITS.test(text)) text = NOT_ASCII.test(text) ? text.replace(/\p{Nd}/gu, '0') : text.replace(/[0-9]/g, '0');
  if (text.includes("'") || text.includes('’') || text.includes('`')) text = text.replace(/n['’]t\b/g, ' not').replace(/['’`]/g, '');
  if (mayRepeat(text, true)) text = text.replace(ELONGATION, '$1$1');

  // Split on the placeholder marks, odd parts are symbol numbers (most texts have none).
  const parts = text.includes('\u0001') ? text.split('\u0001') : [text];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 1) {
      const symbol = symbols[part.charCodeAt(0) - SYMBOL_BASE];
      if (symbol !== undefined) tokens.push(symbol);
      continue;
    }
    // match, not matchAll: the same matches without a match object for each.
    for (const token of part.match(TOKEN_PATTERN) ?? []) {
      // "!!!" and "??" are one mark each: their count is a signal, not a token stream.
      if ((token === '!' || token === '?') && tokens[tokens.length - 1] === token) continue;
      tokens.push(token);
    }
  }
  return { tokens, charText: charTextOf(text), emojiGroups, signals };
}

function charTextOf(text: string): string {
  if (text.includes('\u0001') || text.includes('<')) text = text.replace(/\u0001.\u0001|<url>|<user>|<email>/gu, ' ');
  if (mayRepeat(text)) text = text.replace(LONG_RUN, '$1$1');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * False when no character occurs three times in a row, so (.)\1{2,} cannot match: one scan
 * of code units. Surrogates (a character outside the BMP is two units) answer true, leaving
 * those texts to the pattern. `lettersOnly`: for (\p{L})\1{2,}, runs of ASCII characters
 * other than letters ("...", "!!!") do not count.
 */
function mayRepeat(text: string, lettersOnly = false): boolean {
  let previous = -1;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (lettersOnly && code < 128 && !((code | 0x20) >= 97 && (code | 0x20) <= 122)) {
      previous = -1;
      continue;
    }
    run = code === previous ? run + 1 : 1;
    if (run >= 3) return true;
    previous = code;
  }
  return false;
}

const LETTER_KIND = { letter: 1, upper: 2, latin: 4 } as const;
/** Kinds of the non-ASCII characters met so far (the same few recur in every comment). */
const letterKinds = new Map<number, number>();

/**
 * The counts of \p{L}, \p{Lu} and \p{Script=Latin} code points (as matchAll over each
 * pattern would give them) in one pass: ASCII by range, anything else by those patterns, once
 * per character. Counting with matchAll built a match object per letter, three times over.
 */
function letterCounts(text: string): { letters: number; upper: number; latin: number } {
  let letters = 0;
  let upper = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) {
        letters++;
        latin++;
      } else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
        latin++;
      }
      continue;
    }
    const point = text.codePointAt(i) as number;
    if (point > 0xffff) i++;
    const kind = letterKind(point);
    if (kind & LETTER_KIND.letter) letters++;
    if (kind & LETTER_KIND.upper) upper++;
    if (kind & LETTER_KIND.latin) latin++;
  }
  return { letters, upper, latin };
}

function letterKind(point: number): number {
  let kind = letterKinds.get(point);
  if (kind === undefined) {
    const char = String.fromCodePoint(point);
    kind =
      (/\p{L}/u.test(char) ? LETTER_KIND.letter : 0) |
      (/\p{Lu}/u.test(char) ? LETTER_KIND.upper : 0) |
      (/\p{Script=Latin}/u.test(char) ? LETTER_KIND.latin : 0);
    letterKinds.set(point, kind);
  }
  return kind;
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
