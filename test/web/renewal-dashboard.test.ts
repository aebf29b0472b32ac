import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { horizontalOverflow } from './dashboard-helpers';

/**
 * Asking a creator to renew an expiring license, in real Chromium against a real instance:
 * "Ask to renew" on the Expiring licenses screen opens the request form with the license's
 * creator (locked), what it covers (shown, not chosen) and every term of it, for the period
 * that follows on; the request is listed as a renewal; the creator accepts on their page, and
 * the SAME license then runs to the new end from its old start. Also: a license over all of a
 * creator's content, a revoked license, Polish, a phone's width.
 * Screenshots: test-artifacts/screenshots/renewal-*.png.
 */
let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let dir: string;
let managerKey: string;
let creatorId: string;
let assetId: string;
/**
 * A license over the asset: started 15 days ago, ending in 10 (local midnights), so 25 days long:
 * never a whole number of months, which a renewal would keep as months.
 */
let license: { id: string; startsAt: string; endsAt: string };
/** A license over all of the creator's content, 100 days long, ending in 20 days. */
let creatorLicenseId: string;
let requestId: string;
let link: string;

const day = (offset: number): Date => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
};

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'renewal-dashboard-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.brews', platform: 'tiktok', followers: 31_000 })).id;
  const image = await makeImage(dir, 'kettle.jpg', { width: 800, height: 800, format: 'jpeg', colour: '#b03a2e' });
  const uploaded = await instance.upload(image, { creatorId, title: 'Red kettle pour' });
  assetId = uploaded.id;
  await settledJob(instance.services, uploaded.jobId, 40_000);
  license = await instance.api('POST', '/api/v1/licenses', {
    assetIds: [assetId],
    territories: ['WW'],
    excludedTerritories: ['RU'],
    channels: ['paid_social', 'product_page'],
    startsAt: day(-15).toISOString(),
    endsAt: day(10).toISOString(),
    derivativesAllowed: true,
    exclusivity: { scope: 'category', category: 'kettles' },
    fee: { amount: '900.00', currency: 'EUR' },
    disclosureRequired: false,
    attributionRequired: true,
    status: 'active',
  });
  creatorLicenseId = (
    await instance.api('POST', '/api/v1/licenses', {
      creatorId,
      territories: ['PL'],
      channels: ['organic_social'],
      startsAt: day(-80).toISOString(),
      endsAt: day(20).toISOString(),
      derivativesAllowed: false,
      status: 'active',
    })
  ).id;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const heading = (text: string | RegExp, on: Page = page) => on.getByRole('heading', { level: 1, name: text });
const licenseCard = (id: string) => page.locator('.expiring-list > li').filter({ has: page.locator(`a[href="/licenses/${id}"]`) });

