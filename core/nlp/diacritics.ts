/**
 * Polish typed on a phone or an English keyboard often loses its diacritics ("zamowienie",
 * "rozmiar za maly"), so every feature is computed on folded text: "ł" has no Unicode
 * decomposition and needs its own entry; the rest (and other Latin accents) fall to NFD.
 */
const SPECIAL_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss' };
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPECIAL = /[łŁđĐøØß]/g;
const NOT_ASCII = /[^\x00-\x7f]/;
const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

/** "Zażółć gęślą jaźń" → "Zazolc gesla jazn". Leaves non-Latin scripts untouched. */
export function foldDiacritics(text: string): string {
  // ASCII has nothing to fold (most comments, and every text folded once already).
  if (!NOT_ASCII.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL, (c) => SPECIAL_FOLDS[c] ?? c);
}

export const hasPolishLetters = (text: string): boolean => POLISH_LETTERS.test(text);
