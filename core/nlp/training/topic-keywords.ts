import type { CommentTopic } from '../../vocabulary/comment-labels';
import { foldDiacritics } from '../diacritics';

/**
 * Aspect words in Polish and English, written from LABELS.md's topic definitions (not from the
 * real labelled file): they give weak topic labels to review sentences and comments, which no
 * corpus labels with our topics. Matched on lower-cased text with diacritics folded, so
 * "przesylka" and "przesyłka" both count; Polish entries are stems that match at a word's
 * start ("rozmiar~" finds "rozmiaru", "rozmiarze").
 */
// Word lists read best in the lines they were written in, not one word a line.
// prettier-ignore
const ASPECT_WORDS: Record<Exclude<CommentTopic, 'quality' | 'other'>, RegExp> = {
  shipping: words(
    'przesylk~', 'wysyl~', 'wyslan~', 'dostaw[aey]', 'dostarcz~', 'kurier~', 'paczk~', 'paczkomat~', 'inpost', 'dpd', 'poczt~', 'doreczen~',
    'doszl[aoy]?', 'dotarl[aoy]?', 'zapakowan~', 'opakowani~', 'transport~',
    'ship', 'shipped', 'shipping', 'shipment', 'deliver', 'delivered', 'delivery', 'arrived', 'arrive', 'arrives', 'courier',
    'parcel', 'tracking', 'dispatch(ed)?', 'postage', 'packaging', 'packaged', 'in transit',
  ),
  price: words(
    'cen[aeyi]?', 'cenowo~', 'tani[aeo]?', 'tanszy', 'tansz[aey]', 'drogi[e]?', 'drozsz~', 'zl', 'zlotych', 'pln', 'pieniadz~', 'pieniedzy~',
    'kosztuj~', 'koszt', 'kosztow~', 'promocj~', 'rabat~', 'znizk~', 'oplac~', 'platnosc~', 'platn', 'faktur~', 'przeplac~', 'rat[ya]', 'wart[ya]? (swoj|tej|tych|kazd|ceny|pieniedzy|zlot)~',
    'price', 'prices', 'priced', 'pricey', 'cheap', 'cheaper', 'cheapest', 'expensive', 'overpriced', 'cost', 'costs', 'money', 'dollars?', 'bucks',
    'discount', 'coupon', 'promo', 'afford', 'affordable', 'worth (it|the|every)', 'value for money', 'pay', 'paid', 'payment', 'invoice', '\\$\\d+', '\\d+ ?(zl|pln|usd|eur)',
  ),
  size_fit: words(
    'rozmiar~', 'wymiar~', 'dlugosc~', 'szerokosc~', 'wysokosc~', 'ciasn~', 'luzn~', 'obwod~', 'za (duz|mal|dlug|krot|ciasn|szerok|wask)~', 'w sam raz', 'wazy', 'waga', 'wagi', 'cm', 'mm', 'cali',
    'size', 'sizes', 'sized', 'sizing', 'fit', 'fits', 'fitting', 'too (big|small|large|long|short|tight|loose|wide|narrow)', 'tight', 'loose', 'inch(es)?', 'length', 'width',
    'dimensions?', 'weight', 'weighs', 'heavy', 'lightweight', 'huge', 'tiny',
  ),
  material: words(
    'material', 'materialu~', 'plastik~', 'plastikow', 'tworzyw~', 'metalow~', 'stal', 'stalow~', 'drewn~', 'bawelna', 'bawelny', 'bawelnian~', 'skor[aey]', 'skorzan~',
    'gum[aowy]', 'szklo', 'szklan~', 'tkanin~', 'poliester~', 'sklad', 'skladu', 'skladzie', 'wykonczeni~', 'w zestawie', 'w komplecie',
    'materials?', 'plastic', 'metal', 'steel', 'aluminum', 'aluminium', 'wood', 'wooden', 'cotton', 'leather', 'rubber', 'glass', 'fabric', 'polyester',
    'made of', 'made from', 'ingredients?', 'contains?', 'finish', 'in the box', 'included', 'comes with',
  ),
  availability: words(
    'dostepn~', 'kolor~', 'wersj~', 'w magazynie', 'wyprzedan~', 'gdzie (kupic|mozna kupic|dostac)', 'kiedy (bedzie|beda|wejdzie)', 'w sklep~',
    'available', 'availability', 'in stock', 'out of stock', 'sold out', 'restock', 'colou?rs?', 'version', 'where (to|can i) (buy|get)', 'release', 'released', 'come out', 'coming out', 'launch',
    'pre-?order', 'sold in', 'sell (it|them|this|these) in', 'buy (it|one|this|them) in', 'release date', 'out yet', 'in stores?', 'premier~', 'nowy model', 'nowa wersj~', 'do kupienia', 'kiedy (w|na) (sprzedaz|sklep)~',
  ),
  usage: words(
    'instrukcj~', 'obslugi', 'obsluga (jest|prosta|intuic)~', 'uzywa~', 'uzywam~', 'uzywani~', 'uzytk~', 'stosow~', 'montaz~', 'zamontow~', 'instal~', 'ustawi~', 'ustawien~', 'funkcj~',
    'ladowa~', 'ladowani~', 'ladowark~', 'prac', 'pranie', 'czyszcz~', 'wyczysc~', 'myc', 'aplikacj~', 'wlacz~', 'wylacz~', 'jak dziala', 'sluzy',
    'use', 'using', 'usage', 'how to', 'manual', 'instructions?', 'install', 'installation', 'setup', 'set up', 'clean', 'cleaning', 'wash', 'washing',
    'features?', 'functions?', 'mode', 'settings', 'app', 'charge', 'charging', 'charger', 'turn on', 'operate', 'assemble', 'assembly',
  ),
  returns: words(
    'zwrot~', 'zwroc~', 'zwrocil', 'reklamac~', 'gwarancj~', 'serwis~', 'sprzedawc~', 'sprzedajac~', 'obsluga klienta', 'kontakt~', 'wymian~', 'wymieni~', 'odeslal', 'odeslan~', 'nie odpisuj~', 'nie odpowiad~',
    'return', 'returned', 'returning', 'refund', 'refunded', 'exchange', 'warranty', 'guarantee', 'customer service', 'seller', 'support', 'replacement', 'complaint', 'contacted', 'emails?',
  ),
  compatibility: words(
    'kompatybil~', 'pasuje do', 'pasuja do', 'wspolpracuj~', 'dziala z', 'dzialaja z', 'obsluguje', 'podlacz~', 'do (iphone|samsung|telefonu|laptopa|komputera|auta|samochodu)', 'z moim',
    'compatible', 'compatibility', 'works? with', 'work on', 'fits? (my|a|the|on)', 'with my', 'supports', 'connect(s|ed)?', 'iphone', 'ipad', 'android', 'windows', 'macbook', 'mac', 'ps4', 'xbox',
  ),
};

