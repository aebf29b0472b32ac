import { randomInt } from 'node:crypto';

/** Upper-case letters and digits without those read as one another (0/O, 1/I): 32 symbols, 5 bits each. */
const UNAMBIGUOUS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 4 symbols: about a million codes per handle, so a clash (then retried) is rare. */
const SUFFIX_LENGTH = 4;
/** Long enough to recognise the creator, short enough to type at a checkout. */
const MAX_PREFIX_LENGTH = 12;
/** For a handle with no Latin letters or digits to borrow (e.g. `ナナ`). */
const FALLBACK_PREFIX = 'CODE';

/**
 * A readable code for a creator: their handle's letters and digits in upper case, then random
 * unambiguous characters (`ola` → `OLA-7K2Q`). Accents are dropped (`łucja.ż` → `LUCJAZ`) so
 * that the code stays within what codeTextSchema accepts.
 */
export function generatedCode(handle: string): string {
  return `${handlePrefix(handle)}-${randomSuffix()}`;
}

function handlePrefix(handle: string): string {
  const latin = handle
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, MAX_PREFIX_LENGTH);
  return latin.length > 0 ? latin : FALLBACK_PREFIX;
}

const randomSuffix = (): string => Array.from({ length: SUFFIX_LENGTH }, () => UNAMBIGUOUS[randomInt(UNAMBIGUOUS.length)]).join('');
