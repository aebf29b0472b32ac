import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage } from '../helpers/media-fixtures';
import { describedBy, focused } from './dashboard-helpers';

/**
 * The creator's side of an asset's page, in real Chromium against a real instance: the creator
 * panel shows their details and edits them (a handle another creator has and an e-mail the API
 * refuses said as sentences at their fields), exports everything held about them as a JSON file,
 * makes, copies and revokes their page link, refuses a viewer in words (and then offers nothing
 * more), and erases them after their handle is typed: personal data gone, their assets deleted,
 * licenses kept. Screenshots: test-artifacts/screenshots/creator-panel-*.png.
 */
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let instance: TestInstance;
let context: BrowserContext;
let page: Page;
let dir: string;
let managerKey: string;
let viewerKey: string;
let creatorId: string;
/** The asset whose page is used; the creator's other asset goes with them when they are erased. */
let assetId: string;
let otherId: string;
let licenseId: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'creator-panel-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  viewerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Piotr (viewer)', role: 'viewer' })).key;
  creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000 })).id;
  await instance.api('POST', '/api/v1/creators', { handle: 'ola.knits', platform: 'instagram', followers: 800 });
  [assetId, otherId] = await Promise.all([readyPhoto('linen-tote.jpg', '#c49a6c', 'Linen tote'), readyPhoto('canvas-bag.jpg', '#2e5e4e', 'Canvas bag')]);
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
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readyPhoto(name: string, colour: string, title: string): Promise<string> {
  return instance.uploadReady(await makeImage(dir, name, { width: 900, height: 900, format: 'jpeg', colour }), { creatorId, title });
}

const heading = (text: string | RegExp, on: Page = page) => on.getByRole('heading', { level: 1, name: text });
const panel = (on: Page = page) => on.getByRole('region', { name: 'Creator', exact: true });

/** The creator panel sits in a closed section of the asset page: opened as a person would. */
async function openCreatorSection(on: Page = page): Promise<void> {
  const toggle = on.getByRole('button', { name: 'Creator: details, page link, personal data' });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
}
const creator = () => instance.api('GET', `/api/v1/creators/${creatorId}`);

async function signIn(on: Page, key: string): Promise<void> {
  await on.goto(`${instance.url}/`);
  await on.getByLabel('API key').fill(key);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await heading('Library', on).waitFor();
}

