/**
 * Stored free text as it is handed to pages we do not control (the public gallery the widget
 * draws on shop pages: creator handles, disclosure labels, FAQ questions and answers).
 * Characters that change the direction of the text around them are removed, so stored text
 * cannot reverse or reorder what the page shows next to it ("Trojan Source"), whatever was
 * stored before input was checked (core/text/visible-text.ts checks new input). Line breaks,
 * ordinary spacing and the zero-width joiners emoji and Persian need stay; NUL and the other
 * C0/C1 controls, which draw nothing, go.
 */

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks
 * (U+200E, U+200F, U+061C), the byte-order mark, and controls other than tab, line feed and
 * carriage return.
 */
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** `text` without the characters that hide or reorder what is displayed. */
export const displayText = (text: string): string => text.replace(HIDDEN, '');

/** displayText for nullable fields. */
export const displayTextOrNull = (text: string | null): string | null => (text === null ? null : displayText(text));
