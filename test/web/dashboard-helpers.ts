import type { Locator, Page } from 'playwright-core';

/**
 * Reading the dashboard the way assistive technology does: controls by their label, the
 * message tied to a control (aria-describedby), what has keyboard focus and whether it shows.
 */

// page.evaluate callbacks run in Chromium, but this project type-checks with Node's types
// only: the page's globals are declared here, loosely, for this file alone.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DomNode = any;
declare const document: DomNode;
declare const getComputedStyle: (el: DomNode) => { outlineStyle: string; outlineWidth: string };

/** The texts of the elements a control's aria-describedby names (its hint and its error). */
export async function describedBy(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const page = control.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

export interface FocusedControl {
  tag: string;
  type: string | null;
  /** Its accessible name as a screen reader would read it (aria-label, label, text). */
  name: string;
  /** A visible focus indicator: an outline drawn around it. */
  outlined: boolean;
}

/** What has keyboard focus now. */
export function focused(page: Page): Promise<FocusedControl> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const labelled = el.getAttribute('aria-label') ?? [...(el.labels ?? [])].map((l: DomNode) => l.textContent).join(' ');
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: (labelled || el.textContent || '').replace(/\s+/g, ' ').trim(),
      outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Presses Tab until a control whose name matches has focus; fails after `max` presses. Returns every control passed. */
export async function tabTo(page: Page, name: RegExp, max = 60): Promise<FocusedControl[]> {
  const passed: FocusedControl[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    passed.push(now);
    if (name.test(now.name)) return passed;
  }
  throw new Error(`No control named ${name} within ${max} Tab presses; passed: ${passed.map((c) => c.name).join(' | ')}`);
}

/** True once every <img> in the locator has been fetched and decoded. */
export function imagesDecoded(images: Locator): Promise<boolean> {
  return images.evaluateAll((els: DomNode[]) => els.length > 0 && els.every((img) => img.complete && img.naturalWidth > 0));
}

/** The page's full height once what it loads has loaded and laid out. */
export async function pageHeight(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  await new Promise((resolve) => setTimeout(resolve, 200)); // a last layout after media metadata and pictures arrive
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Waits until the page has no horizontal scrollbar at its current width (a responsive layout). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens every closed group (details) in `scope` by clicking its summary, as a person would. */
export async function openGroups(scope: Page | Locator): Promise<void> {
  const closed = scope.locator('details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}
