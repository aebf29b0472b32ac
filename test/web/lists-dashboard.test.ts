import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { assets, comments } from '../../core/db';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { insertAsset } from '../core/licensing/fixtures';
import { horizontalOverflow } from './dashboard-helpers';

/**
 * The lists a person needs, in real Chromium against a real instance: the Licenses screen
 * (search, state and channel filters, order, the navigation while editing one), the Creators
 * screen (search, tier, order) and a creator's profile (details, assets, licenses, requests),
 * and the insights screen's product list with comment counts; at desktop and phone width, in
 * English and Polish. Screenshots: test-artifacts/screenshots/lists-*.png.
 */
let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let olaId: string;
let toteLicense: string;
const DAY = 24 * 60 * 60 * 1000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  const db = instance.services.database.db;
  olaId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000, engagementRate: 0.05 })).id;
  const bartekId = (await instance.api('POST', '/api/v1/creators', { handle: 'bartek.bakes', platform: 'tiktok', followers: 3_000, engagementRate: 0.09 })).id;
  await instance.api('POST', '/api/v1/creators', { handle: 'ana.runs', platform: 'tiktok', followers: 1_500_000 });
  const tote = await insertAsset(db, olaId);
  const bread = await insertAsset(db, bartekId);
  await db.update(assets).set({ title: 'Linen tote', status: 'ready' }).where(eq(assets.id, tote));
  await db.update(assets).set({ title: 'Sourdough loaf', status: 'ready' }).where(eq(assets.id, bread));
  const terms = { territories: ['PL'], channels: ['paid_social'], derivativesAllowed: false, status: 'active' };
  toteLicense = (await instance.api('POST', '/api/v1/licenses', { ...terms, assetIds: [tote], startsAt: iso(-30), endsAt: iso(10) })).id;
  await instance.api('POST', '/api/v1/licenses', { ...terms, assetIds: [bread], startsAt: iso(-30), endsAt: iso(300), channels: ['product_page'] });
  await instance.api('POST', '/api/v1/licenses', { ...terms, creatorId: olaId, startsAt: iso(-30), endsAt: null, territories: ['WW'] });
  const comment = (externalId: string, productSku: string) => ({ platform: 'instagram', externalId, text: `comment ${externalId}`, productSku });
  await db.insert(comments).values([comment('1', 'SKU-TOTE'), comment('2', 'SKU-TOTE'), comment('3', 'SKU-LOAF')]);

  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${instance.url}/`);
  await page.getByLabel('API key').fill(instance.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

const heading = (text: string) => page.getByRole('heading', { level: 1, name: text });
const nav = () => page.getByRole('navigation', { name: 'Main' });
const licenseItems = () => page.locator('li.license-item');

describe('the Licenses screen', () => {
  it('lists every license, filters by state and search in the address, and sorts by end date', async () => {
    await nav().getByRole('link', { name: 'Licenses', exact: true }).click();
    await heading('Licenses').waitFor();
    await page.getByRole('status').filter({ hasText: 'Licenses shown: 3' }).waitFor();
    await saveScreenshot(page, 'lists-licenses');

    await page.getByLabel('State').selectOption({ label: 'Expiring' });
    await page.getByRole('status').filter({ hasText: 'Licenses shown: 1' }).waitFor();
    expect(new URL(page.url()).search).toBe('?state=expiring');
    await licenseItems().getByRole('link', { name: 'Linen tote' }).waitFor();

    await page.getByLabel('State').selectOption({ label: 'Any' });
    await page.getByLabel('Search').fill('@ola');
    await page.getByRole('status').filter({ hasText: 'Licenses shown: 2' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('@ola');

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Sort by').selectOption('ends');
    await page.getByRole('status').filter({ hasText: 'Licenses shown: 3' }).waitFor();
    // Soonest end first, the perpetual creator-wide license last (the count alone does not show the new order).
    await page.waitForURL((url) => url.search === '?sort=ends');
    await licenseItems().first().filter({ hasText: 'Linen tote' }).waitFor();
    await licenseItems().last().filter({ hasText: 'All content of @ola.sews' }).waitFor();
  });

  it('opens the editor with "Licenses" highlighted, "Expiring licenses" still offered', async () => {
    await page.goto(`${instance.url}/licenses`);
    await licenseItems().first().waitFor();
    await page.goto(`${instance.url}/licenses/${toteLicense}`);
    await expect(nav().getByRole('link', { name: 'Licenses', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(nav().getByRole('link', { name: 'Expiring licenses' }).getAttribute('aria-current')).resolves.toBeNull();
  });
});

describe('the Creators screen and a creator profile', () => {
  it('finds creators by handle, filters by tier and sorts by followers', async () => {
    await page.goto(`${instance.url}/creators`);
    await heading('Creators').waitFor();
    await page.getByRole('status').filter({ hasText: 'Creators shown: 3' }).waitFor();
    await page.getByLabel('Sort by').selectOption({ label: 'Followers, most first' });
    await page.locator('tbody tr').first().filter({ hasText: '@ana.runs' }).waitFor();
    await saveScreenshot(page, 'lists-creators');
    await page.getByLabel('Tier').selectOption({ label: 'micro' });
    await page.getByRole('status').filter({ hasText: 'Creators shown: 1' }).waitFor();
    await page.getByLabel('Tier').selectOption({ label: 'Any' });
    await page.getByLabel('Search').fill('bart');
    await page.getByRole('status').filter({ hasText: 'Creators shown: 1' }).waitFor();
    await page.getByRole('link', { name: '@bartek.bakes' }).waitFor();
  });

  it('shows a profile: details and tier, engagement over time, assets, licenses with their state, rights requests', async () => {
    await page.goto(`${instance.url}/creators`);
    await page.getByRole('link', { name: '@ola.sews' }).click();
    await heading('@ola.sews').waitFor();
    expect(await nav().getByRole('link', { name: 'Creators' }).getAttribute('aria-current')).toBe('page');
    await page.locator('.creator-summary').filter({ hasText: 'micro' }).waitFor();
    await page.getByRole('region', { name: 'Creator', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Assets' }).getByText('Linen tote').first().waitFor();
    const licensesRegion = page.getByRole('region', { name: 'Licenses' });
    await licensesRegion.locator('li.license-item').nth(1).waitFor();
    expect(await licensesRegion.locator('.badge').allInnerTexts()).toEqual(['Expiring', 'Active']);
    await page.getByRole('region', { name: 'Rights requests' }).getByText('No rights requests here.').waitFor();
    const engagement = page.getByRole('region', { name: 'Followers and engagement over time' });
    await engagement.getByRole('row').filter({ hasText: '12,000' }).filter({ hasText: '5 %' }).waitFor();
    await saveScreenshot(page, 'lists-creator-profile');
  });
});

describe('the insights product list', () => {
  it('offers the products with their comment counts, most commented first, and opens one', async () => {
    await page.goto(`${instance.url}/insights`);
    const picker = page.getByLabel('Product (SKU)');
    await picker.locator('option', { hasText: 'SKU-TOTE' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allInnerTexts()).toEqual(['Choose a product', 'SKU-TOTE · comments: 2', 'SKU-LOAF · comments: 1']);
    await picker.selectOption('SKU-LOAF');
    await page.waitForURL(/\/insights\/SKU-LOAF$/);
    expect(await page.getByLabel('Product (SKU)').inputValue()).toBe('SKU-LOAF');
    await saveScreenshot(page, 'lists-insights-products');
  });
});

describe('phone width and Polish', () => {
  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      for (const [pathname, ready] of [
        ['/licenses', 'li.license-item'],
        ['/creators', 'tbody tr'],
        [`/creators/${olaId}`, 'li.license-item'],
        ['/insights', '.product-picker select:enabled'],
      ] as const) {
        await page.goto(`${instance.url}${pathname}`);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(200);
        expect({ pathname, overflow: await horizontalOverflow(page) }).toEqual({ pathname, overflow: 0 });
        await saveScreenshot(page, `lists-phone${pathname.replace(/\/[0-9a-f-]{36}$/, '-profile').replace(/\//g, '-')}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('speaks Polish on each new screen', async () => {
    await page.goto(`${instance.url}/licenses`);
    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    try {
      await page.getByRole('heading', { level: 1, name: 'Licencje' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Wyświetlone licencje: 3' }).waitFor();
      await page.getByLabel('Stan').waitFor();
      await saveScreenshot(page, 'lists-licenses-pl');
      await page.getByRole('navigation', { name: 'Główna' }).getByRole('link', { name: 'Twórcy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Twórcy' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Wyświetleni twórcy: 3' }).waitFor();
      await saveScreenshot(page, 'lists-creators-pl');
      await page.getByRole('link', { name: '@ola.sews' }).click();
      await page.getByRole('heading', { level: 2, name: 'Materiały', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Poproś o licencję' }).waitFor();
      await saveScreenshot(page, 'lists-creator-profile-pl');
      await page.goto(`${instance.url}/insights`);
      await page.getByLabel('Produkt (SKU)').locator('option', { hasText: 'SKU-TOTE · komentarze: 2' }).waitFor({ state: 'attached' });
      await saveScreenshot(page, 'lists-insights-pl');
    } finally {
      await page.getByRole('banner').getByLabel('Język').selectOption('en');
    }
  });
});
