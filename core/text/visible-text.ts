import { z } from 'zod';

/**
 * Free text that people see (a label burned into a video, a campaign or category name in a
 * table) must be visible: made of characters that draw something, with no control characters,
 * no bidirectional overrides that reorder what is shown (the "Trojan Source" trick), and no
 * invisible characters standing in for text. `"\u200b"` is not a label.
 */

/** Blank letters and symbols: assigned as letters or symbols, yet they draw nothing. */
const BLANK_GRAPHICS = '\u115f\u1160\u3164\uffa0\u2800\u034f';
/** Cf characters that legitimately join emoji (ZWJ) or spell subdivision flags (tag characters). */
const EMOJI_FORMAT = /[\u200d\u{e0020}-\u{e007f}]/u;

/** The blank graphics, removed before asking whether a character draws something. */
const BLANKS = new RegExp([...BLANK_GRAPHICS].join('|'), 'gu');
/** A character that draws something on its own: a letter, digit, punctuation mark or symbol (a combining mark alone does not). */
const DRAWN = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Characters refused anywhere in visible text: controls, line breaks, bidi and other format characters (but emoji joiners), private use, unassigned, lone surrogates. */
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;
/** Multi-line text (reasons) may also hold line feeds and tabs; never other controls. */
const MULTILINE_ALLOWED = /[\n\t\r]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How many user-perceived characters draw something (a letter, digit, punctuation mark or symbol). */
export function visibleLength(text: string): number {
  let count = 0;
  for (const { segment } of graphemes.segment(text)) if (DRAWN.test(segment.replace(BLANKS, ''))) count++;
  return count;
}

export interface VisibleTextRule {
  /** Visible characters required (after whitespace, invisible and format characters are removed). */
  minVisible: number;
  /** Allow line feeds and tabs (never other controls). */
  multiline?: boolean;
}

/** What is wrong with `text` as visible text, in words for an error message; null when nothing. */
export function visibleTextProblem(text: string, rule: VisibleTextRule): string | null {
  const bad = [...text].find((ch) => FORBIDDEN.test(ch) && !(rule.multiline && MULTILINE_ALLOWED.test(ch)) && !EMOJI_FORMAT.test(ch));
  if (bad !== undefined) {
    const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `contains U+${code}: ${rule.multiline ? '' : 'one line of '}visible text only, without control, bidirectional or invisible formatting characters`;
  }
  if (visibleLength(text) < rule.minVisible) {
    return rule.minVisible === 1
      ? 'must contain visible text, not only spaces or invisible characters'
      : `must contain at least ${rule.minVisible} visible characters, not only spaces or invisible characters`;
  }
  return null;
}

/** A zod string of visible text, trimmed, at most `maxChars` long; problems are reported on the field. */
export function visibleTextSchema(maxChars: number, rule: VisibleTextRule = { minVisible: 1 }) {
  return z
    .string()
    .trim()
    .max(maxChars)
    .superRefine((text, ctx) => {
      const problem = visibleTextProblem(text, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
