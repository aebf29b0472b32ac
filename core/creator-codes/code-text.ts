import { z } from 'zod';

/** Letters (A–Z in either case), digits, `-` and `_`: what every checkout accepts and a person can read out. */
const CODE_CHARACTERS = /^[A-Za-z0-9_-]+$/;
export const MIN_CODE_LENGTH = 3;
export const MAX_CODE_LENGTH = 32;

/**
 * A code as a person enters it: trimmed, checked, then upper-cased, the one spelling stored and
 * compared (shoppers type codes in any case). Only ASCII letters pass, checked before upper-casing:
 * `ß` would become `SS` and a Turkish `ı` would become `I`, codes no one typed.
 */
export const codeTextSchema = z
  .string()
  .trim()
  .min(MIN_CODE_LENGTH)
  .max(MAX_CODE_LENGTH)
  .regex(CODE_CHARACTERS, `letters A–Z, digits, - and _ only (${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH} of them)`)
  .transform((code) => code.toUpperCase());
