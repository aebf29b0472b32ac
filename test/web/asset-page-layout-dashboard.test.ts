import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, SCREENSHOT_DIR, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { horizontalOverflow, pageHeight } from './dashboard-helpers';
import { signedInPage, VIEWPORTS, type Lang, type Viewport } from './signed-in';

/**
 * The asset page as a whole (issue 15, item 4), in real Chromium against a real instance, in
 * English and Polish at desktop (1280) and phone (390) width: a ready video with six ad cuts
 * and seven pulls in its ledger, and an image. What one comes for shows without opening
 * anything (the preview, where it may be used, how many cuts, the main actions); the rest sits
 * in closed sections with counts in their headings, opened from the keyboard; the page stays
 * short (at most MAX_DESKTOP_HEIGHT at desktop) and never scrolls sideways. The heights are
 * written to test-artifacts/asset-page-heights.json.
 * Screenshots: test-artifacts/screenshots/asset-page-*.png.
 */
const DAY = 24 * 60 * 60 * 1000;
/** The page was 3,900 px tall at desktop before its sections were closed; the goal is under half. */
const MAX_DESKTOP_HEIGHT = 1_800;
const CUTS = ['9:16', '1:1', '16:9'].flatMap((aspect) => [2, 3].map((durationS) => ({ aspect, durationS })));
/** Six pulls granted (one per cut) and one refused: seven rows, more than the ledger shows at first. */
const PULLS = 7;
const LATEST_ROWS = 5;

