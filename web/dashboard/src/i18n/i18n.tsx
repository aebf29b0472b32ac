import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './messages-en';
import { pl } from './messages-pl';

/**
 * A tiny dictionary per language instead of an i18n library: two languages and a few hundred
 * strings. Dates, numbers and country names come from the browser's Intl, which already
 * speaks both languages.
 */
export const LANGS = ['en', 'pl'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, pl };
const STORAGE_KEY = 'ugc-dashboard.lang';

/** The person's earlier choice, else their browser's first language we speak, else English. */
export function initialLang(): Lang {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  const preferred = (navigator.languages?.length ? navigator.languages : [navigator.language]).map((l) => l.slice(0, 2).toLowerCase());
  return preferred.find(isLang) ?? 'en';
}

const isLang = (value: string | null | undefined): value is Lang => (LANGS as readonly string[]).includes(value ?? '');

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The message, with `{name}` placeholders filled in. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** The label of a code in a group (`channel.paid_social`), or the code itself when there is none. */
  label(group: string, code: string): string;
  date(iso: string): string;
  /** Day and month only ("10 Jun"), for chart axes. */
  shortDate(iso: string): string;
  dateTime(iso: string): string;
  number(n: number): string;
  /** "in 12 days", "tomorrow", "3 days ago" (Polish plurals included, from Intl). */
  inDays(days: number): string;
  /** A country's name from its ISO code, in the UI language. */
  country(code: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The browser's own variant of the UI language (en-GB writes 10 Jun 2027, en-US Jun 10, 2027), else the language itself. */
function formatLocale(lang: Lang): string {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.find((l) => l.toLowerCase().startsWith(lang)) ?? lang;
}

function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const messages = DICTIONARIES[lang];
  const locale = formatLocale(lang);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const shortDates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(locale);
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const t = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  return {
    lang,
    setLang,
    t,
    label: (group, code) => {
      const key = `${group}.${code}`;
      return key in messages ? messages[key as MessageKey] : code;
    },
    date: (iso) => dates.format(new Date(iso)),
    shortDate: (iso) => shortDates.format(new Date(iso)),
    dateTime: (iso) => dateTimes.format(new Date(iso)),
    number: (n) => numbers.format(n),
    inDays: (days) => relative.format(days, 'day'),
    country: (code) => (code === 'WW' ? messages['territory.worldwide'] : safeRegion(regions, code)),
  };
}

function safeRegion(regions: Intl.DisplayNames, code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