describe('the creator panel on an asset’s page', () => {
  it('shows the creator and edits their details; a taken handle and a refused e-mail are said as sentences at their fields', async () => {
    await signIn(page, managerKey);
    await page.goto(`${instance.url}/assets/${assetId}`);
    await heading('Linen tote').waitFor();
    await openCreatorSection();
    const creatorPanel = panel();
    await creatorPanel.getByText('@ola.sews', { exact: true }).waitFor();
    expect(await creatorPanel.locator('.creator-facts').innerText()).toContain('12,000 (micro)');

    await creatorPanel.getByRole('button', { name: 'Edit creator' }).click();
    const form = creatorPanel.getByRole('form', { name: 'Edit the creator' });
    const handle = form.getByLabel('Handle');
    expect((await focused(page)).name).toBe('Handle');
    expect(await handle.inputValue()).toBe('ola.sews');

    // Another creator of the platform has it (409): said at the handle, which takes focus.
    await handle.fill('Ola.Knits');
    await form.getByRole('button', { name: 'Save creator' }).click();
    await form.getByText('Another instagram creator already has the handle @Ola.Knits').waitFor();
    expect(await handle.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(handle)).toContain('a handle belongs to one creator per platform');
    expect((await focused(page)).name).toBe('Handle');
    expect((await creator()).handle).toBe('ola.sews');
    await saveScreenshot(page, 'creator-panel-handle-taken');

    // What only the API judges (the e-mail, 422): its own sentence, not the validator's words.
    await handle.fill('ola.sews.studio');
    await form.getByLabel('Followers').fill('15000');
    await form.getByLabel('Engagement rate (%)').fill('3,4');
    const email = form.getByLabel('Contact e-mail');
    await email.fill('not-an-email');
    await form.getByRole('button', { name: 'Save creator' }).click();
    await form.getByText('This is not an e-mail address: write one like ola@example.com, or leave it empty.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await handle.getAttribute('aria-invalid')).toBeNull();
    expect((await focused(page)).name).toBe('Contact e-mail');
    expect(await creator()).toMatchObject({ handle: 'ola.sews', followers: 12_000, engagementRate: null, contactEmail: null });

    await email.fill('ola@example.com');
    await form.getByRole('button', { name: 'Save creator' }).click();
    await creatorPanel.getByRole('status').filter({ hasText: 'Creator saved.' }).waitFor();
    expect(await creator()).toMatchObject({ handle: 'ola.sews.studio', followers: 15_000, engagementRate: 0.034, contactEmail: 'ola@example.com' });
    const facts = await creatorPanel.locator('.creator-facts').innerText();
    for (const text of ['@ola.sews.studio', '15,000 (micro)', '3.4 %', 'ola@example.com']) expect(facts).toContain(text);
    expect(await page.locator('.asset-facts').innerText()).toContain('@ola.sews.studio (instagram, micro)');
    expect((await focused(page)).name).toBe('Edit creator');
    await saveScreenshot(page, 'creator-panel-saved');

    // Saving again without a change sends nothing and says so.
    await creatorPanel.getByRole('button', { name: 'Edit creator' }).click();
    await form.getByRole('button', { name: 'Save creator' }).click();
    await creatorPanel.getByText('Nothing has changed, so there is nothing to save.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await creatorPanel.getByRole('button', { name: 'Edit creator' }).waitFor();
  });

  it('exports everything held about the creator as a JSON file', async () => {
    const creatorPanel = panel();
    const exportButton = creatorPanel.getByRole('button', { name: 'Export data' });
    expect(await describedBy(exportButton)).toContain('for their access request');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^creator-instagram-ola\.sews\.studio-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.creator).toMatchObject({ id: creatorId, contactEmail: 'ola@example.com' });
    expect(exported.assets.map((a: { id: string }) => a.id).sort()).toEqual([assetId, otherId].sort());
    expect(exported.licenses.map((l: { id: string }) => l.id)).toEqual([licenseId]);
    expect(exported.files.length).toBeGreaterThan(0);
    await creatorPanel
      .getByRole('status')
      .filter({ hasText: `Downloaded ${name}.` })
      .waitFor();
  });

  it('refuses a viewer in words, and then offers them none of the creator’s actions', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, viewerKey);
      await viewer.goto(`${instance.url}/assets/${assetId}`);
      await heading('Linen tote', viewer).waitFor();
      await openCreatorSection(viewer);
      const creatorPanel = panel(viewer);
      await creatorPanel.getByRole('button', { name: 'Edit creator' }).click();
      await creatorPanel.getByLabel('Followers').fill('99');
      await creatorPanel.getByRole('button', { name: 'Save creator' }).click();
      await creatorPanel.getByRole('alert').filter({ hasText: 'Only content managers may change a creator' }).waitFor();
      for (const name of ['Edit creator', 'Export data', 'Erase creator', 'Revoke link', 'Make the creator’s page link']) {
        expect(await creatorPanel.getByRole('button', { name }).count()).toBe(0);
      }
      expect(await creatorPanel.locator('.creator-facts').innerText()).toContain('15,000');
      await saveScreenshot(viewer, 'creator-panel-viewer-refused');
      expect((await creator()).followers).toBe(15_000);
    } finally {
      await viewerContext.close();
    }
  });

  // Awaits POST/DELETE /api/v1/creators/:id/page-link (being built): it fails until they answer.
  it('makes the creator’s page link, copies it, makes a new one (the old stops working) and revokes it', async () => {
    const creatorPanel = panel();
    const section = creatorPanel.getByRole('region', { name: 'The creator’s page' });
    expect(await section.innerText()).toContain('where each is used and until when, the ad cuts made from them, and a way to ask you to take any of them down');
    const lastDay = new Date(Date.now() + 14 * DAY);
    const day = `${lastDay.getFullYear()}-${String(lastDay.getMonth() + 1).padStart(2, '0')}-${String(lastDay.getDate()).padStart(2, '0')}`;
    await section.getByLabel('Link works until (last day)').fill(day);
    await section.getByRole('button', { name: 'Make the creator’s page link' }).click();
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(lastDay);
    await section
      .getByRole('status')
      .filter({ hasText: `Link ready: it works until the end of ${shown}.` })
      .waitFor();
    const first = await section.locator('.page-link a').getAttribute('href');
    expect(first).toMatch(/^https?:\/\//);
    expect((await fetch(first!)).status).toBe(200);
    await section.getByRole('button', { name: 'Copy link' }).click();
    await section.getByText('Copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(first);
    await saveScreenshot(page, 'creator-panel-page-link');

    await section.getByLabel('Link works until (last day)').fill('');
    await section.getByRole('button', { name: 'Make a new link' }).click();
    await section.locator('.page-link a').filter({ hasNotText: first! }).waitFor();
    const second = await section.locator('.page-link a').getAttribute('href');
    expect((await fetch(first!)).status).not.toBe(200);
    expect((await fetch(second!)).status).toBe(200);

    await section.getByRole('button', { name: 'Revoke link' }).click();
    const question = section.getByRole('group', { name: /Revoke the creator’s page link\?/ });
    await question.waitFor();
    expect((await focused(page)).name).toBe('Keep it');
    await question.getByRole('button', { name: 'Yes, revoke it' }).click();
    await section.getByRole('status').filter({ hasText: 'Link revoked: the creator’s page no longer opens.' }).waitFor();
    expect(await section.locator('.page-link').count()).toBe(0);
    expect((await fetch(second!)).status).not.toBe(200);
  });

  it('erases the creator only once their handle is typed: personal data gone, their assets deleted, licenses kept', async () => {
    await page.goto(`${instance.url}/assets/${assetId}`);
    await heading('Linen tote').waitFor();
    await openCreatorSection();
    const creatorPanel = panel();
    const erase = creatorPanel.getByRole('button', { name: 'Erase creator' });
    await erase.click();
    const question = creatorPanel.getByRole('group', { name: /Erase @ola\.sews\.studio\?/ });
    await question.waitFor();
    const asked = await question.innerText();
    expect(asked).toContain('Their personal data is removed everywhere');
    expect(asked).toContain('Every asset of theirs is deleted with all its files, this one too.');
    expect(asked).toContain('Their licenses are kept as the legal record');
    expect(asked).toContain('This cannot be undone.');
    const typed = question.getByLabel('Type @ola.sews.studio to confirm');
    expect((await focused(page)).name).toBe('Type @ola.sews.studio to confirm');
    await saveScreenshot(page, 'creator-panel-erase-question');

    // Not their handle: said at the field, nothing erased.
    await typed.fill('ola.sews');
    await question.getByRole('button', { name: 'Erase the creator' }).click();
    await question.getByText('That is not their handle: type @ola.sews.studio exactly.').waitFor();
    expect(await typed.getAttribute('aria-invalid')).toBe('true');
    await question.getByRole('button', { name: 'Keep them' }).click();
    await erase.waitFor();
    expect((await focused(page)).name).toBe('Erase creator');
    expect((await creator()).handle).toBe('ola.sews.studio');

    await erase.click();
    await typed.fill('@Ola.Sews.Studio'); // as platforms compare handles
    await question.getByRole('button', { name: 'Erase the creator' }).click();
    const outcome = creatorPanel.getByRole('status').filter({ hasText: 'The creator is erased.' });
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain('Assets deleted with their files: 2. Licenses kept as the legal record: 1.');
    await page
      .locator('.asset-state')
      .getByText(/^Deleted on /)
      .waitFor();
    await creatorPanel.getByText('This creator has been erased').waitFor();
    expect(await page.locator('.asset-facts').innerText()).toContain('An erased creator');
    expect(await page.locator('.rights-summary').innerText()).toContain('Withdrawn: nothing is served.');
    for (const name of ['Edit creator', 'Export data', 'Erase creator', 'Revoke link']) {
      expect(await creatorPanel.getByRole('button', { name }).count()).toBe(0);
    }
    await saveScreenshot(page, 'creator-panel-erased');

    expect(await creator()).toMatchObject({ handle: `erased-${creatorId}`, contactEmail: null, engagementRate: null });
    for (const id of [assetId, otherId]) expect((await instance.api('GET', `/api/v1/assets/${id}`)).deletedAt).not.toBeNull();
    expect((await instance.api('GET', `/api/v1/licenses/${licenseId}`)).id).toBe(licenseId);

    await page.getByRole('banner').getByLabel('Language').selectOption('pl');
    await page.getByRole('region', { name: 'Twórca', exact: true }).getByText('Dane tego twórcy zostały usunięte').waitFor();
    expect(await page.locator('.rights-summary').innerText()).toContain('Wycofany: nic nie jest udostępniane.');
    await page.getByRole('banner').getByLabel('Język').selectOption('en');
  });
});