let browser: Browser;
let instance: TestInstance;
let dir: string;
let managerKey: string;
let videoId: string;
let imageId: string;
const heights: Record<string, number> = {};

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'asset-page-layout-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  const creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.films', platform: 'tiktok', followers: 40_000 })).id;

  const clip = await makeVideo(dir, 'launch-clip.mp4', { width: 640, height: 360, durationS: 4 });
  const video = await instance.upload(clip, { creatorId, title: 'Launch clip', productSkus: 'SKU-LAYOUT-01' });
  const photo = await makeImage(dir, 'linen-shirt.jpg', { width: 1600, height: 1200, format: 'jpeg', colour: '#c49a6c' });
  const image = await instance.upload(photo, { creatorId, title: 'Linen shirt', productSkus: 'SKU-LAYOUT-01' });
  videoId = video.id;
  imageId = image.id;
  await Promise.all([settledJob(instance.services, video.jobId, 120_000), settledJob(instance.services, image.jobId, 120_000)]);
  for (const id of [videoId, imageId]) await untilReady(id);

  const terms = {
    territories: ['PL'],
    channels: ['paid_social'],
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: new Date(Date.now() + 60 * DAY).toISOString(),
  };
  await instance.api('POST', '/api/v1/licenses', { assetIds: [videoId], ...terms, derivativesAllowed: true });
  await instance.api('POST', '/api/v1/licenses', { assetIds: [imageId], ...terms, channels: ['paid_social', 'product_page'], derivativesAllowed: false });
  const { jobId } = await instance.api('POST', `/api/v1/assets/${videoId}/cuts`, { cuts: CUTS });
  expect((await settledJob(instance.services, jobId, 180_000)).state).toBe('completed');

  const { items } = await instance.api('GET', '/api/v1/ads?channel=paid_social&territory=PL');
  const cutIds = (items as { assetId: string; cutId: string }[]).filter((i) => i.assetId === videoId).map((i) => i.cutId);
  expect(cutIds).toHaveLength(CUTS.length);
  for (const [i, cutId] of cutIds.entries()) {
    await instance.api('POST', `/api/v1/ads/${cutId}/pull`, { channel: 'paid_social', territory: 'PL', campaign: `spring-${i + 1}` });
  }
  // One refused (e-mail is not licensed): the ledger keeps refusals too.
  const refused = await fetch(`${instance.url}/api/v1/ads/${cutIds[0]}/pull`, {
    method: 'POST',
    headers: { authorization: `Bearer ${instance.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'email', territory: 'PL', campaign: 'newsletter' }),
  });
  expect(refused.status).toBe(403);
}, 420_000);

afterAll(async () => {
  if (Object.keys(heights).length) {
    await mkdir(path.dirname(SCREENSHOT_DIR), { recursive: true });
    await writeFile(path.join(path.dirname(SCREENSHOT_DIR), 'asset-page-heights.json'), `${JSON.stringify(heights, null, 2)}\n`);
  }
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function untilReady(id: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await instance.api('GET', `/api/v1/assets/${id}`)).status === 'ready') return;
    await sleep(100);
  }
  throw new Error(`asset ${id} was not processed in time`);
}

/** A signed-in page in a language at a width. */
const open = (lang: Lang, viewport: Viewport): Promise<Page> => signedInPage(browser, { key: managerKey, lang, viewport: VIEWPORTS[viewport] });

const WORDS = {
  en: {
    renditions: 'Renditions',
    rights: 'Where and until when can I use this?',
    usable: 'Usable for Paid social in Poland,',
    cuts: `Ad cuts (${CUTS.length})`,
    ledger: `Usage ledger (${PULLS})`,
    ledgerEmpty: 'Usage ledger (0)',
    details: 'Edit details',
    creator: 'Creator: details, page link, personal data',
    lifeCycle: 'Archiving and deleting',
    actions: ['Ask the creator for rights', 'Add license'],
    original: 'Download the original',
    makeCuts: 'Make new cuts',
    builder: 'Cut builder',
    showAll: `Show all (${PULLS})`,
    showLatest: `Show only the latest ${LATEST_ROWS}`,
    refused: 'Refused',
  },
  pl: {
    renditions: 'Wersje',
    rights: 'Gdzie i do kiedy mogę tego użyć?',
    usable: 'Można używać w kanałach: Płatne social media; obszar: Polska',
    cuts: `Cięcia reklamowe (${CUTS.length})`,
    ledger: `Rejestr użyć (${PULLS})`,
    ledgerEmpty: 'Rejestr użyć (0)',
    details: 'Edytuj dane',
    creator: 'Twórca: szczegóły, link do strony, dane osobowe',
    lifeCycle: 'Archiwizacja i usuwanie',
    actions: ['Poproś twórcę o prawa', 'Dodaj licencję'],
    original: 'Pobierz oryginał',
    makeCuts: 'Utwórz nowe cięcia',
    builder: 'Kreator cięć',
    showAll: `Pokaż wszystkie (${PULLS})`,
    showLatest: `Pokaż tylko ${LATEST_ROWS} najnowszych`,
    refused: 'Odmówiono',
  },
} as const;

/** The texts of the section toggles (heading buttons) that are closed. */
const closedSections = (page: Page): Promise<string[]> => page.locator('h2 > button[aria-expanded="false"]').allInnerTexts();

describe.each([
  ['en', 'desktop'],
  ['pl', 'phone'],
  ['pl', 'desktop'],
  ['en', 'phone'],
] as const)('the asset page (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  let page: Page;
  beforeAll(async () => {
    page = await open(lang, viewport);
  });
  afterAll(async () => page?.context().close());

  it('a video: preview, rights, cut count and actions at once; the rest in closed sections with counts; short, no sideways scroll', async () => {
    await page.goto(`${instance.url}/assets/${videoId}`);
    await page.getByRole('heading', { level: 1, name: 'Launch clip' }).waitFor();
    const ledgerToggle = page.getByRole('button', { name: words.ledger });
    await ledgerToggle.waitFor(); // its count is there once the ledger has loaded

    // Nothing opened, and what matters is on the page: the preview, where it may be used, the cuts' count, the actions
    // (waitFor: visible, once rendered).
    expect(await page.locator('[aria-expanded="true"], details[open]').count()).toBe(0);
    await page.locator('video.main-preview').waitFor();
    expect(await page.getByRole('region', { name: words.rights }).locator('.rights-sentence').innerText()).toContain(words.usable);
    await page.getByRole('heading', { level: 2, name: words.cuts }).waitFor();
    for (const name of words.actions) await page.getByRole('link', { name }).waitFor();
    for (const name of [words.original, words.makeCuts]) await page.getByRole('button', { name }).waitFor();
    expect(await closedSections(page)).toEqual([words.ledger, words.details, words.creator, words.lifeCycle]);
    // Each closed section is still a region named by its heading, with its content hidden.
    for (const name of [words.ledger, words.details, words.creator, words.lifeCycle]) {
      const section = page.getByRole('region', { name });
      await section.getByRole('heading', { level: 2 }).waitFor();
      expect(await section.locator('.disclosure-body').isHidden()).toBe(true);
    }

    const height = await pageHeight(page);
    heights[`video-${lang}-${viewport}`] = height;
    if (viewport === 'desktop') expect(height).toBeLessThanOrEqual(MAX_DESKTOP_HEIGHT);
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, `asset-page-video-${lang}-${viewport}`);
  });

  it('the usage ledger opens from the keyboard: the latest rows, then all of them', async () => {
    const ledgerToggle = page.getByRole('button', { name: words.ledger });
    await ledgerToggle.focus();
    await page.keyboard.press('Enter');
    expect(await ledgerToggle.getAttribute('aria-expanded')).toBe('true');
    const ledger = page.getByRole('region', { name: words.ledger });
    const rows = ledger.locator('tbody tr');
    expect(await rows.count()).toBe(LATEST_ROWS);
    expect(await rows.first().innerText()).toContain(words.refused); // newest first: the refused pull came last
    const showAll = ledger.getByRole('button', { name: words.showAll });
    await showAll.focus();
    await page.keyboard.press('Space');
    expect(await rows.count()).toBe(PULLS);
    await ledger.getByRole('button', { name: words.showLatest }).click();
    expect(await rows.count()).toBe(LATEST_ROWS);
    expect(await horizontalOverflow(page)).toBe(0);
    await ledgerToggle.click();
    expect(await ledger.locator('.disclosure-body').isHidden()).toBe(true);
  });

  it('the cut builder opens from its button and keeps what was chosen when closed and opened again', async () => {
    const toggle = page.getByRole('button', { name: words.makeCuts });
    expect(await page.getByRole('heading', { name: words.builder }).count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const builder = page.getByRole('region', { name: words.builder });
    const square = builder.getByLabel('1:1', { exact: true });
    await square.check();
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, `asset-page-cut-builder-${lang}-${viewport}`);
    await toggle.click();
    expect(await builder.isHidden()).toBe(true);
    await toggle.click();
    expect(await square.isChecked()).toBe(true);
  });

  it('an image: preview, rights and actions at once; no cuts; short, no sideways scroll', async () => {
    await page.goto(`${instance.url}/assets/${imageId}`);
    await page.getByRole('heading', { level: 1, name: 'Linen shirt' }).waitFor();
    await page.getByRole('button', { name: words.ledgerEmpty }).waitFor(); // the ledger has loaded: nothing pulled
    await page.locator('img.main-preview').waitFor();
    await page.getByRole('region', { name: words.rights }).locator('.rights-sentence').waitFor();
    await page.getByRole('region', { name: words.renditions }).waitFor();
    expect(await page.locator('#cuts-heading').count()).toBe(0);
    expect(await page.getByRole('button', { name: words.makeCuts }).count()).toBe(0);
    expect(await page.locator('[aria-expanded="true"], details[open]').count()).toBe(0);
    expect(await closedSections(page)).toEqual([words.ledgerEmpty, words.details, words.creator, words.lifeCycle]);
    const height = await pageHeight(page);
    heights[`image-${lang}-${viewport}`] = height;
    if (viewport === 'desktop') expect(height).toBeLessThanOrEqual(MAX_DESKTOP_HEIGHT);
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, `asset-page-image-${lang}-${viewport}`);
  });
});
