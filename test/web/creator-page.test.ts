import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { insertApiKey, insertUsage } from '../core/licensing/fixtures';
import { horizontalOverflow, imagesDecoded, tabTo } from './dashboard-helpers';

/**
 * The creator's own page in real Chromium on a phone-sized screen, in Polish: their photos with
 * what each license allows and until when, where one went out, and a takedown asked for with
 * the keyboard, which the content managers then see. Screenshots:
 * test-artifacts/screenshots/creator-page-*.png.
 */
let browser: Browser;
let instance: TestInstance;
let page: Page;
let dir: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ env: { BRAND_NAME: 'Marka' } })]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'creator-page-'));
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'pl-PL' });
}, 120_000);
afterAll(async () => {
  await page?.close();
  await Promise.all([browser?.close(), instance?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function readyPhoto(creatorId: string, name: string, colour: string, title: string): Promise<string> {
  return instance.uploadReady(await makeImage(dir, name, { width: 1200, height: 1500, format: 'jpeg', colour }), { creatorId, title });
}

it('a creator sees where their photos are used and until when, and asks for one to be taken down', async () => {
  const creator = await instance.api('POST', '/api/v1/creators', { handle: 'ela.piecze', platform: 'instagram', followers: 9_000 });
  const bread = await readyPhoto(creator.id, 'bread.jpg', '#c49a6c', 'Chleb na zakwasie');
  const cake = await readyPhoto(creator.id, 'cake.jpg', '#8a3d5c', 'Sernik');
  const license = await instance.api('POST', '/api/v1/licenses', {
    assetIds: [bread],
    territories: ['PL'],
    channels: ['product_page'],
    startsAt: new Date(Date.now() - 30 * DAY).toISOString(),
    endsAt: '2030-06-30T22:00:00Z',
    derivativesAllowed: false,
  });
  const db = instance.services.database.db;
  await insertUsage(db, {
    apiKeyId: await insertApiKey(db),
    assetId: bread,
    licenseId: license.id,
    channel: 'product_page',
    territory: 'PL',
    campaign: 'jesień',
  });
  const { url } = await instance.api('POST', `/api/v1/creators/${creator.id}/page-link`, {});

  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe('pl');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Twoje materiały u marki Marka');
  const breadSection = page.locator('section.asset', { has: page.getByRole('heading', { name: 'Chleb na zakwasie' }) });
  const breadText = await breadSection.innerText();
  expect(breadText).toContain('Obowiązuje: Marka może wykorzystywać Twoje zdjęcie na stronach produktów marki, w kraju: Polska, do 30 czerwca 2030.');
  expect(breadText).toMatch(/Na stronach produktów marki · Polska · kampania „jesień” · dnia \d+ \S+ \d{4}/);
  const cakeText = await page.locator('section.asset', { has: page.getByRole('heading', { name: 'Sernik' }) }).innerText();
  expect(cakeText).toContain('Brak licencji: marka nie może tego używać.');
  expect(await imagesDecoded(page.locator('section.asset img'))).toBe(true);
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'creator-page-pl-phone');

  await tabTo(page, /Wycofaj: Sernik/);
  await page.keyboard.press('Space');
  await tabTo(page, /Powód/);
  await page.keyboard.type('Ten przepis już nieaktualny');
  await tabTo(page, /Wyślij prośbę/);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.locator('h1').innerText()).resolves.toBe('Prośba wysłana. Zespół marki się nią zajmie.');

  const open = await instance.api('GET', `/api/v1/takedown-requests?status=open&creatorId=${creator.id}`);
  expect(open.items).toEqual([expect.objectContaining({ assetIds: [cake], reason: 'Ten przepis już nieaktualny', creatorHandle: 'ela.piecze' })]);
  expect((await instance.api('GET', `/api/v1/assets/${cake}`)).archivedAt ?? null).toBeNull(); // nothing withdrawn by itself

  await page.goto(url);
  const asked = await page
    .locator('section.asset', { has: page.getByRole('heading', { name: 'Sernik' }) })
    .locator('.pending')
    .innerText();
  expect(asked).toMatch(/Poprosiłeś\(-aś\) o wycofanie \d+ \S+ \d{4}; marka odpowie\./);
  await saveScreenshot(page, 'creator-page-pl-takedown');
}, 120_000);
