import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';

/** The acceptance page's own words (the terms come from core/rights-requests, in the same language). */
export const PAGE_WORDS = {
  pl: {
    content: 'Materiały, o które prosimy',
    item: (n: number) => `Materiał ${n}`,
    futurePosts: 'Wszystkie Twoje materiały: opublikowane i przyszłe.',
    terms: 'Warunki',
    expires: (date: string) => `Na odpowiedź czekamy do ${date}.`,
    name: 'Imię i nazwisko',
    email: 'E-mail',
    agree: 'Przeczytałem(-am) warunki i udzielam licencji na tych warunkach.',
    accept: 'Akceptuję',
    declineTitle: 'Nie zgadzasz się?',
    reason: 'Powód (opcjonalnie)',
    decline: 'Odrzucam',
    accepted: 'Dziękujemy! Licencja została udzielona.',
    acceptedDetail: 'Kopię umowy otrzyma od nas marka. Ta strona nie przyjmuje już odpowiedzi.',
    declined: 'Odpowiedź zapisana: prośba została odrzucona.',
    closed: {
      accepted: 'Na tę prośbę już odpowiedziano: licencja została udzielona.',
      declined: 'Na tę prośbę już odpowiedziano: została odrzucona.',
      expired: 'Ta prośba wygasła. Jeśli chcesz, poproś markę o nową.',
      cancelled: 'Marka wycofała tę prośbę.',
      terms_ended: 'Okres, którego dotyczyła ta prośba, już minął.',
    },
    invalid: 'Ten link jest nieprawidłowy. Sprawdź, czy został skopiowany w całości.',
    problem: 'Popraw zaznaczone pola:',
  },
  en: {
    content: 'The content we are asking for',
    item: (n: number) => `Item ${n}`,
    futurePosts: 'All of your content: posted and future.',
    terms: 'The terms',
    expires: (date: string) => `Please answer by ${date}.`,
    name: 'Full name',
    email: 'E-mail',
    agree: 'I have read the terms and grant a license on them.',
    accept: 'I accept',
    declineTitle: 'Not for you?',
    reason: 'Reason (optional)',
    decline: 'I decline',
    accepted: 'Thank you! The license is granted.',
    acceptedDetail: 'The brand keeps a copy of the contract. This page takes no more answers.',
    declined: 'Your answer is saved: the request is declined.',
    closed: {
      accepted: 'This request has already been answered: the license is granted.',
      declined: 'This request has already been answered: it was declined.',
      expired: 'This request has expired. Ask the brand for a new one if you like.',
      cancelled: 'The brand has withdrawn this request.',
      terms_ended: 'The period this request was about has already ended.',
    },
    invalid: 'This link is not valid. Check that it was copied whole.',
    problem: 'Please correct the marked fields:',
  },
} satisfies Record<RequestLanguageCode, unknown>;

export type PageWords = (typeof PAGE_WORDS)['en'];
export type ClosedReason = keyof PageWords['closed'];
