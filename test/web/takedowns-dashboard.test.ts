import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { horizontalOverflow } from './dashboard-helpers';

/**
 * Creators' takedown requests on the dashboard, in real Chromium against a real instance. The
 * requests are sent as creators send them, through their page links; then the Takedowns screen
 * counts the open ones in the navigation, lists them open first with their assets and creator
 * (saying nothing is deleted automatically), filters by status and creator in the address, marks
 * one resolved with a note (the count follows, the asset is untouched), refuses a viewer in
 * words, opens from an asset's creator panel, and speaks Polish.
 * Screenshots: test-artifacts/screenshots/takedowns-*.png.
 */
let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let dir: string;
let managerKey: string;
let viewerKey: string;
let olaId: string;
let bartekId: string;
let toteId: string;
/** The asset page's closed section that holds the creator panel. */
const CREATOR_SECTION = 'Creator: details, page link, personal data';
/** Ola's open request (about the tote), Bartek's (all his content, no reason), Ola's resolved one. */
let olaOpen: string;
let bartekOpen: string;
let olaResolved: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'takedowns-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  viewerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Piotr (viewer)', role: 'viewer' })).key;
  olaId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000 })).id;
  bartekId = (await instance.api('POST', '/api/v1/creators', { handle: 'bartek.bakes', platform: 'tiktok', followers: 3_000 })).id;
  const file = await makeImage(dir, 'linen-tote.jpg', { width: 600, height: 600, format: 'jpeg', colour: '#c49a6c' });
  toteId = (await instance.upload(file, { creatorId: olaId, title: 'Linen tote' })).id;
  for (let i = 0; i < 300 && (await instance.api('GET', `/api/v1/assets/${toteId}`)).status !== 'ready'; i++) await sleep(100);

  // As the creators do it: from their own page.
  const olaPage = (await instance.api('POST', `/api/v1/creators/${olaId}/page-link`, {})).url;
  const bartekPage = (await instance.api('POST', `/api/v1/creators/${bartekId}/page-link`, {})).url;
  olaResolved = (await askTakedown(olaPage, { assetIds: [toteId], reason: 'An old video, please check it.' })).id;
  await instance.api('POST', `/api/v1/takedown-requests/${olaResolved}/resolve`, { note: 'Agreed with Ola to keep it until March.' });
  olaOpen = (await askTakedown(olaPage, { assetIds: [toteId], reason: 'I no longer work with this brand.\nPlease stop using the tote video.' })).id;
  bartekOpen = (await askTakedown(bartekPage, {})).id;

  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, managerKey);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function askTakedown(pageUrl: string, body: { assetIds?: string[]; reason?: string }): Promise<{ id: string }> {
  const res = await fetch(`${pageUrl}/takedown`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`takedown answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function signIn(on: Page, key: string): Promise<void> {
  await on.goto(`${instance.url}/`);
  await on.getByLabel('API key').fill(key);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await on.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}

const heading = (text: string) => page.getByRole('heading', { level: 1, name: text });
const item = (id: string) => page.locator(`li.takedown-item[aria-labelledby="takedown-${id}"]`);
const navLink = () => page.getByRole('navigation').getByRole('link', { name: /^Takedowns/ });

describe('takedown requests on the dashboard', () => {
  it('counts the open ones in the navigation and lists them open first, saying nothing is deleted automatically', async () => {
    expect(await navLink().getAttribute('aria-current')).toBeNull();
    await page.getByRole('navigation').getByRole('link', { name: 'Takedowns (2 open)' }).waitFor();
    expect(await navLink().locator('.nav-count').innerText()).toBe('2');
    await navLink().click();
    await heading('Takedown requests').waitFor();
    expect(await navLink().getAttribute('aria-current')).toBe('page');
    expect(await page.locator('main').innerText()).toContain('Nothing is withdrawn or deleted automatically');

    const open = page.getByRole('region', { name: 'Open requests' });
    const resolved = page.getByRole('region', { name: 'Resolved requests' });
    await item(bartekOpen).waitFor();
    await item(olaResolved).waitFor();
    expect(await page.locator('.takedown-section h2').allInnerTexts()).toEqual(['Open requests', 'Resolved requests']);
    expect(await open.locator('li.takedown-item').count()).toBe(2);
    expect(await resolved.locator('li.takedown-item').count()).toBe(1);

    const ola = item(olaOpen);
    expect(await ola.getByRole('heading').innerText()).toBe('@ola.sews (instagram)');
    expect(await ola.locator('.badge').innerText()).toBe('Open');
    expect(await ola.innerText()).toContain('I no longer work with this brand.\nPlease stop using the tote video.');
    expect(await ola.getByRole('link', { name: 'Linen tote' }).getAttribute('href')).toBe(`/assets/${toteId}`);
    expect(await ola.getByRole('link', { name: 'All assets of @ola.sews in the library' }).getAttribute('href')).toBe(`/?creatorId=${olaId}`);
    const bartek = await item(bartekOpen).innerText();
    expect(bartek).toContain('All of their content');
    expect(bartek).toContain('No reason given');
    const done = await item(olaResolved).innerText();
    expect(done).toContain('Resolved');
    expect(done).toContain('Agreed with Ola to keep it until March.');
    expect(await item(olaResolved).getByRole('button').count()).toBe(0);
    await saveScreenshot(page, 'takedowns-list');

    await ola.getByRole('link', { name: 'Linen tote' }).click();
    await heading('Linen tote').waitFor();
    await page.goBack();
    await heading('Takedown requests').waitFor();
  });

  it('filters by status and by creator, in the address', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Resolved' });
    await page.waitForURL(/\/takedowns\?status=resolved$/);
    await page.getByRole('region', { name: 'Resolved requests' }).waitFor();
    expect(await page.getByRole('region', { name: 'Open requests' }).count()).toBe(0);
    await item(olaResolved).waitFor();
    expect(await page.locator('li.takedown-item').count()).toBe(1);

    await page.getByLabel('Status').selectOption({ label: 'All (open first)' });
    await page.getByLabel('Creator').selectOption({ label: '@bartek.bakes (tiktok)' });
    await page.waitForURL(new RegExp(`/takedowns\\?creatorId=${bartekId}$`));
    await page.getByText('No resolved takedown requests.').waitFor();
    await item(bartekOpen).waitFor();
    expect(await page.locator('li.takedown-item').count()).toBe(1);
  });

  it('marks a request resolved with a note: said, counted in the navigation, recorded; the asset is untouched', async () => {
    await page.goto(`${instance.url}/takedowns?status=open`);
    const ola = item(olaOpen);
    await ola.getByLabel('Note (optional)').fill('Archived the tote video.');
    await ola.getByRole('button', { name: 'Mark resolved' }).click();
    await ola.getByRole('status').filter({ hasText: 'Marked resolved.' }).waitFor();
    expect(await ola.locator('.badge').innerText()).toBe('Resolved');
    expect(await ola.innerText()).toContain('Archived the tote video.');
    expect(await ola.getByRole('button', { name: 'Mark resolved' }).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Takedowns (1 open)' }).waitFor();
    await saveScreenshot(page, 'takedowns-resolved');

    const stored = (await instance.api('GET', `/api/v1/takedown-requests?status=resolved`)).items as Array<{ id: string; resolvedNote: string | null }>;
    expect(stored.find((r) => r.id === olaOpen)?.resolvedNote).toBe('Archived the tote video.');
    const tote = await instance.api('GET', `/api/v1/assets/${toteId}`);
    expect(tote).toMatchObject({ archivedAt: null, deletedAt: null });
  });

  it('tells a viewer in words that only content managers may resolve', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, viewerKey);
      await viewer.goto(`${instance.url}/takedowns`);
      const bartek = viewer.locator(`li.takedown-item[aria-labelledby="takedown-${bartekOpen}"]`);
      await bartek.getByRole('button', { name: 'Mark resolved' }).click();
      await bartek.getByRole('alert').filter({ hasText: 'Only content managers may resolve takedown requests.' }).waitFor();
      const open = (await instance.api('GET', '/api/v1/takedown-requests?status=open')).items as Array<{ id: string }>;
      expect(open.map((r) => r.id)).toEqual([bartekOpen]);
    } finally {
      await viewerContext.close();
    }
  });

  it('opens from an asset’s creator panel, showing that creator’s requests', async () => {
    await page.goto(`${instance.url}/assets/${toteId}`);
    await page.getByRole('button', { name: CREATOR_SECTION }).click(); // the panel is in a closed section of the asset page
    await page.getByRole('region', { name: 'Creator', exact: true }).getByRole('link', { name: 'Takedown requests from @ola.sews' }).click();
    await heading('Takedown requests').waitFor();
    expect(new URL(page.url()).search).toBe(`?creatorId=${olaId}`);
    expect(await page.getByLabel('Creator').inputValue()).toBe(olaId);
    await item(olaOpen).waitFor();
    await item(olaResolved).waitFor();
    expect(await page.locator('li.takedown-item').count()).toBe(2);
    await page.getByText('No open takedown requests.').waitFor();
  });

  it('fits a phone screen without sideways scrolling: the list and the creator panel', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      for (const pathname of ['/takedowns', `/assets/${toteId}`]) {
        await page.goto(`${instance.url}${pathname}`);
        if (pathname !== '/takedowns') await page.getByRole('button', { name: CREATOR_SECTION }).click();
        await page.locator('li.takedown-item, .creator-panel').first().waitFor();
        await sleep(200);
        expect({ pathname, overflow: await horizontalOverflow(page) }).toEqual({ pathname, overflow: 0 });
      }
      await saveScreenshot(page, 'takedowns-phone-creator-panel');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('speaks Polish', async () => {
    await page.goto(`${instance.url}/takedowns`);
    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    await heading('Żądania usunięcia').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Żądania usunięcia (otwarte: 1)' }).waitFor();
    await item(bartekOpen).locator('.badge', { hasText: 'Otwarte' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Nic nie jest wycofywane ani usuwane automatycznie');
    await saveScreenshot(page, 'takedowns-pl');
    await page.getByRole('banner').getByLabel('Język').selectOption('en');
  });
});
