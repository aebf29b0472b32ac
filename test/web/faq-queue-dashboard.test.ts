import { comments } from '../../core/db';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import type { Locator } from 'playwright-core';
import { horizontalOverflow } from './dashboard-helpers';

/**
 * Issue 15's FAQ review queue: entries as compact rows (count, trend, topic, language, status),
 * one expanded to edit, merge, split and dismiss, filters, and the comments with author, date
 * and source; at desktop and phone width, in English and Polish. Data like the demo's: Polish
 * and English questions on one product, most asked once.
 */
const SKU = 'SKU-QUEUE-01';
const DAY = 24 * 3600_000;
type Q = [lang: 'pl' | 'en', topic: 'size_fit' | 'shipping' | 'material' | 'price' | 'usage' | 'availability', text: string, daysAgo: number];
const QUESTIONS: Q[] = [
  ['pl', 'size_fit', 'Jaki rozmiar bierze sie przy 180 cm wzrostu', 12],
  ['pl', 'size_fit', 'jaki rozmiar wybrac przy 180 cm', 3],
  ['pl', 'size_fit', 'Jaki rozmiar przy 175 cm wzrostu?', 2],
  ['en', 'size_fit', 'What size should I get at 180 cm?', 9],
  ['en', 'size_fit', 'does it come in XXL', 9],
  ['en', 'size_fit', 'Do they run true to size? I am usually a 43', 5],
  ['pl', 'shipping', 'Czy wysyłacie do Niemiec?', 13],
  ['pl', 'shipping', 'jak dlugo idzie przesylka do Krakowa', 8],
  ['en', 'shipping', 'How long does shipping to Germany take?', 4],
  ['en', 'material', 'What fabric is this? Feels like cotton but I am not sure', 9],
  ['pl', 'material', 'Czy ta koszulka nie kurczy się po praniu?', 11],
  ['pl', 'price', 'ile kosztuja te buty', 14],
  ['en', 'usage', 'Can it go in the dishwasher', 15],
  ['pl', 'usage', 'Czy kubek nadaje się do mikrofalówki?', 14],
  ['pl', 'availability', 'kiedy bedzie znowu rozmiar 44', 7],
  ['en', 'usage', 'How many ml does it hold?', 3],
];

let browser: Browser;
let instance: TestInstance;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: [] })]);
  const rows = QUESTIONS.map(([lang, topic, text, daysAgo], i) => ({
    platform: i % 2 ? 'tiktok' : 'instagram',
    externalId: `queue-${i}`,
    text,
    author: `shopper_${i}`,
    permalink: `https://www.instagram.com/p/queue/c/${i}/`,
    postedAt: new Date(Date.now() - daysAgo * DAY),
    productSku: SKU,
    lang,
    topic,
    sentiment: 'neutral' as const,
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  }));
  const ids = (await instance.services.database.db.insert(comments).values(rows).returning({ id: comments.id })).map((r) => r.id);
  await updateFaqEntries(instance.services.database.db, ids);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

async function openInsights(width: number, locale: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
  await page.goto(`${instance.url}/`);
  await page.locator('input[type="password"]').first().fill(instance.adminKey);
  await page.keyboard.press('Enter');
  await page.locator('h1').first().waitFor();
  await page.goto(`${instance.url}/insights/${SKU}`);
  await page.locator('.faq-queue, article[aria-labelledby^="faq-"]').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  return page;
}

/** The list reloads after a change: waits until it shows `n` rows (or fails after 5 s, with the count it saw). */
async function rowsToBe(rows: Locator, n: number): Promise<void> {
  for (let tries = 0; tries < 50 && (await rows.count()) !== n; tries++) await new Promise((r) => setTimeout(r, 100));
  expect(await rows.count()).toBe(n);
}

// page.evaluate runs in Chromium; this project type-checks with Node's types only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const sectionHeight = (page: Page) => page.locator('#faq-heading').evaluate((h) => Math.round(h.parentElement!.getBoundingClientRect().height));

