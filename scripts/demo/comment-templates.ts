import { DEMO_PRODUCTS } from './demo-catalog';

/**
 * What people write under creator posts about each demo product, in Polish and English, written
 * for this project: questions (size, material, care, shipping, price, stock, returns), praise,
 * complaints, and per language a few that fit any product. generated-comments.ts multiplies them
 * into a few hundred comments across posts, platforms and weeks, in the spellings people use.
 */
export interface CommentTemplates {
  pl: readonly string[];
  en: readonly string[];
}

const { tshirt, sneaker, mug, backpack } = DEMO_PRODUCTS;

// prettier-ignore
export const PRODUCT_TEMPLATES: Readonly<Record<string, CommentTemplates>> = {
  [tshirt]: {
    pl: [
      'Jaki rozmiar wziąć przy 175 cm i 70 kg?', 'Czy koszulka jest ze 100% bawełny?', 'Czy ta koszulka kurczy się w praniu?',
      'Będzie dostępna w kolorze czarnym?', 'W jakiej temperaturze ją prać?', 'Czy rozmiarówka jest zaniżona?',
      'Nadruk popękał po trzecim praniu, szkoda', 'Świetny krój, noszę ją cały czas 😍', 'Materiał cienki, prześwituje pod światło',
      'Kupiłam dwie, obie leżą idealnie', 'Czy jest wersja z długim rękawem?', 'Koszulka po praniu zrobiła się krótsza o kilka cm',
    ],
    en: [
      'What size should I get if I am 6ft?', 'Is the tee 100% cotton?', 'Does it shrink after washing?',
      'Will you restock the black one in M?', 'Can I tumble dry it?', 'Does it run small or true to size?',
      'The print started peeling after a few washes', 'Softest tee I own, wearing it every day', 'Fabric is a bit see-through in white',
      'Ordered an L, fits perfectly', 'Is there a long sleeve version?', 'Collar stretched out after a month, disappointed',
    ],
  },
  [sneaker]: {
    pl: [
      'Czy te buty są na szeroką stopę?', 'Jaki rozmiar wziąć, normalnie noszę 42?', 'Czy nadają się do biegania po asfalcie?',
      'Czy można je prać w pralce?', 'Kiedy wróci rozmiar 44?', 'Czy podeszwa jest antypoślizgowa?',
      'Podeszwa odkleiła się po miesiącu biegania', 'Najwygodniejsze buty jakie miałem 👟', 'Obcierają piętę przez pierwsze dni',
      'Biegam w nich 30 km tygodniowo i są jak nowe', 'Czy są wodoodporne?', 'Cholewka pęka na zgięciu, słaba jakość',
    ],
    en: [
      'Are these good for wide feet?', 'Do they run true to size? I am usually a 10', 'Are they ok for long runs on pavement?',
      'Can I put them in the washing machine?', 'When will size 11 be back in stock?', 'Do they have good grip on wet surfaces?',
      'The sole came off after a month of running', 'Most comfortable sneakers I have ever owned', 'They gave me blisters the first week',
      'Ran a half marathon in these, zero issues', 'Are they waterproof?', 'The mesh tore near the toe after two months',
    ],
  },
  [mug]: {
    pl: [
      'Czy kubek można myć w zmywarce?', 'Czy nadaje się do mikrofalówki?', 'Ile ml ma ten kubek?',
      'Czy nadruk nie schodzi po myciu?', 'Czy jest też wersja w zestawie z podstawką?', 'Z jakiego materiału jest kubek, ceramika?',
      'Ucho się nagrzewa, trudno go trzymać', 'Piękny kubek, kawa smakuje lepiej ☕', 'Przyszedł obtłuczony, odesłałam',
      'Mam od roku, codziennie w użyciu i jak nowy', 'Czy będzie w kolorze zielonym?', 'Nadruk wyblakł po kilku tygodniach w zmywarce',
    ],
    en: [
      'Is it dishwasher safe?', 'Can it go in the microwave?', 'How many ml does it hold?',
      'Does the print fade after washing?', 'Do you sell it as a set of two?', 'Is it ceramic or porcelain?',
      'The handle gets really hot', 'Beautiful mug, my morning coffee tastes better', 'Arrived chipped, had to send it back',
      'Using it daily for a year and it still looks new', 'Will there be a green one?', 'The glaze cracked after a few weeks',
    ],
  },
  [backpack]: {
    pl: [
      'Czy zmieści się laptop 15 cali?', 'Czy plecak jest wodoodporny?', 'Ile litrów ma ten plecak?',
      'Czy ma usztywnione plecy?', 'Czy można go prać w pralce?', 'Z jakiego materiału jest zrobiony?',
      'Zamek zaciął się po tygodniu', 'Byłam z nim w Tatrach, spisał się świetnie 🏔️', 'Szelki wrzynają się w ramiona przy większym ciężarze',
      'Pojemny i wygodny, polecam na wyjazdy', 'Czy będzie w kolorze granatowym?', 'Szew przy uchwycie puścił po miesiącu',
    ],
    en: [
      'Does a 15 inch laptop fit inside?', 'Is it waterproof?', 'How many liters is it?',
      'Does it have a padded back panel?', 'Can I machine wash it?', 'What fabric is it made of?',
      'The zipper broke after a week', 'Took it on a 3-week trip, held up great', 'Straps dig into my shoulders when it is full',
      'Fits everything for a weekend away', 'Will it come in navy?', 'A seam ripped near the handle after a month',
    ],
  },
};

/** Comments that fit under any product: shipping, price, returns, reactions, and spam. */
// prettier-ignore
export const ANY_PRODUCT_TEMPLATES: CommentTemplates = {
  pl: [
    'Ile kosztuje?', 'Czy wysyłacie do Niemiec?', 'Jak długo idzie przesyłka?', 'Czy jest darmowa dostawa?',
    'Jak zwrócić, jeśli nie pasuje?', 'Czy jest jakiś kod rabatowy?', 'Gdzie to można kupić?', 'Czy można zapłacić przy odbiorze?',
    'Paczka szła dwa tygodnie, dramat', 'Za drogie jak na taką jakość', 'Obsługa szybko odpowiedziała, zwrot bez problemu',
    'Super 😍', '🔥🔥🔥', 'Polecam!', 'Świetny filmik', 'Zarabiaj 500 zł dziennie w domu, link w bio!!!',
    'Obserwuj mój profil, oddam follow 👉', 'Czy wysyłka do paczkomatu jest możliwa?',
  ],
  en: [
    'How much is it?', 'Do you ship to the UK?', 'How long does delivery take?', 'Is shipping free?',
    'How do I return it if it does not fit?', 'Any discount code?', 'Where can I buy this?', 'Can I pay with PayPal?',
    'My order took three weeks to arrive', 'Way too expensive for what it is', 'Customer service sorted my refund in a day',
    'Love it!', '😍😍', 'Great video!', 'Nice', 'FREE FOLLOWERS 👉 check my bio!!!', 'Win a free iPhone, DM me now 💰',
    'Is it available in Europe?',
  ],
};
