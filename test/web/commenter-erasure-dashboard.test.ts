import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { describedBy, focused } from './dashboard-helpers';

/**
 * Erasing a commenter from the FAQ insights screen, in real Chromium against a real instance:
 * the platform and the author are asked for first; a question says it cannot be undone, and
 * keeping them erases nothing; yes erases every comment by that author on that platform (as
 * platforms compare handles, other platforms untouched) and says how many; nothing found is
 * said too; a viewer is refused in words; Polish. Screenshots: test-artifacts/screenshots/commenter-erasure-*.png.
 */
const SKU = 'SKU-ERASE-01';
const COMMENTS = [
  { platform: 'instagram', author: '@Kasia.W', text: 'Does the tote come in navy blue?' },
  { platform: 'instagram', author: 'kasia.w', text: 'Ordered it twice already, love the stitching' },
  { platform: 'instagram', author: 'ＫＡＳＩＡ.W', text: 'Is shipping free to Gdańsk?' },
  { platform: 'instagram', author: 'tomek', text: 'How long is the strap?' },
  { platform: 'tiktok', author: 'kasia.w', text: 'Such nice colours on this one' },
];

let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let managerKey: string;
let viewerKey: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  // No workers: the comments need no classification to be listed and erased.
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: [] })]);
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  viewerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Piotr (viewer)', role: 'viewer' })).key;
  await instance.api(
    'POST',
    '/api/v1/comments/import',
    COMMENTS.map((c, i) => ({ ...c, externalId: `erase-${i}`, productSku: SKU })),
  );
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, managerKey);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

async function signIn(on: Page, key: string): Promise<void> {
  await on.goto(`${instance.url}/`);
  await on.getByLabel('API key').fill(key);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await on.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}

const erasure = (on: Page = page) => on.getByRole('region', { name: 'Erase a commenter (RODO/GDPR)' });
const storedTexts = async (): Promise<string[]> =>
  ((await instance.api('GET', `/api/v1/comments?productSku=${SKU}`)).items as Array<{ text: string }>).map((c) => c.text).sort();
const shownTexts = () => page.locator('.comment-list blockquote').allInnerTexts();

describe('erasing a commenter on the FAQ insights screen', () => {
  it('asks for the platform and the author before anything', async () => {
    await page.goto(`${instance.url}/insights/${SKU}`);
    await page
      .locator('.comment-list blockquote')
      .nth(COMMENTS.length - 1)
      .waitFor();
    const section = erasure();
    expect(await section.getByLabel('Platform').inputValue()).toBe('instagram');
    await section.getByRole('button', { name: 'Erase their comments' }).click();
    const author = section.getByLabel('Author’s handle');
    await section.getByText('Enter the author’s handle.').waitFor();
    expect(await author.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(author)).toContain('Enter the author’s handle.');
    expect((await focused(page)).name).toBe('Author’s handle');
    expect(await section.getByRole('group').count()).toBe(0);
  });

  it('asks first, saying it cannot be undone; keeping them erases nothing', async () => {
    const section = erasure();
    await section.getByLabel('Author’s handle').fill('@KASIA.W');
    await section.getByRole('button', { name: 'Erase their comments' }).click();
    const question = section.getByRole('group', { name: /Erase every comment by @KASIA\.W on instagram\?/ });
    await question.waitFor();
    expect(await question.innerText()).toContain('They are taken out of every FAQ entry');
    expect(await question.innerText()).toContain('This cannot be undone.');
    expect((await focused(page)).name).toBe('Keep them');
    await saveScreenshot(page, 'commenter-erasure-question');
    await question.getByRole('button', { name: 'Keep them' }).click();
    await section.getByRole('button', { name: 'Erase their comments' }).waitFor();
    expect((await focused(page)).name).toBe('Erase their comments');
    expect(await storedTexts()).toHaveLength(COMMENTS.length);
  });

  it('erases every comment by that author on that platform and says how many', async () => {
    const section = erasure();
    await section.getByRole('button', { name: 'Erase their comments' }).click();
    await section.getByRole('button', { name: 'Yes, erase them' }).click();
    await section.getByRole('status').filter({ hasText: 'Comments erased: 3 (by @KASIA.W on instagram).' }).waitFor();
    const left = [COMMENTS[3]!.text, COMMENTS[4]!.text].sort();
    expect(await storedTexts()).toEqual(left);
    await page.waitForFunction(`document.querySelectorAll('.comment-list blockquote').length === 2`);
    expect((await shownTexts()).sort()).toEqual(left);
    await saveScreenshot(page, 'commenter-erasure-done');
  });

  it('says so when there is nothing to erase', async () => {
    const section = erasure();
    await section.getByLabel('Author’s handle').fill('kasia.w');
    await section.getByRole('button', { name: 'Erase their comments' }).click();
    await section.getByRole('button', { name: 'Yes, erase them' }).click();
    await section.getByRole('status').filter({ hasText: 'No comments by @kasia.w on instagram were found: nothing was erased.' }).waitFor();
    expect(await storedTexts()).toHaveLength(2);
  });

  it('refuses a viewer in words', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, viewerKey);
      await viewer.goto(`${instance.url}/insights/${SKU}`);
      const section = erasure(viewer);
      await section.getByLabel('Author’s handle').fill('tomek');
      await section.getByRole('button', { name: 'Erase their comments' }).click();
      await section.getByRole('button', { name: 'Yes, erase them' }).click();
      await section.getByRole('alert').filter({ hasText: 'Only content managers may erase commenters.' }).waitFor();
      expect(await storedTexts()).toContain(COMMENTS[3]!.text);
    } finally {
      await viewerContext.close();
    }
  });

  it('speaks Polish', async () => {
    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    const section = page.getByRole('region', { name: 'Usuń dane komentującego (RODO)' });
    await section.getByLabel('Nazwa konta autora').fill('tomek');
    await section.getByRole('button', { name: 'Usuń jego komentarze' }).click();
    await section.getByRole('group', { name: /Usunąć każdy komentarz @tomek na platformie instagram\?/ }).waitFor();
    await section.getByRole('button', { name: 'Nie usuwaj' }).click();
    await saveScreenshot(page, 'commenter-erasure-pl');
    await page.getByRole('banner').getByLabel('Język').selectOption('en');
    expect(await storedTexts()).toHaveLength(2);
  });
});
