import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFParse } from 'pdf-parse';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { horizontalOverflow, imagesDecoded, tabTo } from './dashboard-helpers';

/**
 * The creator's side in real Chromium on a phone-sized screen, in Polish: the link from a
 * rights request opens the terms in plain words with the asked-for photos, the form is filled
 * with the keyboard, and the answer makes an active license whose generated contract carries
 * the creator's name with its Polish letters. Screenshots: test-artifacts/screenshots/request-page-*.png.
 */
let browser: Browser;
let instance: TestInstance;
let page: Page;
let dir: string;
const DAY = 24 * 60 * 60 * 1000;
const NAME = 'Łucja Żółkiewska-Gęś';

beforeAll(async () => {
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ env: { BRAND_NAME: 'Marka' } })]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'request-page-'));
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'pl-PL' });
}, 120_000);
afterAll(async () => {
  await page?.close();
  await Promise.all([browser?.close(), instance?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function readyPhoto(creatorId: string, name: string, colour: string): Promise<string> {
  return instance.uploadReady(await makeImage(dir, name, { width: 1200, height: 1500, format: 'jpeg', colour }), { creatorId });
}

it('a creator reads the terms on a phone, accepts with the keyboard, and the license is active with its contract', async () => {
  const creator = await instance.api('POST', '/api/v1/creators', { handle: 'lucja.gotuje', platform: 'instagram', followers: 48_000 });
  const assetIds = [await readyPhoto(creator.id, 'salad.jpg', '#3c8d40'), await readyPhoto(creator.id, 'soup.jpg', '#c8553d')];
  const asked = await instance.api('POST', '/api/v1/rights-requests', {
    creatorId: creator.id,
    assetIds,
    language: 'pl',
    message: 'Twoje zdjęcia świetnie pokazują nasz produkt!',
    terms: {
      territories: ['PL'],
      channels: ['paid_social', 'product_page'],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 180 * DAY).toISOString(),
      derivativesAllowed: true,
      disclosureRequired: true,
      fee: { amount: '800', currency: 'PLN' },
    },
  });

  const response = await page.goto(asked.url);
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe('pl');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Marka');
  const terms = await page.locator('ul.terms').innerText();
  expect(terms).toContain('2 zdjęcia');
  expect(terms).toContain('REKLAMA'); // Poland alone: the Polish label
  expect(terms).toMatch(/800,00\szł/);
  await page.waitForFunction(() => true);
  expect(await imagesDecoded(page.locator('.posters img'))).toBe(true);
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'request-page-pl-phone');

  await tabTo(page, /Imię i nazwisko/);
  await page.keyboard.type(NAME);
  await page.keyboard.press('Tab');
  await page.keyboard.type('lucja@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // the explicit yes
  expect(await page.getByLabel(/udzielam licencji/).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Dziękujemy');
  await saveScreenshot(page, 'request-page-pl-accepted');

  const answered = await instance.api('GET', `/api/v1/rights-requests/${asked.id}`);
  expect(answered).toMatchObject({ status: 'accepted', evidence: { method: 'link', name: NAME, email: 'lucja@example.com' } });
  expect(answered.evidence.userAgent).toMatch(/Chrome/);
  const license = await instance.api('GET', `/api/v1/licenses/${answered.licenseId}`);
  expect(license).toMatchObject({ state: 'active', assetIds: [...assetIds].sort(), territories: ['PL'] });

  const { url } = await instance.api('GET', `/api/v1/licenses/${license.id}/contract`);
  const pdf = Buffer.from(await (await fetch(new URL(url, instance.url))).arrayBuffer());
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain(NAME);
    expect(text).toContain(answered.evidence.sha256);
    expect(text).toContain('REKLAMA');
  } finally {
    await parser.destroy();
  }

  // The thank-you page's optional upload: a plain form, no script, sends an original in full quality.
  const original = await makeImage(dir, 'salad-original.jpg', { width: 1600, height: 2000, format: 'jpeg', colour: '#3c8d41' });
  await page.getByLabel('Plik (zdjęcie lub film)').setInputFiles(original);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Wyślij plik' }).click()]);
  await expect(page.locator('h1').innerText()).resolves.toContain('Plik dotarł');
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'request-page-pl-original');
  const covered = (await instance.api('GET', `/api/v1/licenses/${license.id}`)).assetIds as string[];
  const originalId = covered.find((id) => !assetIds.includes(id));
  expect(covered).toHaveLength(3);
  for (let i = 0; i < 300 && (await instance.api('GET', `/api/v1/assets/${originalId}`)).status !== 'ready'; i++) await sleep(100);
  expect(await instance.api('GET', `/api/v1/assets/${originalId}`)).toMatchObject({ status: 'ready', creatorId: creator.id, width: 1600, height: 2000 });

  expect((await page.goto(asked.url))?.status()).toBe(410); // the link answers once
  expect(await page.locator('h1').innerText()).toContain('licencja została udzielona');
}, 180_000);