/** Judging the product as a whole ("polecam", "solidnie wykonane", "broke after a week"): quality (LABELS.md). */
// prettier-ignore
const QUALITY_WORDS = words(
  'jakosc~', 'jakosci', 'solidn~', 'wykonani~', 'wykonan[ya]', 'trwal~', 'psuj~', 'zepsu~', 'pekl~', 'peka~', 'uszkodz~', 'wadliw~', 'wad[ay]', 'dziala', 'dzialaj~', 'nie dziala',
  'rozpad~', 'odpad~', 'polecam~', 'nie polecam', 'swietn~', 'doskonal~', 'rewelac~', 'idealn~', 'zadowolon~', 'bubel~', 'chlam~', 'badziew~', 'tandet~', 'szajs', 'porazk~', 'dobr[yae] (produkt|sprzet|jakosc)', 'spelnia~', 'sprawdza sie', 'zgodn[ya] z opisem', 'godny polecenia',
  'quality', 'durable', 'sturdy', 'broke', 'broken', 'breaks', 'defective', 'flimsy', 'cheaply made', 'works (great|well|perfectly|fine)', 'stopped working', 'junk', 'crap',
  'recommend', 'excellent', 'great product', 'garbage', 'performance', 'amazing', 'awesome', 'love (it|this|mine|my)', 'terrible', 'sucks',
);

/** About the video, the creator or the platform, not the product: other (LABELS.md). */
// prettier-ignore
const OTHER_WORDS = words(
  'video', 'vid', 'videos', 'channel', 'subscribe', 'subscribed', 'song', 'music', 'soundtrack', 'commercial', 'advert', 'ad', 'review', 'reviewer', 'host', 'presenter', 'lol', 'haha',
  'filmik~', 'film', 'kanal', 'subskryb~', 'piosenk~', 'muzyk~', 'reklama',
);

/** A word list as one pattern (one scan a sentence): an entry ending in ~ is a stem matching at a word's start, any other a whole word. */
function words(...entries: string[]): RegExp {
  const pattern = entries.map((e) => (e.endsWith('~') ? e.slice(0, -1) : `${e}(?![a-z0-9])`)).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${pattern})`, 'u');
}

const folded = (text: string): string => foldDiacritics(text.toLowerCase());

/**
 * Two aspects that LABELS.md settles (in ASPECT_WORDS' order): what delivery costs is shipping,
 * a refund of money is returns, a part that fits another product is compatibility.
 */
const SETTLED_PAIRS = new Map<string, CommentTopic>([
  ['shipping price', 'shipping'],
  ['price returns', 'returns'],
  ['shipping returns', 'returns'],
  ['size_fit compatibility', 'compatibility'],
]);

/**
 * The one aspect a sentence names, or undefined when it names none or several that LABELS.md
 * does not settle (a weak label that could be either is left out). Sentences naming no aspect but judging the product
 * ("polecam", "rozpadł się po tygodniu") are quality.
 */
export function aspectTopic(text: string): CommentTopic | undefined {
  const lower = folded(text);
  const named = (Object.keys(ASPECT_WORDS) as Array<keyof typeof ASPECT_WORDS>).filter((topic) => ASPECT_WORDS[topic].test(lower));
  const settled = named.length === 2 ? SETTLED_PAIRS.get(named.join(' ')) : undefined;
  if (settled) return settled;
  if (named.length === 1) return named[0];
  if (named.length === 0 && QUALITY_WORDS.test(lower)) return 'quality';
  return undefined;
}

/** Names the video, the song or the channel (other, when it names no product aspect: check aspectTopic first). */
export const isAboutTheVideo = (text: string): boolean => OTHER_WORDS.test(folded(text));
