/** The widget's own words: names for screen readers and the FAQ heading. */
export interface WidgetStrings {
  strip: string;
  faqTitle: string;
  photoAlt(handle: string): string;
  videoAlt(handle: string): string;
  play(handle: string): string;
  /** The button that opens an item in the lightbox; `what` is its alt text. */
  enlarge(what: string): string;
  previous: string;
  next: string;
  close: string;
}

export const ENGLISH_STRINGS: WidgetStrings = {
  strip: 'Customer photos and videos',
  faqTitle: 'Questions & answers',
  photoAlt: (handle) => `Photo by ${handle}`,
  videoAlt: (handle) => `Video by ${handle}`,
  play: (handle) => `Play: Video by ${handle}`,
  enlarge: (what) => `Enlarge: ${what}`,
  previous: 'Previous',
  next: 'Next',
  close: 'Close',
};

const POLISH: WidgetStrings = {
  strip: 'Zdjęcia i filmy klientów',
  faqTitle: 'Pytania i odpowiedzi',
  photoAlt: (handle) => `Zdjęcie: ${handle}`,
  videoAlt: (handle) => `Film: ${handle}`,
  play: (handle) => `Odtwórz film: ${handle}`,
  enlarge: (what) => `Powiększ: ${what}`,
  previous: 'Poprzednie',
  next: 'Następne',
  close: 'Zamknij',
};

/**
 * The words in the language of the page around the element (`lang` on it or on an ancestor,
 * usually <html>): Polish for `pl`, English for anything else, as the product's UI speaks both.
 */
export function widgetStrings(host: Element): WidgetStrings {
  const lang = host.closest('[lang]')?.getAttribute('lang') ?? '';
  return lang.toLowerCase().split('-')[0] === 'pl' ? POLISH : ENGLISH_STRINGS;
}
