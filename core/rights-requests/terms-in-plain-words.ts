import { unprocessable } from '../errors/domain-error';
import { WORLDWIDE } from '../licensing/territories';
import { displayText } from '../text/display-text';
import { CHANNELS, type Channel } from '../vocabulary/channels';

/**
 * The proposed terms of a rights request in plain words, Polish or English: what the creator
 * reads before accepting. `text` is hashed and stored as evidence of what was shown, so the
 * same input always gives the same text: nothing here reads the clock unless `now` is passed.
 */

export type RequestLanguage = 'pl' | 'en';

export interface ProposedTerms {
  territories: string[];
  excludedTerritories: string[];
  channels: Channel[];
  startsAt: Date;
  endsAt: Date | null;
  derivativesAllowed: boolean;
  disclosureRequired: boolean;
  disclosureLabel: string | null;
  attributionRequired: boolean;
  exclusivity: { scope: 'none' | 'category' | 'all'; category?: string; until?: string } | null;
  fee: { amount: string; currency: string } | null;
}

export interface PlainWordsInput {
  language: RequestLanguage;
  brand: string;
  creatorHandle: string;
  assets: { kind: 'image' | 'video' }[] | 'future_posts';
  terms: ProposedTerms;
  timeZone: string;
}

export interface PlainWords {
  title: string;
  sentences: string[];
  /** Title and sentences, one per line: the exact text that is hashed as evidence. */
  text: string;
}

/**
 * Each channel as people say it, with the preposition that lets it follow "may be used" /
 * "może wykorzystywać" (Polish needs the locative or "jako"). A Record, so a new channel does
 * not compile until it has words in both languages. No phrase contains "and"/"i" or a comma:
 * the phrases are themselves joined into a list.
 */
export const CHANNEL_PHRASES: Record<Channel, Record<RequestLanguage, string>> = {
  paid_social: { en: 'in paid ads on social media', pl: 'w płatnych reklamach w mediach społecznościowych' },
  paid_search: { en: 'in paid ads in search engines', pl: 'w płatnych reklamach w wyszukiwarkach' },
  paid_display: { en: 'in paid banner ads on websites', pl: 'w płatnych reklamach graficznych na stronach internetowych' },
  paid_video: { en: 'in paid video ads online', pl: 'w płatnych reklamach wideo w internecie' },
  whitelisting: { en: 'as whitelisted ads from your account', pl: 'jako reklamy emitowane z Twojego konta (whitelisting)' },
  ooh: { en: 'in outdoor advertising (e.g. billboards)', pl: 'w reklamie zewnętrznej (np. na billboardach)' },
  organic_social: { en: "in the brand's own social media posts", pl: 'we własnych postach marki w mediach społecznościowych' },
  product_page: { en: "on the brand's product pages", pl: 'na stronach produktów marki' },
  email: { en: 'in e-mail newsletters', pl: 'w newsletterach e-mailowych' },
  pos: { en: 'on in-store displays at the point of sale', pl: 'w materiałach w punktach sprzedaży' },
};

/** British English: dates read "31 March 2027" and lists have no serial comma ("cut, crop and caption"). */
const LOCALES: Record<RequestLanguage, string> = { pl: 'pl', en: 'en-GB' };

type AssetKind = 'image' | 'video';

/** What the request covers: counts by kind (videos first, as people list them), or the creator's future posts. */
interface Content {
  futurePosts: boolean;
  counts: [AssetKind, number][];
  /** The kind of the one asset when exactly one is asked for: it decides "it" / "go" / "je". */
  single: AssetKind | null;
}

/** What a language's phrasebook needs to say each term, already formatted for that language. */
interface Facts {
  brand: string;
  handle: string;
  content: Content;
  channels: string;
  place: Place;
  period: { from: string | null; until: string | null };
  derivativesAllowed: boolean;
  disclosure: { required: boolean; label: string | null };
  attributionRequired: boolean;
  exclusivity: { scope: 'none' | 'category' | 'all'; category: string | null; until: string | null };
  fee: string | null;
}

/** Country names in the page's language: the granted ones (or worldwide) and the excluded ones. */
interface Place {
  worldwide: boolean;
  countries: string[];
  excluded: string[];
}

