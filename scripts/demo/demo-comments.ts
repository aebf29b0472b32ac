import { DEMO_PRODUCTS } from './demo-catalog';

/**
 * Comments as people write them under creator posts, in Polish and English: questions with
 * and without "?", Polish typed without diacritics, praise, complaints, emoji-only, spam.
 * They give the comment-mining side something real to classify and cluster.
 */
export interface DemoComment {
  platform: 'instagram' | 'tiktok' | 'youtube';
  /** Stable per comment: re-imports never duplicate. */
  externalId: string;
  text: string;
  author: string;
  sku: string;
  /** The post (demo media key) it was left under. */
  media: string;
  daysAgo: number;
}

const { tshirt, sneaker, mug, backpack } = DEMO_PRODUCTS;

type Row = [platform: DemoComment['platform'], media: string, sku: string, author: string, daysAgo: number, text: string];

const ROWS: Row[] = [
  ['instagram', 'tshirt-flatlay', tshirt, 'kasia_k', 12, 'Jaki rozmiar bierze sie przy 180 cm wzrostu'],
  ['instagram', 'tshirt-flatlay', tshirt, 'ola.m', 11, 'Czy ta koszulka nie kurczy się po praniu?'],
  ['instagram', 'tshirt-flatlay', tshirt, 'piotr_92', 10, 'Materiał super miękki, noszę prawie codziennie 😍'],
  ['tiktok', 'tshirt-try-on', tshirt, 'jess.h', 9, 'does it come in XXL'],
  ['tiktok', 'tshirt-try-on', tshirt, 'sam_r', 9, 'What fabric is this? Feels like cotton but I am not sure'],
  ['tiktok', 'tshirt-try-on', tshirt, 'agnieszka.w', 8, 'Kolor na żywo jest bardziej szary niż na filmiku'],
  ['tiktok', 'tshirt-try-on', tshirt, 'zz_top_fan', 8, '🔥🔥🔥'],
  ['instagram', 'tshirt-flatlay', tshirt, 'followers4u', 7, 'FREE FOLLOWERS 👉 bit.ly/free-fllw click now!!!'],
  ['youtube', 'unboxing', tshirt, 'Daniel M', 6, 'Ordered the tee after this video, the print cracked after two washes'],
  ['instagram', 'sneaker-street', sneaker, 'marek.b', 14, 'ile kosztuja te buty'],
  ['instagram', 'sneaker-street', sneaker, 'lisa.de', 13, 'Czy wysyłacie do Niemiec?'],
  ['tiktok', 'sneaker-run-clip', sneaker, 'runner_joe', 12, 'Do they run true to size? I am usually a 43'],
  ['tiktok', 'sneaker-run-clip', sneaker, 'biegam_rano', 10, 'Po miesiącu biegania podeszwa zaczęła się odklejać 😕'],
  ['youtube', 'unboxing', sneaker, 'Chris P', 9, 'Best sneakers I have owned, worth every penny'],
  ['tiktok', 'sneaker-run-clip', sneaker, 'tomek_44', 7, 'kiedy bedzie znowu rozmiar 44'],
  ['tiktok', 'sneaker-run-clip', sneaker, 'iphone_giveaway', 6, 'Win a free iPhone 15!!! DM me now 💰💰💰'],
  ['instagram', 'sneaker-story', sneaker, 'ewa.biega', 5, 'czy mozna je prac w pralce'],
  ['youtube', 'unboxing', sneaker, 'Anna K', 4, 'Are these good for wide feet or should I size up?'],
  ['instagram', 'mug-desk', mug, 'coffee_nerd', 15, 'Can it go in the dishwasher'],
  ['instagram', 'mug-desk', mug, 'basia.kawa', 14, 'Czy kubek nadaje się do mikrofalówki?'],
  ['youtube', 'mug-kitchen', mug, 'Magda S', 12, 'Kupiłam dwa na prezent, wyglądają świetnie ☕'],
  ['instagram', 'mug-pour-silent', mug, 'mornings.uk', 10, 'the handle gets hot really fast, not great'],
  ['instagram', 'mug-pour-silent', mug, 'krakus_86', 8, 'jak dlugo idzie przesylka do Krakowa'],
  ['instagram', 'mug-desk', mug, 'cheap.watches.shop', 7, 'Check my profile for cheap watches 👀👀'],
  ['youtube', 'mug-kitchen', mug, 'Jan Nowak', 5, '❤️'],
  ['instagram', 'mug-desk', mug, 'tea.time', 3, 'How many ml does it hold?'],
  ['instagram', 'backpack-trail', backpack, 'hiker_mike', 20, 'Does a 15 inch laptop fit inside'],
  ['instagram', 'backpack-trail', backpack, 'gosia.gory', 18, 'Czy plecak jest wodoodporny'],
  ['instagram', 'trail-vlog', backpack, 'nomad.sara', 15, 'Used it on a 3-week trip through Asia, zero issues 👍'],
  ['instagram', 'trail-vlog', backpack, 'wojtek_w', 11, 'zamek sie zacial po tygodniu, slabo'],
  ['youtube', 'mug-kitchen', backpack, 'Kevin L', 9, 'Is there a return policy if it does not fit my laptop?'],
  ['instagram', 'backpack-trail', backpack, 'ania_w_drodze', 6, 'Ile litrów ma ten plecak?'],
  ['instagram', 'trail-vlog', backpack, 'promo.deals.24', 2, 'Earn $500 a day from home, link in bio!!!'],
];

export const DEMO_COMMENTS: readonly DemoComment[] = ROWS.map(([platform, media, sku, author, daysAgo, text], i) => ({
  platform,
  externalId: `demo-${String(i + 1).padStart(3, '0')}`,
  text,
  author,
  sku,
  media,
  daysAgo,
}));
