import { element } from './dom';
import type { WidgetStrings } from './widget-strings';

/** How far one press scrolls, in widths of the strip: less than one, so the tile cut at the edge comes whole into view. */
const PAGE = 0.8;

/**
 * Previous and next buttons for a strip wider than its space (on desktop a mouse cannot
 * swipe, and a cut-off tile alone does not say there is more). Hidden when everything fits;
 * at either end the button stays focusable but says it is disabled (aria-disabled), so
 * focus is not lost from under a keyboard user who pressed it to the end. Scroll snapping
 * then settles the strip on a tile's edge. Returns the buttons and a function to call when
 * the strip's content changed.
 */
export function scrollArrows(strip: HTMLElement, strings: WidgetStrings): { buttons: HTMLButtonElement[]; update: () => void } {
  const arrow = (className: string, label: string, direction: number) => {
    const button = element('button', `arrow ${className}`);
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.onclick = () => strip.scrollBy({ left: direction * strip.clientWidth * PAGE, behavior: motion() });
    return button;
  };
  const previous = arrow('prev', strings.previous, -1);
  const next = arrow('next', strings.next, 1);
  const update = () => {
    const { scrollLeft, scrollWidth, clientWidth } = strip;
    previous.hidden = next.hidden = scrollWidth <= clientWidth + 1;
    previous.setAttribute('aria-disabled', String(scrollLeft <= 1));
    next.setAttribute('aria-disabled', String(scrollLeft + clientWidth >= scrollWidth - 1));
  };
  strip.addEventListener('scroll', update, { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(update).observe(strip);
  return { buttons: [previous, next], update };
}

const motion = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
