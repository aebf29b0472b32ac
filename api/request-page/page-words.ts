import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';

/** "plik", "pliki" or "plików": a Polish count takes one of three forms. */
function files(n: number): string {
  if (n === 1) return 'plik';
  const [tens, ones] = [n % 100, n % 10];
  return ones >= 2 && ones <= 4 && (tens < 12 || tens > 14) ? 'pliki' : 'plików';
}

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
    linkExpired: 'Ten link wygasł. Poproś markę o nowy.',
    problem: 'Popraw zaznaczone pola:',
    originals: {
      title: 'Masz oryginalne pliki? (opcjonalnie)',
      help: (max: number, until: string) =>
        `Jeśli masz oryginały w pełnej jakości, możesz je tu przesłać: zdjęcia lub filmy, po jednym pliku, najwyżej ${max} ${files(max)}, do ${until}. Będą objęte udzieloną licencją.`,
      file: 'Plik (zdjęcie lub film)',
      send: 'Wyślij plik',
      received: 'Dziękujemy! Plik dotarł.',
      more: (remaining: number, until: string) => `Możesz przesłać jeszcze ${remaining} ${files(remaining)}, do ${until}.`,
      noMore: 'To już wszystkie pliki, jakie przyjmujemy do tej prośby. Dziękujemy!',
      refused: 'Nie udało się przyjąć pliku.',
      reasons: {
        request_not_accepted: 'Najpierw zaakceptuj prośbę; pliki można przesłać po akceptacji.',
        request_upload_closed: 'Ten link nie przyjmuje już plików.',
        too_many_originals: 'Do tej prośby przesłano już najwięcej plików, ile można.',
        file_too_large: 'Plik jest większy, niż pozwala limit.',
        unsupported_media_type: 'To nie jest zdjęcie ani film (JPEG, PNG, WebP, GIF, AVIF, HEIC, MP4, MOV, WebM, MKV).',
        empty_file: 'Plik jest pusty.',
        missing_file: 'Nie wybrano pliku.',
        image_too_large: 'Zdjęcie ma za dużo pikseli.',
        original_of_another_creator: 'Ten plik jest już w bibliotece jako materiał innej osoby.',
        asset_deleted: 'Ten plik był już w bibliotece i został usunięty; nie można go przesłać ponownie.',
      } as Partial<Record<string, string>>,
      tryAgain: 'Możesz spróbować ponownie z innym plikiem.',
    },
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
    linkExpired: 'This link has expired. Ask the brand for a new one.',
    problem: 'Please correct the marked fields:',
    originals: {
      title: 'Have the original files? (optional)',
      help: (max: number, until: string) =>
        `If you have the originals in full quality, you can send them here: photos or videos, one file at a time, up to ${max} ${max === 1 ? 'file' : 'files'}, until ${until}. They are covered by the license you granted.`,
      file: 'File (photo or video)',
      send: 'Send the file',
      received: 'Thank you! The file has arrived.',
      more: (remaining: number, until: string) => `You can send ${remaining} more ${remaining === 1 ? 'file' : 'files'}, until ${until}.`,
      noMore: 'That is all the files this request takes. Thank you!',
      refused: 'The file could not be taken.',
      reasons: {
        request_not_accepted: 'Accept the request first; files can be sent once it is accepted.',
        request_upload_closed: 'This link no longer takes files.',
        too_many_originals: 'This request has taken the most files it can.',
        file_too_large: 'The file is larger than the limit.',
        unsupported_media_type: 'This is not a photo or a video (JPEG, PNG, WebP, GIF, AVIF, HEIC, MP4, MOV, WebM, MKV).',
        empty_file: 'The file is empty.',
        missing_file: 'No file was chosen.',
        image_too_large: 'The photo has too many pixels.',
        original_of_another_creator: 'This file is already in the library as someone else’s content.',
        asset_deleted: 'This file was in the library before and was deleted; it cannot be sent again.',
      } as Partial<Record<string, string>>,
      tryAgain: 'You can try again with another file.',
    },
  },
} satisfies Record<RequestLanguageCode, unknown>;

export type PageWords = (typeof PAGE_WORDS)['en'];
export type ClosedReason = keyof PageWords['closed'];
