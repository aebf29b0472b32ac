import { element } from './dom';

/**
 * Shows `media` larger in a modal <dialog> over the page: the browser makes the rest of the
 * page inert and closes it on Escape; this adds a close button (focused first), keeps Tab
 * cycling inside, closes on a click on the backdrop, and gives focus back to `opener`, so a
 * keyboard user continues from the tile they opened. Browsers without showModal (before 2022)
 * simply get no lightbox.
 */
export function openLightbox(opener: HTMLElement, media: HTMLElement, label: string, closeLabel: string): void {
  const dialog = element('dialog');
  if (typeof dialog.showModal !== 'function') return;
  dialog.setAttribute('aria-label', label);
  const close = element('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', closeLabel);
  close.onclick = () => dialog.close();
  dialog.append(close, media);
  dialog.onclick = (event) => event.target === dialog && dialog.close(); // the backdrop is the dialog itself
  dialog.onkeydown = (event) => trapTab(event, [close, ...dialog.querySelectorAll('video')]);
  dialog.onclose = () => {
    dialog.remove(); // a removed video stops playing
    opener.focus();
  };
  (opener.getRootNode() as ShadowRoot).append(dialog);
  dialog.showModal();
  close.focus();
}

/** At either end of the dialog's focusable elements Tab wraps to the other end, never out to the page. */
function trapTab(event: KeyboardEvent, stops: HTMLElement[]): void {
  if (event.key !== 'Tab') return;
  const active = (stops[0]!.getRootNode() as ShadowRoot).activeElement;
  const [first, last] = [stops[0]!, stops[stops.length - 1]!];
  const target = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
}
