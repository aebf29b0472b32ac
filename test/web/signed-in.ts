import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The widths the dashboard is tested at: a laptop and a phone. */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Viewport = keyof typeof VIEWPORTS;
export type Lang = 'en' | 'pl';

export interface SignedIn {
  key: string;
  lang: Lang;
  viewport: { width: number; height: number };
}

/**
 * A browser context already signed in, in a language at a width: the key and the language put
 * where the dashboard keeps them, so a test starts on any screen without the sign-in form.
 */
export async function signedInContext(browser: Browser, { key, lang, viewport }: SignedIn): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-GB' : 'pl-PL' });
  await context.addInitScript({
    content: `sessionStorage.setItem('ugc-dashboard.api-key', ${JSON.stringify(key)}); localStorage.setItem('ugc-dashboard.lang', ${JSON.stringify(lang)});`,
  });
  return context;
}

/** A page of its own signed-in context (see signedInContext). */
export async function signedInPage(browser: Browser, signedIn: SignedIn): Promise<Page> {
  const page = await (await signedInContext(browser, signedIn)).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}