export function termsInPlainWords(input: PlainWordsInput, now?: Date): PlainWords {
  const facts = factsOf(input, now);
  const book = PHRASEBOOKS[input.language];
  const title = book.title(facts.brand);
  const sentences = [book.use(facts), book.edits(facts), book.disclosure(facts), book.attribution(facts), book.exclusivity(facts), book.fee(facts)];
  return { title, sentences, text: [title, ...sentences].join('\n') };
}

/** Only what may be done with the content, where and until when: the one sentence a creator's own page shows per license. */
export function useInPlainWords(input: PlainWordsInput, now?: Date): string {
  return PHRASEBOOKS[input.language].use(factsOf(input, now));
}

function factsOf(input: PlainWordsInput, now: Date | undefined): Facts {
  const { terms, language, timeZone } = input;
  const locale = LOCALES[language];
  const startsLater = now !== undefined && terms.startsAt.getTime() > now.getTime();
  return {
    brand: oneLine(input.brand),
    handle: `@${oneLine(input.creatorHandle).replace(/^@+/, '')}`,
    content: contentOf(input.assets),
    channels: listIn(
      language,
      CHANNELS.filter((c) => terms.channels.includes(c)).map((c) => CHANNEL_PHRASES[c][language]),
    ),
    place: placeOf(terms, language),
    period: {
      from: startsLater ? formatInstant(terms.startsAt, 'start', locale, timeZone) : null,
      until: terms.endsAt ? formatInstant(terms.endsAt, 'end', locale, timeZone) : null,
    },
    derivativesAllowed: terms.derivativesAllowed,
    disclosure: { required: terms.disclosureRequired, label: terms.disclosureLabel ? oneLine(terms.disclosureLabel) || null : null },
    attributionRequired: terms.attributionRequired,
    exclusivity: exclusivityOf(terms.exclusivity, locale, timeZone),
    fee: terms.fee ? formatFee(terms.fee, locale) : null,
  };
}

/**
 * Stored names and labels as one visible line: characters that reorder or hide text go
 * (displayText), and a line break would split a sentence of the hashed text in two.
 */
const oneLine = (text: string): string => displayText(text).replace(/\s+/g, ' ').trim();

function contentOf(assets: PlainWordsInput['assets']): Content {
  if (assets === 'future_posts') return { futurePosts: true, counts: [], single: null };
  const count = (kind: AssetKind) => assets.filter((a) => a.kind === kind).length;
  const counts = (['video', 'image'] as const).map((kind): [AssetKind, number] => [kind, count(kind)]).filter(([, n]) => n > 0);
  const single = assets.length === 1 && assets[0] ? assets[0].kind : null;
  return { futurePosts: false, counts, single };
}

function placeOf(terms: ProposedTerms, language: RequestLanguage): Place {
  const codes = (list: string[]) => [...new Set(list.map((code) => code.trim().toUpperCase()))];
  const granted = codes(terms.territories);
  const worldwide = granted.includes(WORLDWIDE);
  const name = countryNamer(language);
  return { worldwide, countries: worldwide ? [] : granted.map(name), excluded: codes(terms.excludedTerritories).map(name) };
}

/** English names that read wrong without "the" ("in the United States", "except the Netherlands"). */
const TAKES_THE = /\b(United|Republic|Islands|Kingdom)\b|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$/;

function countryNamer(language: RequestLanguage): (code: string) => string {
  // An unknown code shows as itself rather than vanishing from what the creator agrees to.
  const names = new Intl.DisplayNames([LOCALES[language]], { type: 'region', fallback: 'code' });
  return (code) => {
    const name = names.of(code) ?? code;
    return language === 'en' && TAKES_THE.test(name) ? `the ${name}` : name;
  };
}

/**
 * A date in the page's time zone. A license's end is exclusive, so an end at local midnight
 * is shown as the day before ("until 31 March" for an end at 1 April 00:00): the last day the
 * content may be used. An instant that is not midnight gets its time and zone, so the text
 * never rounds a term the creator agrees to.
 */
function formatInstant(at: Date, edge: 'start' | 'end', locale: string, timeZone: string): string {
  const atMidnight =
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at) === '00:00:00';
  const date = (d: Date) => new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  if (atMidnight && at.getUTCMilliseconds() === 0) return date(edge === 'end' ? new Date(at.getTime() - 1) : at);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(at);
  return `${date(at)}, ${time}`;
}

