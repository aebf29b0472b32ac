/**
 * A long text (a review, a long comment) as the Polish review model reads it: its sentences,
 * its opening and its closing. Reviews mix praise and complaint, and where each sits says a
 * lot: the verdict tends to come last ("Polecam!", "Nie polecam"), and an ambivalent review
 * has both a clearly positive and a clearly negative sentence. A bag of words over the whole
 * text sees neither.
 */
export interface ReviewSegments {
  /** At most MAX_REVIEW_SENTENCES, the first ones. */
  sentences: string[];
  /** The first two sentences. */
  opening: string;
  /** The last three sentences. */
  closing: string;
}

/** Below this a text is a comment, read as a whole (tweets and comments are mostly one or two sentences). */
export const MIN_REVIEW_SENTENCES = 3;
/** Bounds the cost of a very long text: each sentence is scored on its own. */
export const MAX_REVIEW_SENTENCES = 40;

/** Text into sentences: corpus rows are often several sentences, comments usually one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

/** The segments of a text of at least MIN_REVIEW_SENTENCES sentences; undefined for a shorter one. */
export function reviewSegments(text: string): ReviewSegments | undefined {
  const sentences = splitSentences(text);
  if (sentences.length < MIN_REVIEW_SENTENCES) return undefined;
  return {
    sentences: sentences.slice(0, MAX_REVIEW_SENTENCES),
    opening: sentences.slice(0, 2).join(' '),
    closing: sentences.slice(-3).join(' '),
  };
}
