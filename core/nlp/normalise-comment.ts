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
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

export function normaliseComment(raw: string): NormalisedComment {
  let text = raw.normalize('NFC');
  const counts = { urls: 0, mentions: 0, emails: 0 };
  text = text.replace(EMAIL_PATTERN, () => (counts.emails++, ` ${MASK.email} `));
  text = text.replace(URL_PATTERN, () => (counts.urls++, ` ${MASK.url} `));
  text = text.replace(MENTION_PATTERN, () => (counts.mentions++, ` ${MASK.user} `));
  const letters = count(text, LETTER);
  const signals: CommentSignals = {
    questionMark: text.includes('?') || text.includes('？'),
    exclamations: count(text, /!/g),
    urls: counts.urls + counts.emails,
    mentions: counts.mentions,
    emoji: 0,
    letters,
    elongated: IS_ELONGATED.test(text),
    shouting: letters >= 4 && count(text, UPPER) >= 0.7 * letters,
    polishLetters: hasPolishLetters(text),
    nonLatinScript: letters > 0 && count(text, LATIN_LETTER) < 0.5 * letters,
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
  text = text.replace(EMOJI_PATTERN, (e) => (signals.emoji++, placeholder(baseEmoji(e), emojiGroup(e))));
  text = text.replace(EMOTICON_PATTERN, (e) => (signals.emoji++, placeholder(e.replace(/-/g, ''), emoticonGroup(e))));
  // Digits become 0: "rozmiar 44" and "rozmiar 38" share features, the length still shows.
  text = text.replace(/\p{Nd}/gu, '0').replace(/n['’]t\b/g, ' not').replace(/['’`]/g, '').replace(ELONGATION, '$1$1');

  text.split('\u0001').forEach((part, i) => {
    // Split on the placeholder marks, odd parts are symbol numbers.
    if (i % 2 === 1) {
      const symbol = symbols[part.charCodeAt(0) - SYMBOL_BASE];
      if (symbol !== undefined) tokens.push(symbol);
      return;
    }
    for (const match of part.matchAll(TOKEN_PATTERN)) {
      const token = match[0];
      // "!!!" and "??" are one mark each: their count is a signal, not a token stream.
      if ((token === '!' || token === '?') && tokens[tokens.length - 1] === token) continue;
      tokens.push(token);
    }
  });
  return { tokens, charText: charTextOf(text), emojiGroups, signals };
}

function charTextOf(text: string): string {
  return text
    .replace(/\u0001.\u0001|<url>|<user>|<email>/gu, ' ')
    .replace(LONG_RUN, '$1$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
