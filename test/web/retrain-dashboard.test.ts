import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { settledJob } from '../helpers/settled-job';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';

/**
 * Retraining from the FAQ insights screen, in real Chromium against a real instance and nlp
 * worker: the button starts the job, its stage is shown while it runs, and once done the old and
 * new models' figures and how many stored comments changed label. The browser's request is
 * given `rowsPerCorpus` on its way (a seeded sample of each corpus) so the real training takes
 * seconds, not minutes. Screenshot: test-artifacts/screenshots/retrain-done.png.
 */
const SKU = 'SKU-RETRAIN-01';
const TEXTS = ['Is this mug dishwasher safe?', 'Czy kubek można myć w zmywarce?', 'Arrived chipped, had to send it back', 'Piękny kubek ☕'];

let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: ['nlp'] })]);
  const imported = await instance.api(
    'POST',
    '/api/v1/comments/import',
    TEXTS.map((text, i) => ({ platform: 'instagram', externalId: `retrain-${i}`, text, productSku: SKU })),
  );
  await settledJob(instance.services, imported.jobId, 60_000);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.route('**/api/v1/comments/retrain', (route) =>
    route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), rowsPerCorpus: 300 }) }),
  );
  await page.goto(`${instance.url}/`);
  await page.getByLabel('API key').fill(instance.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

test('starts a retrain, follows its stages and shows the figures before and after', async () => {
  await page.goto(`${instance.url}/insights/${SKU}`);
  const panel = page.getByRole('region', { name: 'Retrain the comment models' });
  await panel.getByRole('button', { name: 'Retrain' }).click();
  await panel.getByRole('progressbar', { name: 'Retrain the comment models' }).waitFor();
  await panel.getByText(`changed label`).waitFor({ timeout: 240_000 });
  expect(await panel.getByText(new RegExp(`of ${TEXTS.length} stored comments changed label`)).count()).toBe(1);
  const table = panel.getByRole('table');
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Measure', 'Before', 'After']);
  expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([
    'Questions (F1)',
    'Topics (macro F1)',
    'Sentiment (macro F1)',
    'Spam (F1)',
    'Substantive (F1)',
  ]);
  const scores = (await table.locator('td').allInnerTexts()).map(Number);
  expect(scores).toHaveLength(10);
  for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
  await saveScreenshot(page, 'retrain-done');
}, 300_000);

test('a retrain can be cancelled from the panel: it stops and the models in use stay', async () => {
  await page.goto(`${instance.url}/insights/${SKU}`);
  const panel = page.getByRole('region', { name: 'Retrain the comment models' });
  const before = (await instance.api('POST', '/api/v1/comments/classify', { texts: ['Is it big?'] })).items[0].modelVersion;
  await panel.getByRole('button', { name: 'Retrain', exact: true }).click();
  await panel.getByRole('progressbar', { name: 'Retrain the comment models' }).waitFor();
  await panel.getByRole('button', { name: 'Cancel retraining' }).click();
  await panel.getByText('Retraining cancelled: the models in use stay.').waitFor({ timeout: 60_000 });
  expect(await panel.getByRole('button', { name: 'Cancel retraining' }).count()).toBe(0);
  expect(await panel.getByRole('alert').count()).toBe(0);
  expect((await instance.api('POST', '/api/v1/comments/classify', { texts: ['Is it big?'] })).items[0].modelVersion).toBe(before);
  await saveScreenshot(page, 'retrain-cancelled');
});