async function signIn(key: string): Promise<void> {
  await page.goto(`${instance.url}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading('Library').waitFor();
}

describe('asking to renew an expiring license', () => {
  it('offers "Ask to renew" on each expiring license', async () => {
    await signIn(managerKey);
    await page.getByRole('navigation').getByRole('link', { name: 'Expiring licenses' }).click();
    await heading('Expiring licenses').waitFor();
    const card = licenseCard(license.id);
    await card.waitFor();
    expect(await licenseCard(creatorLicenseId).getByRole('link', { name: 'Ask to renew' }).count()).toBe(1);
    const ask = card.getByRole('link', { name: 'Ask to renew' });
    expect(await ask.getAttribute('href')).toBe(`/requests/new?renewsLicenseId=${license.id}`);
    await saveScreenshot(page, 'renewal-expiring');
    await ask.click();
    await heading('Ask to renew a license').waitFor();
    expect(new URL(page.url()).search).toBe(`?renewsLicenseId=${license.id}`);
  });

  it('says which license it renews, locks its creator, shows what it covers and starts from every term, for the period that follows', async () => {
    const note = page.locator('.renewal-note');
    await note.waitFor();
    const ends = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(license.endsAt));
    expect(await note.innerText()).toContain(`Renewal of license ${license.id.slice(0, 8)} (ends ${ends}).`);
    expect(await note.getByRole('link', { name: 'Open the license' }).getAttribute('href')).toBe(`/licenses/${license.id}`);

    const creator = page.getByLabel('Creator', { exact: true });
    await creator.locator('option', { hasText: '@ola.brews' }).waitFor({ state: 'attached' });
    expect(await creator.inputValue()).toBe(creatorId);
    expect(await creator.isDisabled()).toBe(true);
    const content = page.getByRole('group', { name: 'What you ask for' });
    expect(await content.innerText()).toContain('The license’s assets (1)');
    await content.getByRole('link', { name: 'Red kettle pour' }).waitFor();
    expect(await page.getByRole('radio', { name: /Chosen assets/ }).count()).toBe(0);

    expect(await page.getByLabel('Worldwide').isChecked()).toBe(true);
    expect(await page.getByRole('list', { name: 'Except these countries' }).innerText()).toContain('Russia');
    expect(await page.getByLabel('Paid social').isChecked()).toBe(true);
    expect(await page.getByLabel('Product pages').isChecked()).toBe(true);
    expect(await page.getByLabel('Organic social').isChecked()).toBe(false);
    expect(await page.getByLabel('Edits allowed (ad cuts, crops)').isChecked()).toBe(true);
    expect(await page.getByLabel('Must be marked as advertising').isChecked()).toBe(false);
    expect(await page.getByLabel('Must credit the creator').isChecked()).toBe(true);
    expect(await page.getByLabel('Scope').inputValue()).toBe('category');
    expect(await page.getByLabel('Category').inputValue()).toBe('kettles');
    expect(await page.getByLabel('Amount').inputValue()).toBe('900.00');
    expect(await page.getByLabel('Currency').inputValue()).toBe('EUR');
    // From the old end, as long again (25 days): the last day is the 24th after the old end.
    expect(await page.getByLabel('First day').inputValue()).toBe(isoDay(day(10)));
    expect(await page.getByLabel('Last day', { exact: true }).inputValue()).toBe(isoDay(day(34)));
    expect(await page.getByLabel('No end date (perpetual)').isChecked()).toBe(false);
    await saveScreenshot(page, 'renewal-form');
  });

  it('sends the renewal: the license named, no assets, the terms as shown', async () => {
    await page.getByRole('button', { name: 'Create the request' }).click();
    await heading('Rights request created').waitFor();
    link = await page.locator('a.request-url').innerText();
    const { items } = await instance.api('GET', `/api/v1/rights-requests?creatorId=${creatorId}`);
    expect(items).toHaveLength(1);
    requestId = items[0].id;
    expect(items[0]).toMatchObject({
      status: 'pending',
      renewsLicenseId: license.id,
      assetIds: [assetId],
      terms: {
        territories: ['WW'],
        excludedTerritories: ['RU'],
        channels: ['paid_social', 'product_page'],
        derivativesAllowed: true,
        exclusivity: { scope: 'category', category: 'kettles' },
        fee: { amount: '900.00', currency: 'EUR' },
        disclosureRequired: false,
        attributionRequired: true,
      },
    });
    expect(Date.parse(items[0].terms.startsAt)).toBe(day(10).getTime());
    expect(Date.parse(items[0].terms.endsAt)).toBe(day(35).getTime());
  });

  it('lists it as a renewal, with a link to the license', async () => {
    await page.getByRole('link', { name: 'All rights requests' }).click();
    await heading('Rights requests').waitFor();
    const item = page.locator(`li.request-item[aria-labelledby="request-${requestId}"]`);
    await item.waitFor();
    expect(await item.locator('.request-renewal').innerText()).toBe(`Renewal · License ${license.id.slice(0, 8)}`);
    expect(await item.getByRole('link', { name: `License ${license.id.slice(0, 8)}` }).getAttribute('href')).toBe(`/licenses/${license.id}`);
    await saveScreenshot(page, 'renewal-list');
  });

  it('once the creator accepts on their page, the same license runs to the new end from its old start', async () => {
    const creatorPage = await context.newPage();
    expect((await creatorPage.goto(link))?.status()).toBe(200);
    await creatorPage.getByLabel('Full name').fill('Ola Nowak');
    await creatorPage.getByLabel('E-mail').fill('ola@example.com');
    await creatorPage.getByLabel('I have read the terms and grant a license on them.').check();
    await creatorPage.getByRole('button', { name: 'I accept' }).click();
    await heading('Thank you! The license is granted.', creatorPage).waitFor();
    await creatorPage.close();

    const answered = await instance.api('GET', `/api/v1/rights-requests/${requestId}`);
    expect(answered).toMatchObject({ status: 'accepted', licenseId: license.id, renewsLicenseId: license.id });
    const renewed = await instance.api('GET', `/api/v1/licenses/${license.id}`);
    expect(renewed).toMatchObject({ id: license.id, assetIds: [assetId], status: 'active', exclusivity: { scope: 'category', category: 'kettles' } });
    expect(Date.parse(renewed.startsAt)).toBe(Date.parse(license.startsAt));
    expect(Date.parse(renewed.endsAt)).toBe(day(35).getTime());
    const { items } = await instance.api('GET', '/api/v1/licenses?limit=200');
    expect(items.filter((l: { assetIds: string[] }) => l.assetIds.includes(assetId))).toHaveLength(1); // no second license

    await page.reload();
    const item = page.locator(`li.request-item[aria-labelledby="request-${requestId}"]`);
    await item.locator('.badge', { hasText: 'Accepted' }).waitFor();
    expect(await item.getByRole('link', { name: 'Open the license' }).getAttribute('href')).toBe(`/licenses/${license.id}`);
    await saveScreenshot(page, 'renewal-accepted');
  });

  it('renews a license over all of a creator’s content as such, its creator found without assets', async () => {
    await page.goto(`${instance.url}/expiring`);
    await licenseCard(creatorLicenseId).getByRole('link', { name: 'Ask to renew' }).click();
    await heading('Ask to renew a license').waitFor();
    const content = page.getByRole('group', { name: 'What you ask for' });
    await content.getByText('All of the creator’s content, posted and future (as the license covers)').waitFor();
    expect(await page.getByLabel('Creator', { exact: true }).inputValue()).toBe(creatorId);
    expect(await page.getByLabel('Chosen countries').isChecked()).toBe(true);
    expect(await page.getByRole('list', { name: 'Countries', exact: true }).innerText()).toContain('Poland');
    expect(await page.getByLabel('Organic social').isChecked()).toBe(true);
    expect(await page.getByLabel('Scope').inputValue()).toBe('none');
    expect(await page.getByLabel('First day').inputValue()).toBe(isoDay(day(20)));
    expect(await page.getByLabel('Last day', { exact: true }).inputValue()).toBe(isoDay(day(119))); // 100 days again
  });

  it('speaks Polish', async () => {
    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    await heading('Poproś o przedłużenie licencji').waitFor();
    expect(await page.locator('.renewal-note').innerText()).toContain(`Przedłużenie licencji ${creatorLicenseId.slice(0, 8)} (kończy się`);
    await page.getByText('Wszystkie materiały twórcy, opublikowane i przyszłe (tak jak w licencji)').waitFor();
    await saveScreenshot(page, 'renewal-pl');
    await page.getByRole('banner').getByLabel('Język').selectOption('en');
    await heading('Ask to renew a license').waitFor();
  });

  it('says a revoked license cannot be renewed instead of offering the form', async () => {
    const revoked = await instance.api('POST', '/api/v1/licenses', {
      assetIds: [assetId],
      territories: ['DE'],
      channels: ['paid_social'],
      startsAt: day(-5).toISOString(),
      endsAt: day(5).toISOString(),
      derivativesAllowed: false,
    });
    await instance.api('POST', `/api/v1/licenses/${revoked.id}/revoke`, {});
    await page.goto(`${instance.url}/requests/new?renewsLicenseId=${revoked.id}`);
    await page.getByRole('alert').filter({ hasText: 'This license is revoked and cannot be renewed' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create the request' }).count()).toBe(0);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const pathname of ['/expiring', `/requests/new?renewsLicenseId=${license.id}`, '/requests']) {
      await page.goto(`${instance.url}${pathname}`);
      await page.locator('h1').waitFor();
      await sleep(300);
      expect({ pathname, overflow: await horizontalOverflow(page) }).toEqual({ pathname, overflow: 0 });
    }
    await page.goto(`${instance.url}/requests/new?renewsLicenseId=${license.id}`);
    await page.locator('.renewal-note').waitFor();
    await saveScreenshot(page, 'renewal-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

/** YYYY-MM-DD in local time, as a date input takes it. */
const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
