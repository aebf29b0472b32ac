/**
 * The words of a question that say what it is about, as weighted terms, the same for Polish and
 * English and for Polish typed without diacritics: lower case, diacritics folded (ł → l), stop
 * words of both languages dropped, each word stemmed (Porter, then cut to six letters, which
 * also catches Polish endings: rozmiar, rozmiaru, rozmiarze → rozmia), and a few cross-language
 * concepts added, so that "jaki rozmiar wybrać" and "what size should I get" share a term.
 * Weights are sublinear term counts, concepts counted double; vectors are L2-normalised.
 */

// The package index also loads natural's storage backends, which print to stdout when required:
// take the three parts used straight from their files.
const { words: ENGLISH_STOPWORDS } = require('natural/lib/natural/util/stopwords') as { words: string[] };
const { words: POLISH_STOPWORDS } = require('natural/lib/natural/util/stopwords_pl') as { words: string[] };
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };

export type TermVector = Record<string, number>;

const STEM_LENGTH = 6;
const CONCEPT_WEIGHT = 2;

/** Question words and fillers that every question has: they say nothing about which question it is. */
const FILLERS = [
  'czy',
  'jak',
  'jaki',
  'jaka',
  'jakie',
  'jakiej',
  'ktory',
  'ktora',
  'ktore',
  'gdzie',
  'kiedy',
  'moze',
  'mozna',
  'prosze',
  'pytanie',
  'hej',
  'hi',
  'hello',
  'please',
  'question',
  'anyone',
  'does',
  'do',
  'get',
  'would',
  'could',
  'should',
  'will',
  'can',
  'know',
  'tell',
  'wiecie',
  'wie',
  'ktos',
  'dzieki',
  'thanks',
];

const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

const STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH_STOPWORDS, ...POLISH_STOPWORDS, ...FILLERS].map(fold));

/**
 * Stems (after folding and stemming) that name the same concern in either language: a word is
 * the concept when its stem starts with one of these of five letters or more, or is one of the
 * shorter ones (the sizes S, M, L; `prac` for prać but not pracować). A small hand list for what shoppers ask about
 * most; the rest of the vocabulary still works within one language.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  size: [
    'rozmia',
    'size',
    'sizing',
    'fit',
    'pasowa',
    'pasuj',
    'wzrost',
    'height',
    'tall',
    'cm',
    'xs',
    's',
    'm',
    'l',
    'xl',
    'xxl',
    'xxxl',
    'duzy',
    'mala',
    'maly',
    'small',
    'larg',
    'big',
  ],
  shipping: ['wysyl', 'wysylk', 'wysyla', 'ship', 'shipme', 'deliv', 'deliveri', 'dostaw', 'kurier', 'courier', 'paczk', 'parcel', 'send', 'wysle', 'przesyl'],
  price: ['cena', 'ceny', 'ceni', 'kosztu', 'koszt', 'price', 'cost', 'tanio', 'cheap', 'drogo', 'expens', 'rabat', 'discou', 'promoc', 'sale'],
  returns: ['zwrot', 'zwroci', 'return', 'refund', 'wymian', 'wymien', 'exchan'],
  material: ['materi', 'fabric', 'cotton', 'baweln', 'sklad', 'wool', 'welna', 'poliest', 'polyes', 'skora', 'leather'],
  washing: ['prani', 'prac', 'temper', 'wash', 'shrink', 'kurcz', 'skurcz', 'pralce', 'pralk'],
  availability: ['dostep', 'availa', 'stock', 'restoc', 'magazy', 'wyprzed', 'sold'],
  colour: ['kolor', 'color', 'colour', 'barwa', 'odcien', 'shade'],
};

const CONCEPT_BY_STEM: ReadonlyMap<string, string> = new Map(
  Object.entries(CONCEPTS).flatMap(([concept, stems]) => stems.map((stem) => [stem, `#${concept}`] as const)),
);
const MIN_PREFIX = 5;

/** The concept of a stemmed word: its longest prefix in the list, or the whole of a short one. */
function conceptOf(stemmed: string): string | undefined {
  const whole = CONCEPT_BY_STEM.get(stemmed);
  if (whole) return whole;
  for (let n = stemmed.length - 1; n >= MIN_PREFIX; n--) {
    const concept = CONCEPT_BY_STEM.get(stemmed.slice(0, n));
    if (concept) return concept;
  }
  return undefined;
}

/** Lower-case ASCII words, with single letters kept only when they are clothing sizes. */
function words(text: string): string[] {
  return (fold(text).match(/[a-z0-9]+/g) ?? []).filter((w) => (w.length > 1 || 'sml'.includes(w)) && !/^\d+$/.test(w));
}

const stem = (word: string): string => PorterStemmer.stem(word).slice(0, STEM_LENGTH);

/** Examples are re-ranked on every join: their vectors are kept rather than recomputed (a bounded cache). */
const cache = new Map<string, TermVector>();
const CACHE_SIZE = 20_000;

/** The question's terms with their weights, L2-normalised; empty when nothing meaningful is left. Do not mutate the result. */
export function questionTerms(text: string): TermVector {
  let terms = cache.get(text);
  if (!terms) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, (terms = computeTerms(text)));
  }
  return terms;
}

function computeTerms(text: string): TermVector {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (const word of words(text)) {
    const stemmed = stem(word);
    const concept = conceptOf(stemmed);
    if (STOPWORDS.has(word) && !concept) continue;
    if (concept) add(concept, CONCEPT_WEIGHT);
    if (!STOPWORDS.has(word)) add(stemmed, 1);
  }
  const weighted = [...counts].map(([term, n]) => [term, 1 + Math.log(n)] as const);
  const norm = Math.hypot(...weighted.map(([, w]) => w));
  return norm === 0 ? {} : Object.fromEntries(weighted.map(([term, w]) => [term, w / norm]));
}
