import { element } from './dom';
import { faqAccordion } from './faq-accordion';
import type { Gallery } from './gallery-types';
import { mediaTile } from './media-tile';
import { refreshDelayMs } from './refresh-delay';
import { scrollArrows } from './scroll-arrows';
import { STYLES } from './styles';
import { ENGLISH_STRINGS, widgetStrings, type WidgetStrings } from './widget-strings';

/** Where this script was loaded from: the API, unless the page says otherwise with `api`. */
const SCRIPT_SRC = (document.currentScript as HTMLScriptElement | null)?.src;
const FETCH_TIMEOUT_MS = 10_000;
/** After a failed fetch (API down), try again this much later; the space stays blank meanwhile. */
const RETRY_MS = 60_000;
const PLACEHOLDER_TILES = 4;

/**
 * `<ugc-gallery product="SKU" territory="PL" api="https://host">`: the licensed creator
 * content and published FAQ of a product. The host element reflects where it is in
 * `state`: loading, ready, empty (nothing licensed here) or error (API unreachable).
 * An empty gallery takes no space unless the element has `data-keep-space` (see STYLES).
 */
export class UgcGallery extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['product', 'territory', 'api'];
  }

  private readonly strip = element('ul');
  private readonly faq = element('div', 'faq');
  /** Shows or hides the strip's arrows once its content changed (set by render). */
  private updateArrows = (): void => undefined;
  /** The tiles on show, by the item they show (as JSON): unchanged items keep their element, so a playing video plays on. */
  private tiles = new Map<string, HTMLLIElement>();
  private faqKey = '';
  /** In the page's language, read when the element is attached. */
  private strings: WidgetStrings = ENGLISH_STRINGS;
  private request?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private queued = false;
  /** A refresh fell due while the page was hidden: run it when the page is seen again. */
  private due = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.strip.tabIndex = 0; // a scrolling region reachable by keyboard (arrow keys scroll it)
  }

  /**
   * The shadow content, made when first attached, once the page's language is known (it names
   * the arrows): the strip between its previous and next buttons, then the FAQ.
   */
  private render(): void {
    const arrows = scrollArrows(this.strip, this.strings);
    this.updateArrows = arrows.update;
    const frame = element('div', 'frame');
    frame.append(arrows.buttons[0]!, this.strip, arrows.buttons[1]!);
    this.shadowRoot!.append(element('style', '', STYLES), frame, this.faq);
  }

  connectedCallback(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.strings = widgetStrings(this);
    this.strip.setAttribute('aria-label', this.getAttribute('label') || this.strings.strip);
    if (!this.shadowRoot!.firstChild) this.render();
    this.queueLoad();
  }

  disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    clearTimeout(this.timer);
    this.request?.abort();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.queueLoad();
  }

  /** Attributes set while the element is being created arrive one by one: load once for all of them. */
  private queueLoad(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.isConnected) void this.load();
    });
  }

  private readonly onVisibilityChange = (): void => {
    if (document.hidden || !this.due) return;
    this.due = false;
    this.queueLoad();
  };

  private async load(): Promise<void> {
    clearTimeout(this.timer);
    this.request?.abort();
    const request = (this.request = new AbortController());
    const base = this.apiBase();
    const product = this.getAttribute('product');
    const territory = this.getAttribute('territory');
    if (!product || !territory) return this.showNothing('error');
    if (!this.tiles.size) this.showPlaceholders();
    const timeout = setTimeout(() => request.abort(), FETCH_TIMEOUT_MS);
    try {
      const url = new URL(`public/v1/products/${encodeURIComponent(product)}/gallery?territory=${encodeURIComponent(territory)}`, base);
      const res = await fetch(url.href, { signal: request.signal, credentials: 'omit' });
      if (!res.ok) throw new Error(`gallery answered ${res.status}`);
      this.show((await res.json()) as Gallery, (u) => new URL(u, base).href);
      this.refreshIn(refreshDelayMs(res.headers.get('Cache-Control')));
    } catch {
      if (this.request !== request) return; // replaced by a newer load
      this.showNothing('error');
      this.refreshIn(RETRY_MS);
    } finally {
      clearTimeout(timeout);
    }
  }

  /** The API's base URL, ending in a slash so that paths resolve under it. */
  private apiBase(): string {
    const api = this.getAttribute('api') || (SCRIPT_SRC ? new URL('/', SCRIPT_SRC).href : location.origin);
    return api.endsWith('/') ? api : `${api}/`;
  }

  private refreshIn(ms: number): void {
    this.timer = setTimeout(() => {
      if (document.hidden) this.due = true;
      else this.queueLoad();
    }, ms);
  }

  private show(gallery: Gallery, resolve: (url: string) => string): void {
    const tiles = new Map<string, HTMLLIElement>();
    for (const item of gallery.items) {
      const key = JSON.stringify(item);
      const tile = this.tiles.get(key) || mediaTile(item, resolve, this.strings);
      if (tile) tiles.set(key, tile);
    }
    if ([...tiles.keys()].join() !== [...this.tiles.keys()].join() || !this.tiles.size) this.strip.replaceChildren(...tiles.values());
    this.tiles = tiles;
    const faqKey = JSON.stringify(gallery.faq) + this.faqTitle();
    if (faqKey !== this.faqKey) this.faq.replaceChildren(...(gallery.faq.length ? [faqAccordion(gallery.faq, this.faqTitle())] : []));
    this.faqKey = faqKey;
    this.setAttribute('state', tiles.size || gallery.faq.length ? 'ready' : 'empty');
    this.updateArrows();
  }

  private faqTitle(): string {
    return this.getAttribute('faq-title') || this.strings.faqTitle;
  }

  /** Grey tiles in the reserved space while the first answer is on its way. */
  private showPlaceholders(): void {
    const placeholders = Array.from({ length: PLACEHOLDER_TILES }, () => element('li'));
    placeholders.forEach((p) => p.setAttribute('aria-hidden', 'true'));
    this.strip.replaceChildren(...placeholders);
    this.setAttribute('state', 'loading');
  }

  /**
   * Nothing at all, not even placeholders: the reserved space stays, blank, so the page does
   * not jump (pages that would rather collapse it can style `ugc-gallery[state=error]`).
   */
  private showNothing(state: 'error'): void {
    this.strip.replaceChildren();
    this.updateArrows();
    this.faq.replaceChildren();
    this.tiles = new Map();
    this.faqKey = '';
    this.setAttribute('state', state);
  }
}
