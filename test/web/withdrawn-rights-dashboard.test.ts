import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';

/**
 * "Where and until when can I use this?" on an asset's page while the asset is withdrawn, in
 * real Chromium against a real instance: in use, it says where its license allows it; archived,
 * it says the asset is withdrawn and nothing is served (the gallery agrees), still listing the
 * licenses as what they grant on paper; put back in use, the answer returns; deleted, it says
 * nothing can be served and the licenses are kept as the legal record. In Polish too.
 * Screenshots: test-artifacts/screenshots/withdrawn-rights-*.png.
 */
const SKU = 'SKU-WITHDRAWN-01';
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let instance: TestInstance;
let page: Page;
let dir: string;
let assetId: string;
let licenseId: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'withdrawn-rights-'));
  const managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  const creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000 })).id;
  const file = await makeImage(dir, 'linen-tote.jpg', { width: 900, height: 900, format: 'jpeg', colour: '#c49a6c' });
  assetId = (await instance.upload(file, { creatorId, title: 'Linen tote', productSkus: SKU })).id;
  for (let i = 0; i < 300 && (await instance.api('GET', `/api/v1/assets/${assetId}`)).status !== 'ready'; i++) await sleep(100);
  licenseId = (
    await instance.api('POST', '/api/v1/licenses', {
      assetIds: [assetId],
      territories: ['PL'],
      channels: ['product_page'],
      startsAt: new Date(Date.now() - DAY).toISOString(),
      endsAt: null,
      derivativesAllowed: false,
    })
  ).id;
  await instance.api('POST', '/api/v1/licenses', {
    assetIds: [assetId],
    territories: ['DE'],
    channels: ['email'],
    startsAt: new Date(Date.now() - 60 * DAY).toISOString(),
    endsAt: new Date(Date.now() - 30 * DAY).toISOString(),
    derivativesAllowed: false,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(15_000);
  await page.goto(`${instance.url}/`);
  await page.getByLabel('API key').fill(managerKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const rights = () => page.getByRole('region', { name: 'Where and until when can I use this?' });

async function inGallery(): Promise<boolean> {
  const gallery = await instance.api<{ items: { assetId: string }[] }>('GET', `/public/v1/products/${SKU}/gallery?territory=PL`);
  return gallery.items.some((item) => item.assetId === assetId);
}

describe('where and until when an asset may be used, while it is withdrawn', () => {
  it('in use: says where its license allows it', async () => {
    await page.goto(`${instance.url}/assets/${assetId}`);
    await rights().locator('.rights-sentence').filter({ hasText: 'Usable for Product pages in Poland, with no end date.' }).waitFor();
    expect(await rights().innerText()).not.toContain('Withdrawn');
    expect(await inGallery()).toBe(true);
  });

  it('archived: says it is withdrawn and nothing is served, and still lists the licenses', async () => {
    await page.getByRole('button', { name: 'Archiving and deleting' }).click(); // a closed section at first
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await rights().getByText('Withdrawn: nothing is served.').waitFor();
    const text = await rights().innerText();
    expect(text).toContain('The asset is archived, so none of its licenses applies anywhere');
    expect(text).toContain('They apply again once it is put back in use.');
    expect(text).not.toContain('Usable for');
    expect(await rights().locator('.rights-sentence').count()).toBe(0);
    await rights().getByRole('heading', { level: 3, name: 'Its licenses (not applied while it is archived)' }).waitFor();
    expect(text).toContain('Licensed for Product pages in Poland, with no end date.');
    expect(text).toContain('Licenses not in force'); // the ended one, as before
    expect(await rights().getByRole('link', { name: 'Open license' }).count()).toBe(2);
    await saveScreenshot(page, 'withdrawn-rights-archived');
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).archivedAt).not.toBeNull();
    expect(await inGallery()).toBe(false);
  });

  it('put back in use: the answer is where its license allows it again', async () => {
    await page.getByRole('button', { name: 'Put back in use' }).click();
    await rights().locator('.rights-sentence').filter({ hasText: 'Usable for Product pages in Poland' }).waitFor();
    expect(await rights().innerText()).not.toContain('Withdrawn');
    expect(await inGallery()).toBe(true);
  });

  it('deleted: says nothing can be served and that the licenses are kept as the legal record; in Polish too', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, delete the files' }).click();
    await rights().getByText('Withdrawn: nothing is served.').waitFor();
    const text = await rights().innerText();
    expect(text).toContain('The asset is deleted: its files are gone, so nothing can be served under its licenses');
    await rights().getByRole('heading', { level: 3, name: 'Its licenses (kept as the legal record)' }).waitFor();
    expect(text).toContain('Licensed for Product pages in Poland, with no end date.');
    expect(text).not.toContain('Usable for');
    await saveScreenshot(page, 'withdrawn-rights-deleted');
    expect((await instance.api('GET', `/api/v1/assets/${assetId}`)).deletedAt).not.toBeNull();
    expect((await instance.api('GET', `/api/v1/licenses/${licenseId}`)).assetIds).toEqual([assetId]);
    expect(await inGallery()).toBe(false);

    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    const polish = page.getByRole('region', { name: 'Gdzie i do kiedy mogę tego użyć?' });
    await polish.getByText('Wycofany: nic nie jest udostępniane.').waitFor();
    expect(await polish.innerText()).toContain('Jego licencje (zachowane jako dokumentacja prawna)');
    await page.getByRole('banner').getByLabel('Język').selectOption('en');
  });
});
