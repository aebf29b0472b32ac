import { en } from '../../web/dashboard/src/i18n/messages-en';
import { pl } from '../../web/dashboard/src/i18n/messages-pl';
import type { Words } from '../../web/dashboard/src/i18n/reason-sentence';

/**
 * The dashboard's words without React (no DOM): `t` looks a key up and fills its `{name}`s the
 * way i18n.tsx does, so unit tests see the very sentences people read.
 */
export const UI_LANGS = ['en', 'pl'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const DICTIONARIES: Record<UiLang, Record<string, string>> = { en, pl };

export function tFor(lang: UiLang): Words['t'] {
  const messages = DICTIONARIES[lang];
  return (key, vars = {}) => messages[key]!.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The API's raw wording a person must never read: a validator's English, a snake_case code, an id, a placeholder left unfilled. */
export const RAW_WORDING = [
  /\b[a-z]+_[a-z_]+\b/, // a code: invalid_ends_at, too_small
  /[{}]/, // a placeholder not filled in
  /expected|received|undefined|invalid input|too small|too big|must be after|startsAt|endsAt|assetIds|creatorId/i,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, // a UUID
];

/** A sentence in words: long enough to say something, and none of RAW_WORDING. */
export function expectSentence(text: string | undefined): void {
  expect(text).toBeDefined();
  expect(text!.trim().length).toBeGreaterThan(10);
  for (const raw of RAW_WORDING) expect(text).not.toMatch(raw);
}
