/**
 * Comments as shoppers write them under creator posts, generated for benchmarks: Polish (with
 * and without diacritics) and English, questions on every topic, praise, complaints, emoji and
 * spam, spread over a few products, platforms and the last twelve weeks. Deterministic for a
 * seed, so runs compare.
 */
export interface GeneratedComment {
  platform: string;
  externalId: string;
  text: string;
  author: string;
  postedAt: string;
  productSku: string;
}

const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'facebook'];
const WEEK_MS = 7 * 24 * 3600_000;

const QUESTIONS = [
  [
    'Jaki rozmiar wybrać przy {h} cm wzrostu?',
    'jaki rozmiar brac przy {h} cm',
    'Czy {s} będzie pasować na {h} cm?',
    'What size should I get for {h} cm?',
    'Do they run true to size? I usually wear {s}',
    'czy rozmiarowka jest zgodna?',
  ],
  [
    'Czy wysyłacie do {c}?',
    'ile idzie paczka do {c}',
    'How long does shipping to {c} take?',
    'Do you ship to {c}?',
    'Kiedy wysyłka jak zamówię dziś?',
    'is shipping free over {p} zł?',
  ],
  ['Ile to kosztuje?', 'jaka cena?', 'How much is it?', 'Is there a discount code?', 'Czy będzie promocja na Black Friday?', 'what is the price in euro'],
  ['Z czego to jest zrobione?', 'Czy to 100% bawełna?', 'What fabric is this?', 'Is it real leather?', 'jaki sklad materialu?'],
  ['Kiedy będzie znowu dostępny rozmiar {s}?', 'Is {s} back in stock?', 'czy bedzie restock?', 'When will it be available again?'],
  ['Jak to prać?', 'Czy można prać w pralce w {t} stopniach?', 'Does it shrink in the wash?', 'Can I put it in the dryer?'],
  ['Czy mogę zwrócić jeśli nie pasuje?', 'How do returns work?', 'ile dni na zwrot?', 'Can I exchange for a bigger size?'],
  ['Czy pasuje do iPhone {n}?', 'Will it fit a {n} inch laptop?', 'czy zmiesci sie laptop {n} cali?', 'Is it compatible with Android?'],
];
const STATEMENTS = [
  'Super jakość, polecam! 😍',
  'Materiał bardzo miękki, noszę codziennie',
  'Kolor na żywo ładniejszy niż na zdjęciu',
  'Best purchase this year, love it 🔥',
  'Świetnie leży, biorę drugą',
  'Paczka szła {d} dni, tragedia 😡',
  'Po dwóch praniach się rozciągnęła',
  'The print cracked after a week, disappointed',
  'Okay but overpriced',
  'Spoko, ale szwy mogłyby być lepsze',
  '🔥🔥🔥',
  '😍😍',
  'wow',
  'Dzięki za recenzję!',
  'Great video!',
  'Zamówione, czekam 🙂',
];
const SPAM = [
  'FREE FOLLOWERS 👉 bit.ly/{x} click now!!!',
  'Win a free iPhone!!! DM me now 💰💰💰',
  'Zarabiaj 5000 zł dziennie, link w bio {x}',
  'check my profile for crypto tips 🚀🚀 {x}',
];
const COUNTRIES = ['Niemiec', 'Czech', 'UK', 'Germany', 'Austria', 'Irlandii', 'France', 'Litwy'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL', '38', '42', '44'];
const NAMES = ['kasia', 'ola.m', 'piotr_92', 'jess.h', 'sam_r', 'marek.b', 'runner_joe', 'biegam_rano', 'Chris P', 'agnieszka.w', 'tomek_44', 'lisa.de'];

/** mulberry32: a tiny seeded generator, enough for test data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polish typed without diacritics, as many people do on phones. */
const stripDiacritics = (s: string): string =>
  s
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

export function* generateComments(count: number, options: { seed?: number; products?: number; now?: number } = {}): Generator<GeneratedComment> {
  const random = seeded(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const skus = Array.from({ length: options.products ?? 20 }, (_, i) => `SKU-BENCH-${String(i + 1).padStart(2, '0')}`);
  const now = options.now ?? Date.now();
  const fill = (template: string) =>
    template
      .replace('{h}', String(150 + Math.floor(random() * 50)))
      .replace('{s}', pick(SIZES))
      .replace('{c}', pick(COUNTRIES))
      .replace('{p}', String(100 + Math.floor(random() * 4) * 50))
      .replace('{t}', pick(['30', '40', '60']))
      .replace('{n}', String(12 + Math.floor(random() * 4)))
      .replace('{d}', String(5 + Math.floor(random() * 20)))
      .replace('{x}', Math.floor(random() * 1e6).toString(36));
  for (let i = 0; i < count; i++) {
    const roll = random();
    const template = roll < 0.4 ? pick(pick(QUESTIONS)) : roll < 0.93 ? pick(STATEMENTS) : pick(SPAM);
    let text = fill(template);
    if (random() < 0.3) text = stripDiacritics(text);
    if (random() < 0.2) text = text.toLowerCase().replace(/\?$/, '');
    yield {
      platform: pick(PLATFORMS),
      externalId: `bench-${i}`,
      text,
      author: pick(NAMES),
      postedAt: new Date(now - Math.floor(random() * 12 * WEEK_MS)).toISOString(),
      productSku: pick(skus),
    };
  }
}

/** The comments as a CSV export (header, quoted texts), the most common platform export. */
export function* commentsCsv(comments: Iterable<GeneratedComment>): Generator<string> {
  yield 'comment_id,platform,message,username,created_time,sku\n';
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const c of comments) yield `${c.externalId},${c.platform},${quote(c.text)},${quote(c.author)},${c.postedAt},${c.productSku}\n`;
}
