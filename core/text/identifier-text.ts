/**
 * Identifiers people read and compare (creator handles, API key names, comment external ids,
 * campaign names): two that look the same must be the same. `anna`, `anna\u200b`, `\u202eanna`
 * and `ＡＮＮＡ` render alike, so identifiers are NFKC-normalised (full-width and compatibility
 * forms become their plain letters) and refused when they still hold characters that draw
 * nothing or reorder what is drawn.
 */

/**
 * Controls (Cc: NUL, escape, DEL…), format characters (Cf: zero-width space and joiners
 * U+200B–U+200D, direction marks U+200E/F, embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069, the BOM U+FEFF, the soft hyphen), line and paragraph separators (Zl, Zp), and
 * fillers that render as blanks (Hangul U+115F, U+1160, U+3164, U+FFA0; braille blank U+2800).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** True when `text` holds a character no identifier may contain (see INVISIBLE). */
export const hasInvisibleCharacters = (text: string): boolean => INVISIBLE.test(text);

/** The message validation errors give for such an identifier. */
export const INVISIBLE_CHARACTERS_MESSAGE = 'must not contain control, zero-width or text-direction characters';

/** The canonical form of an identifier: NFKC, so look-alike compatibility forms become one. */
export const normalizeIdentifier = (text: string): string => text.normalize('NFKC');

/**
 * A creator handle as platforms compare them: NFKC, case-folded, without the leading `@`.
 * Lower-casing can produce characters NFKC would change again (rarely), so it runs twice.
 */
export const normalizeHandle = (text: string): string => normalizeIdentifier(normalizeIdentifier(text).trim().replace(/^@/, '').toLowerCase());

/**
 * What a handle looks like on screen, for finding stored look-alikes that were saved before
 * handles were normalised: normalised, with the invisible characters dropped.
 */
export const handleSkeleton = (text: string): string => normalizeHandle(text.replace(INVISIBLE_ALL, ''));

/**
 * The invisible characters as a PostgreSQL regular expression class (PostgreSQL knows no
 * \p{Cf}), for computing handleSkeleton in SQL: `lower(normalize(regexp_replace(handle,
 * <this>, '', 'g'), NFKC))`. Covers what stored handles can hold in practice; the JS check on
 * input is the complete one.
 */
export const INVISIBLE_SQL_CLASS =
  '[\u0001-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u115f\u1160\u3164\uffa0\u2800]';