it('shows the entries as a compact queue and expands one to edit, at desktop width in English', async () => {
  const page = await openInsights(1280, 'en-GB');
  const queue = page.getByRole('region', { name: 'FAQ entries' });
  console.log(`insights screen height, desktop: ${await height(page)} px; FAQ queue ${await sectionHeight(page)} px`);
  const rows = queue.locator('.faq-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(10);
  const first = rows.first();
  await expect(first.getByText('Polish').or(first.getByText('English')).first().isVisible()).resolves.toBe(true);
  // Expanding a row shows the editor with the question field as wide as the row.
  await first.getByRole('button', { name: /^Edit/ }).click();
  const question = queue.getByRole('textbox', { name: 'Question', exact: true });
  const [fieldWidth, rowWidth] = await Promise.all([
    question.evaluate((e) => e.getBoundingClientRect().width),
    first.evaluate((e) => e.getBoundingClientRect().width),
  ]);
  expect(fieldWidth).toBeGreaterThan(rowWidth * 0.8);
  // Comments carry author, date and source.
  const commentList = queue.getByRole('list', { name: /Comments/ });
  await commentList.waitFor();
  await expect(
    commentList
      .getByText(/shopper_\d+/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await expect(
    commentList
      .getByRole('link', { name: /instagram|tiktok/i })
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await saveScreenshot(page, 'dashboard-faq-queue-desktop-en');
  await page.close();
}, 60_000);

it('filters by language and topic, merges two rows, splits a comment off and dismisses, with labelled controls', async () => {
  const page = await openInsights(1280, 'en-GB');
  const queue = page.getByRole('region', { name: 'FAQ entries' });
  const filters = queue.getByRole('group', { name: 'Filter entries' });
  await filters.getByLabel('Language', { exact: true }).selectOption('pl');
  await filters.getByLabel('Topic', { exact: true }).selectOption('size_fit');
  await page.waitForTimeout(500);
  const rows = queue.locator('.faq-row');
  await expect(rows.count()).resolves.toBeGreaterThanOrEqual(1);
  await filters.getByLabel('Topic', { exact: true }).selectOption('');
  await filters.getByLabel('Language', { exact: true }).selectOption('en');
  await page.waitForTimeout(500);
  const before = await rows.count();
  // Split: the English size entry's first comment into an entry of its own.
  await rows.filter({ hasText: 'Size' }).first().getByRole('button', { name: /^Edit/ }).click();
  const commentBoxes = queue.getByRole('list', { name: /Comments/ }).getByRole('checkbox');
  await commentBoxes.first().waitFor();
  expect(await commentBoxes.count()).toBeGreaterThanOrEqual(2);
  await commentBoxes.first().check();
  await queue.getByRole('button', { name: /^Split/ }).click();
  await queue.getByRole('status').filter({ hasText: 'Split' }).first().waitFor();
  await rowsToBe(rows, before + 1);
  // Merge: the two size entries back into one.
  const sizeRows = rows.filter({ hasText: 'Size' });
  await sizeRows
    .nth(0)
    .getByRole('checkbox', { name: /^Select for merging/ })
    .check();
  await sizeRows
    .nth(1)
    .getByRole('checkbox', { name: /^Select for merging/ })
    .check();
  await queue.getByRole('button', { name: /^Merge/ }).click();
  await queue.getByRole('status').filter({ hasText: 'Merged' }).waitFor();
  await rowsToBe(rows, before);
  // Dismiss: the row leaves the queue.
  const count = await rows.count();
  await rows.last().getByRole('button', { name: /^Edit/ }).click();
  await queue.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await rowsToBe(rows, count - 1);
  await saveScreenshot(page, 'dashboard-faq-queue-reviewed-en');
  await page.close();
}, 60_000);

it('works at phone width in Polish, without sideways scrolling', async () => {
  const page = await openInsights(390, 'pl-PL');
  console.log(`insights screen height, phone: ${await height(page)} px; FAQ queue ${await sectionHeight(page)} px`);
  const queue = page.getByRole('region', { name: 'Pytania FAQ' });
  await expect(queue.locator('.faq-row').count()).resolves.toBeGreaterThanOrEqual(8);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await queue
    .locator('.faq-row')
    .first()
    .getByRole('button', { name: /^Edytuj/ })
    .click();
  await queue.getByRole('textbox', { name: 'Pytanie', exact: true }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'dashboard-faq-queue-phone-pl');
  await page.close();
}, 60_000);