function exclusivityOf(exclusivity: ProposedTerms['exclusivity'], locale: string, timeZone: string): Facts['exclusivity'] {
  if (!exclusivity) return { scope: 'none', category: null, until: null };
  const until = exclusivity.until ? new Date(exclusivity.until) : null;
  return {
    scope: exclusivity.scope,
    category: exclusivity.category ? oneLine(exclusivity.category) : null,
    // A time that does not parse is shown as given: the creator must see the term, not lose it.
    until: until === null ? null : Number.isNaN(until.getTime()) ? oneLine(exclusivity.until ?? '') : formatInstant(until, 'end', locale, timeZone),
  };
}

const DECIMAL = /^\d+(?:\.(\d+))?$/;

/**
 * The fee from its exact decimal string (Intl formats a numeric string without going through a
 * float). The currency's usual decimals, or more if the amount has more significant ones: a
 * contract never rounds the fee. Grouping always, so "1 500,00 zł" reads as easily as
 * "12 500,00 zł" (Polish leaves four-digit numbers ungrouped by default).
 */
function formatFee(fee: { amount: string; currency: string }, locale: string): string {
  const match = DECIMAL.exec(fee.amount.trim());
  if (!match) throw unprocessable('invalid_fee', `${fee.amount} is not a non-negative decimal like "1500.00"`);
  const significant = (match[1] ?? '').replace(/0+$/, '').length;
  const usual = new Intl.NumberFormat(locale, { style: 'currency', currency: fee.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const digits = Math.max(usual, significant);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: fee.currency,
    useGrouping: 'always',
    minimumFractionDigits: usual,
    maximumFractionDigits: digits,
  });
  return format.format(fee.amount.trim() as `${number}`);
}

/** How one language says each term. Each function returns one sentence. */
interface Phrasebook {
  title(brand: string): string;
  use(f: Facts): string;
  edits(f: Facts): string;
  disclosure(f: Facts): string;
  attribution(f: Facts): string;
  exclusivity(f: Facts): string;
  fee(f: Facts): string;
}

const listIn = (language: RequestLanguage, items: string[]) => new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);

const ENGLISH_NOUNS: Record<AssetKind, { one: string; other: string }> = { video: { one: 'video', other: 'videos' }, image: { one: 'photo', other: 'photos' } };

function englishContent({ futurePosts, counts, single }: Content): string {
  if (futurePosts) return 'your future posts';
  if (single) return `your ${ENGLISH_NOUNS[single].one}`;
  if (counts.length === 0) return 'your content';
  return `your ${listIn(
    'en',
    counts.map(([kind, n]) => `${n} ${n === 1 ? ENGLISH_NOUNS[kind].one : ENGLISH_NOUNS[kind].other}`),
  )}`;
}

function englishPlace({ worldwide, countries, excluded }: Place): string {
  const base = worldwide ? 'worldwide' : countries.length ? `in ${listIn('en', countries)}` : 'in no country';
  return excluded.length ? `${base} except ${listIn('en', excluded)}` : base;
}

