import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { settledJob } from '../helpers/settled-job';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';

/**
 * Issue 12's end-to-end check, through the models that ship: Polish comments typed without a
 * question mark (and some without diacritics) are imported, classified by the NLP worker,
 * grouped into FAQ entries, and the content manager sees them as questions in an FAQ entry on
 * the product's insights screen, with the review statements under their aspects, not "other".
 */
const SKU = 'SKU-PL-FAQ';

const COMMENTS = [
  'jaki rozmiar wziąć przy 170 cm wzrostu',
  'Jaki rozmiar wziac przy 180 cm',
  'jaki rozmiar bierzecie przy 175 cm',
  'Czy wysyłacie do Niemiec',
  'Co zrobić gdy zegarek nie chce się ładować',
  'Materiał jest bardzo miękki i przyjemny, polecam',
  'Przesyłka doszła szybko, wszystko dobrze zapakowane.',
];

let browser: Browser;
let instance: TestInstance;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: ['nlp'] })]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

it('shows Polish questions without "?" as an FAQ entry of their topic, and review statements under their aspects', async () => {
  const rows = COMMENTS.map((text, i) => ({ platform: 'instagram', externalId: `pl-faq-${i}`, text, author: `osoba_${i}`, productSku: SKU }));
  const report = await instance.api('POST', '/api/v1/comments/import', rows);
  await settledJob(instance.services, report.jobId, 60_000);

  const stored = (await instance.api('GET', `/api/v1/comments?productSku=${SKU}`)).items as Array<{ text: string; isQuestion: boolean; topic: string }>;
  const labelOf = (text: string) => stored.find((c) => c.text === text)!;
  for (const question of COMMENTS.slice(0, 5)) expect(labelOf(question).isQuestion).toBe(true);
  expect(labelOf(COMMENTS[0]!).topic).toBe('size_fit');
  expect(labelOf(COMMENTS[3]!).topic).toBe('shipping');
  // One of issue 12's examples: the models before it called this "other".
  expect(labelOf(COMMENTS[4]!).topic).toBe('usage');
  expect(labelOf(COMMENTS[5]!)).toMatchObject({ isQuestion: false, topic: 'material' });
  expect(labelOf(COMMENTS[6]!)).toMatchObject({ isQuestion: false, topic: 'shipping' });

  await page.goto(`${instance.url}/`);
  await page.getByLabel('API key').fill(instance.adminKey);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await page.goto(`${instance.url}/insights/${SKU}`);
  // The size questions make one entry; its heading is one of them, as written (no "?").
  const entry = page
    .locator('article[aria-labelledby^="faq-"]')
    .filter({ hasText: /rozmiar/i })
    .first();
  await entry.waitFor({ timeout: 15_000 });
  const heading = (await entry.getByRole('heading').innerText()).trim();
  expect(COMMENTS.slice(0, 3)).toContain(heading);
  expect(heading).not.toContain('?');
  const insights = await instance.api('GET', `/api/v1/products/${SKU}/insights`);
  const sizeEntry = (insights.faq as Array<{ topic: string; question: string; count: number }>).find((f) => f.question === heading)!;
  expect(sizeEntry).toMatchObject({ topic: 'size_fit', count: 3 });
  await saveScreenshot(page, 'dashboard-insights-polish-questions');
}, 120_000);
