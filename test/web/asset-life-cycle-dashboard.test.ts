import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { describedBy, focused } from './dashboard-helpers';

/**
 * An asset's life cycle on its dashboard screen, in real Chromium against a real instance:
 * its details edited (title, products, notes; a bad SKU and a refusal of the API shown at their
 * fields), archived (a banner with the date, an "Archived" badge in the library, gone from the
 * product gallery at once), put back in use (in the gallery again), and deleted after a second,
 * explicit yes (a banner, no renditions, nothing left to change, out of the library). Also: a
 * viewer's refusal and an asset deleted meanwhile, in plain words; Polish.
 * Screenshots: test-artifacts/screenshots/asset-life-cycle-*.png.
 */
const SKU = 'SKU-LIFE-01';
const NEW_SKU = 'SKU-LIFE-02';
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let dir: string;
let managerKey: string;
let viewerKey: string;
let creatorId: string;
/** Edited, archived, put back and deleted through the screen. */
let assetId: string;
/** Archived on screen, then deleted behind the screen's back. */
let otherId: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'asset-life-cycle-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  viewerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Piotr (viewer)', role: 'viewer' })).key;
  creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000 })).id;
  assetId = await readyPhoto('linen-tote.jpg', '#c49a6c', { title: 'Linen tote', productSkus: SKU });
  otherId = await readyPhoto('canvas-bag.jpg', '#2e5e4e', { title: 'Canvas bag' });
  await instance.api('POST', '/api/v1/licenses', {
    assetIds: [assetId],
    territories: ['PL'],
    channels: ['product_page'],
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: null,
    derivativesAllowed: false,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readyPhoto(name: string, colour: string, fields: Record<string, string>): Promise<string> {
  return instance.uploadReady(await makeImage(dir, name, { width: 900, height: 900, format: 'jpeg', colour }), { creatorId, ...fields });
}

const heading = (text: string | RegExp, on: Page = page) => on.getByRole('heading', { level: 1, name: text });
const LIFE_CYCLE = 'Archiving and deleting';

/** Archiving and deleting sit in a closed section of the asset page: opened as a person would. */
async function openLifeCycle(on: Page = page): Promise<void> {
  const toggle = on.getByRole('button', { name: LIFE_CYCLE });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
}

async function signIn(on: Page, key: string): Promise<void> {
  await on.goto(`${instance.url}/`);
  await on.getByLabel('API key').fill(key);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await heading('Library', on).waitFor();
}

/** Whether the public product gallery for `sku` in Poland shows the asset now. */
async function inGallery(sku: string, id = assetId): Promise<boolean> {
  const gallery = await instance.api<{ items: { assetId: string }[] }>('GET', `/public/v1/products/${sku}/gallery?territory=PL`);
  return gallery.items.some((item) => item.assetId === id);
}

describe('an asset’s life cycle on the dashboard', () => {
  it('edits the title, products and notes; a bad SKU and the API’s refusal are shown at their fields', async () => {
    await signIn(page, managerKey);
    await page.goto(`${instance.url}/assets/${assetId}`);
    await heading('Linen tote').waitFor();
    expect(await inGallery(SKU)).toBe(true);
    const details = page.getByRole('region', { name: 'Edit details' });
    // A closed section at first: its heading is a button that opens it.
    const toggle = details.getByRole('button', { name: 'Edit details' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const title = details.getByLabel('Title');
    const products = details.getByLabel('Products (SKUs)');
    const notes = details.getByLabel('Notes');
    expect(await title.inputValue()).toBe('Linen tote');
    expect(await products.inputValue()).toBe(SKU);
    expect(await notes.inputValue()).toBe('');

    // A SKU the API would refuse is caught at the field, before anything is sent.
    await title.fill('Linen tote, sunlit');
    await products.fill(`${SKU}, tote/blue`);
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('Not a valid SKU: tote/blue.').waitFor();
    expect(await products.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(products)).toContain('Not a valid SKU: tote/blue. A SKU is 1–64 letters, digits');
    expect((await focused(page)).name).toBe('Products (SKUs)');
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).title).toBe('Linen tote');
    await saveScreenshot(page, 'asset-life-cycle-bad-sku');

    // What only the API judges (notes too long): its message at the notes.
    await products.fill(`${SKU}, ${NEW_SKU}`);
    await notes.fill('x'.repeat(10_001));
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.locator('.field-invalid textarea').waitFor();
    expect(await notes.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(notes)).toMatch(/10.?000/);
    expect(await products.getAttribute('aria-invalid')).toBeNull();
    expect((await focused(page)).tag).toBe('textarea');
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).title).toBe('Linen tote'); // nothing saved

    await notes.fill('Shot at golden hour.\nAsk Ola before cropping.');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByRole('status').getByText('Details saved.').waitFor();
    expect(await notes.getAttribute('aria-invalid')).toBeNull();
    await heading('Linen tote, sunlit').waitFor();
    const saved = await instance.api('GET', `/api/v1/assets/${assetId}`);
    expect(saved).toMatchObject({ title: 'Linen tote, sunlit', productSkus: [SKU, NEW_SKU], notes: 'Shot at golden hour.\nAsk Ola before cropping.' });
    const facts = await page.locator('.asset-facts').innerText();
    expect(facts).toContain(NEW_SKU);
    expect(facts).toContain('Ask Ola before cropping.');
    expect(await inGallery(NEW_SKU)).toBe(true); // the gallery follows the products at once
    await saveScreenshot(page, 'asset-life-cycle-edited');

    // Saving again without a change sends nothing and says so.
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('Nothing has changed, so there is nothing to save.').waitFor();
  });

  it('archives the asset: a banner with the date, out of the gallery, an "Archived" badge in the library', async () => {
    await openLifeCycle();
    const archive = page.getByRole('button', { name: 'Archive', exact: true });
    expect(await describedBy(archive)).toContain('Withdraws it from every use at once');
    await archive.click();
    const banner = page.locator('.asset-state');
    await banner.getByText(/^Archived on /).waitFor();
    const archived = await instance.api('GET', `/api/v1/assets/${assetId}`);
    expect(archived.archivedAt).not.toBeNull();
    const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(archived.archivedAt));
    expect(await banner.innerText()).toContain(`Archived on ${when}.`);
    const putBack = page.getByRole('button', { name: 'Put back in use' });
    await putBack.waitFor();
    expect(await describedBy(putBack)).toContain('Its licenses apply again at once');
    expect(await page.getByRole('button', { name: 'Archive', exact: true }).count()).toBe(0);
    expect(await page.locator('.asset-facts .badge').allInnerTexts()).toContain('Archived');
    expect(await inGallery(SKU)).toBe(false);
    expect(await inGallery(NEW_SKU)).toBe(false);
    await saveScreenshot(page, 'asset-life-cycle-archived');

    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await heading('Library').waitFor();
    const card = page.locator('.asset-card').filter({ hasText: 'Linen tote, sunlit' });
    await card.waitFor();
    expect(await card.locator('.badge').allInnerTexts()).toContain('Archived');
    const other = page.locator('.asset-card').filter({ hasText: 'Canvas bag' });
    expect(await other.locator('.badge').allInnerTexts()).not.toContain('Archived');
    await saveScreenshot(page, 'asset-life-cycle-library');
  });

  it('tells a viewer in plain words that only content managers may put it back in use', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, viewerKey);
      await viewer.goto(`${instance.url}/assets/${assetId}`);
      await heading('Linen tote, sunlit', viewer).waitFor();
      await viewer.getByRole('button', { name: 'Put back in use' }).click();
      await viewer.getByRole('alert').getByText('Only content managers may change, archive or delete assets.').waitFor();
      await saveScreenshot(viewer, 'asset-life-cycle-viewer-refused');
      expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).archivedAt).not.toBeNull();
    } finally {
      await viewerContext.close();
    }
  });

  it('puts the asset back in use: the banner goes and the gallery shows it again', async () => {
    await page.locator('.asset-card').filter({ hasText: 'Linen tote, sunlit' }).getByRole('link').click();
    await heading('Linen tote, sunlit').waitFor();
    // Archived, its section is open from the start: the way back is in sight.
    expect(await page.getByRole('button', { name: LIFE_CYCLE }).getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Put back in use' }).click();
    await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
    expect(await page.locator('.asset-state').count()).toBe(0);
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).archivedAt).toBeNull();
    expect(await inGallery(SKU)).toBe(true);
    expect(await inGallery(NEW_SKU)).toBe(true);
  });

  it('deletes the asset after a second, explicit yes: a banner, no renditions, nothing left to change, out of the library', async () => {
    expect(await page.getByRole('heading', { level: 2, name: 'Renditions' }).count()).toBe(1);
    const del = page.getByRole('button', { name: 'Delete', exact: true });
    await del.click();
    const question = page.getByRole('group', { name: /Delete this asset\?/ });
    await question.waitFor();
    const asked = await question.innerText();
    expect(asked).toContain('Every stored file is removed');
    expect(asked).toContain('This cannot be undone.');
    expect((await focused(page)).name).toBe('Keep it'); // the safe answer has focus
    await saveScreenshot(page, 'asset-life-cycle-delete-question');

    await question.getByRole('button', { name: 'Keep it' }).click();
    await del.waitFor();
    expect((await focused(page)).name).toBe('Delete');
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).deletedAt).toBeNull();

    await del.click();
    await page.getByRole('button', { name: 'Yes, delete the files' }).click();
    const banner = page.locator('.asset-state');
    await banner.getByText(/^Deleted on /).waitFor();
    expect(await banner.innerText()).toContain('Its files were removed and cannot be brought back.');
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className),
    ).toContain('asset-state');
    await page.getByRole('heading', { level: 2, name: 'Renditions' }).waitFor({ state: 'detached' });
    expect(await page.locator('img.main-preview, .main-preview').count()).toBe(0);
    for (const name of ['Archive', 'Put back in use', 'Delete', 'Save details']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('region', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add license' }).count()).toBe(0);
    expect(await page.locator('.asset-facts .badge').allInnerTexts()).toContain('Deleted');
    await page.getByRole('heading', { level: 2, name: 'Usage ledger' }).waitFor(); // the record stays
    await saveScreenshot(page, 'asset-life-cycle-deleted');

    const deleted = await instance.api('GET', `/api/v1/assets/${assetId}`);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.renditions.every((r: { url?: string }) => r.url === undefined)).toBe(true);
    const listed = await instance.api<{ items: { id: string }[] }>('GET', '/api/v1/assets?limit=100');
    expect(listed.items.map((a) => a.id)).not.toContain(assetId);
    expect(listed.items.map((a) => a.id)).toContain(otherId);
    expect(await inGallery(SKU)).toBe(false);

    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await page.locator('.asset-card').filter({ hasText: 'Canvas bag' }).waitFor();
    expect(await page.locator('.asset-card').filter({ hasText: 'Linen tote' }).count()).toBe(0);
  });

  it('says so when an archived asset was deleted meanwhile, and shows it deleted; in Polish too', async () => {
    await page.goto(`${instance.url}/assets/${otherId}`);
    await heading('Canvas bag').waitFor();
    await openLifeCycle();
    // The page reloads the asset after archiving it: deleted before that answer, it would show the deletion at once.
    const reloaded = page.waitForResponse((res) => res.request().method() === 'GET' && new URL(res.url()).pathname === `/api/v1/assets/${otherId}`);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const putBack = page.getByRole('button', { name: 'Put back in use' });
    await putBack.waitFor();
    await reloaded;
    await instance.api('DELETE', `/api/v1/assets/${otherId}`); // someone else, elsewhere
    await putBack.click();
    await page.getByRole('alert').getByText('This asset has been deleted: its files are gone, so it cannot be put back in use.').waitFor();
    await page
      .locator('.asset-state')
      .getByText(/^Deleted on /)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Put back in use' }).count()).toBe(0);
    await saveScreenshot(page, 'asset-life-cycle-deleted-meanwhile');

    await page.getByLabel('Language').selectOption('pl');
    await page
      .locator('.asset-state')
      .getByText(/^Usunięto /)
      .waitFor();
    expect(await page.locator('.asset-state').innerText()).toContain('Jego pliki zostały usunięte');
    expect(await page.locator('.asset-facts .badge').allInnerTexts()).toContain('Usunięty');
    await saveScreenshot(page, 'asset-life-cycle-deleted-pl');
  });
});