function englishPeriod({ from, until }: Facts['period']): string {
  const end = until ? `until ${until}` : 'with no end date';
  return from ? `from ${from}${until ? ' ' : ', '}${end}` : end;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ENGLISH: Phrasebook = {
  title: (brand) => `${brand} asks to use your content`,
  use: (f) => `${capitalised(englishContent(f.content))} may be used ${f.channels || 'in no channel'}, ${englishPlace(f.place)}, ${englishPeriod(f.period)}.`,
  edits: (f) => {
    const them = f.content.single ? 'it' : 'them';
    return f.derivativesAllowed ? `The brand may cut, crop and caption ${them}.` : `The brand may not cut, crop or otherwise edit ${them}.`;
  },
  disclosure: ({ disclosure }) =>
    !disclosure.required ? 'Ads need not be labelled as advertising.' : `Every ad is labelled ${disclosure.label ?? 'as advertising'}.`,
  attribution: (f) => (f.attributionRequired ? `You are credited as ${f.handle}.` : 'The brand need not credit you.'),
  exclusivity: ({ exclusivity: e }) => {
    if (e.scope === 'none') return 'You may also license this content to other brands.';
    const whom = e.scope === 'all' ? 'anyone else' : `other brands in the category “${e.category ?? ''}”`;
    return `You may not license this content to ${whom} ${e.until ? `until ${e.until}` : 'while this agreement lasts'}.`;
  },
  fee: (f) => (f.fee ? `The brand pays you ${f.fee}.` : 'No fee is offered.'),
};

/** Polish count forms by Intl.PluralRules category: 1 film, 2–4 filmy, 5+ filmów (and 22 filmy). */
const POLISH_NOUNS: Record<AssetKind, Record<'one' | 'few' | 'many', string>> = {
  video: { one: 'film', few: 'filmy', many: 'filmów' },
  image: { one: 'zdjęcie', few: 'zdjęcia', many: 'zdjęć' },
};

const polishPlurals = new Intl.PluralRules('pl');

function polishCount(kind: AssetKind, n: number): string {
  const category = polishPlurals.select(n);
  // Whole counts are only ever one, few or many; "other" is for fractions.
  return `${n} ${POLISH_NOUNS[kind][category === 'one' || category === 'few' ? category : 'many']}`;
}

/**
 * The content as the object of "Marka może wykorzystywać" (accusative, which for these nouns
 * is the nominative form). Mixed kinds go in parentheses after "Twoje materiały", so a
 * possessive never has to agree with "1 film" and "2 zdjęcia" at once.
 */
function polishContent({ futurePosts, counts, single }: Content): string {
  if (futurePosts) return 'Twoje przyszłe posty';
  if (single) return single === 'video' ? 'Twój film' : 'Twoje zdjęcie';
  const [only, ...more] = counts;
  if (!only) return 'Twoje materiały';
  if (more.length === 0) return `Twoje ${polishCount(...only)}`;
  return `Twoje materiały (${listIn(
    'pl',
    counts.map(([kind, n]) => polishCount(kind, n)),
  )})`;
}

/**
 * Country names stay in the nominative after a colon ("w krajach: Polska i Niemcy"): Intl
 * gives no locative, and "w Polska" would be wrong.
 */
function polishPlace({ worldwide, countries, excluded }: Place): string {
  const named = (one: string, many: string, names: string[]) => `${names.length === 1 ? one : many}: ${listIn('pl', names)}`;
  const base = worldwide ? 'na całym świecie' : countries.length ? named('w kraju', 'w krajach', countries) : 'w żadnym kraju';
  return excluded.length ? `${base} z wyjątkiem ${named('kraju', 'krajów', excluded)}` : base;
}

function polishPeriod({ from, until }: Facts['period']): string {
  const end = until ? `do ${until}` : 'bez terminu końcowego';
  return from ? `od ${from}${until ? ' ' : ', '}${end}` : end;
}

/** "Them" in Polish: accusative after "może" (go/je), genitive after "nie może" (go/ich). */
function polishPronoun({ single }: Content, negated: boolean): string {
  if (single) return negated || single === 'video' ? 'go' : 'je';
  return negated ? 'ich' : 'je';
}

const POLISH: Phrasebook = {
  title: (brand) => `${brand} prosi o zgodę na użycie Twoich materiałów`,
  use: (f) => `Marka może wykorzystywać ${polishContent(f.content)} ${f.channels || 'w żadnym kanale'}, ${polishPlace(f.place)}, ${polishPeriod(f.period)}.`,
  edits: (f) =>
    f.derivativesAllowed
      ? `Marka może ${polishPronoun(f.content, false)} przycinać, kadrować i opatrywać napisami.`
      : `Marka nie może ${polishPronoun(f.content, true)} przycinać, kadrować ani w inny sposób zmieniać.`,
  disclosure: ({ disclosure }) =>
    !disclosure.required
      ? 'Reklamy nie muszą być oznaczone jako reklama.'
      : disclosure.label
        ? `Każda reklama jest oznaczona napisem ${disclosure.label}.`
        : 'Każda reklama jest oznaczona jako reklama.',
  attribution: (f) => (f.attributionRequired ? `Przy każdym użyciu podawana jest Twoja nazwa: ${f.handle}.` : 'Marka nie musi podawać Twojej nazwy.'),
  exclusivity: ({ exclusivity: e }) => {
    if (e.scope === 'none') return 'Możesz udzielać licencji na te materiały także innym markom.';
    const whom = e.scope === 'all' ? 'nikomu innemu' : `innym markom z kategorii „${e.category ?? ''}”`;
    return `Nie możesz udzielać licencji na te materiały ${whom} ${e.until ? `do ${e.until}` : 'przez cały czas trwania umowy'}.`;
  },
  fee: (f) => (f.fee ? `Marka płaci Ci ${f.fee}.` : 'Marka nie proponuje wynagrodzenia.'),
};

const PHRASEBOOKS: Record<RequestLanguage, Phrasebook> = { en: ENGLISH, pl: POLISH };
