import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, SCREENSHOT_DIR, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { horizontalOverflow, imagesDecoded, openGroups, pageHeight } from './dashboard-helpers';
import { signedInPage, type Lang } from './signed-in';

/**
 * The asset screen's renditions (issue 15, item 4), in real Chromium against a real instance
 * (worker, ffmpeg, sharp, PGlite, fs storage), in English and Polish at desktop and phone width:
 * the library's renditions in closed groups with counts (image sizes with their formats as rows,
 * crops as pictures), ad cuts by aspect then length, cut videos without any download control
 * (controlsList nodownload, no picture-in-picture, no context menu), and the original in full
 * quality for a content manager (the download recorded in the asset's history), not for a
 * viewer. The page's height is written to test-artifacts/asset-page-height.json.
 * Screenshots: test-artifacts/screenshots/asset-renditions-*.png.
 */
const DAY = 24 * 60 * 60 * 1000;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;
type Viewport = keyof typeof VIEWPORTS;
/** Asked for out of order on purpose: the screen sorts them. */
const CUTS = [
  { aspect: '16:9', durationS: 3 },
  { aspect: '9:16', durationS: 3 },
  { aspect: '1:1', durationS: 2 },
  { aspect: '9:16', durationS: 2 },
  { aspect: '16:9', durationS: 2 },
  { aspect: '1:1', durationS: 3 },
];
const CUT_ORDER = ['9:16 · 2 s', '9:16 · 3 s', '1:1 · 2 s', '1:1 · 3 s', '16:9 · 2 s', '16:9 · 3 s'];
const VIDEO_FILE = 'launch-clip.mp4';

let browser: Browser;
let instance: TestInstance;
let dir: string;
let managerKey: string;
let viewerKey: string;
let videoId: string;
let imageId: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'asset-renditions-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  viewerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Piotr (viewer)', role: 'viewer' })).key;
  const creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.films', platform: 'tiktok', followers: 40_000 })).id;

  const clip = await makeVideo(dir, VIDEO_FILE, { width: 640, height: 360, durationS: 4 });
  const video = await instance.upload(clip, { creatorId, title: 'Launch clip' });
  videoId = video.id;
  const photo = await makeImage(dir, 'linen-shirt.jpg', { width: 1600, height: 1200, format: 'jpeg', colour: '#c49a6c' });
  const image = await instance.upload(photo, { creatorId, title: 'Linen shirt' });
  imageId = image.id;
  await Promise.all([settledJob(instance.services, video.jobId, 60_000), settledJob(instance.services, image.jobId, 60_000)]);
  await untilReady(videoId);
  await untilReady(imageId);

  await instance.api('POST', '/api/v1/licenses', {
    assetIds: [videoId],
    territories: ['PL'],
    channels: ['paid_social'],
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
    derivativesAllowed: true,
  });
  const { jobId } = await instance.api('POST', `/api/v1/assets/${videoId}/cuts`, { cuts: CUTS });
  expect((await settledJob(instance.services, jobId, 180_000)).state).toBe('completed');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function untilReady(id: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await instance.api('GET', `/api/v1/assets/${id}`)).status === 'ready') return;
    await sleep(100);
  }
  throw new Error(`asset ${id} was not processed in time`);
}

/** A signed-in page in a language at a width (a narrower phone than elsewhere: 375 px). */
const open = (lang: Lang, viewport: Viewport, key = managerKey): Promise<Page> => signedInPage(browser, { key, lang, viewport: VIEWPORTS[viewport] });

/** The asset screen, once its renditions and the sections under them have loaded. */
async function openAsset(page: Page, id: string): Promise<void> {
  await page.goto(`${instance.url}/assets/${id}`);
  await page.locator('#renditions-heading').waitFor();
  await page.locator('.rendition-group').first().waitFor();
  await page.waitForLoadState('networkidle');
}

const renditionsOf = (page: Page): Locator => page.locator('section').filter({ has: page.locator('#renditions-heading') });
const cutsOf = (page: Page): Locator => page.locator('section').filter({ has: page.locator('#cuts-heading') });
const summaries = (scope: Locator): Promise<string[]> => scope.locator('details > summary').allInnerTexts();

const WORDS = {
  en: {
    posters: 'Posters (1)',
    previews: 'Video previews (1)',
    images: 'Image sizes and formats (12)',
    crops: 'Crops for social placements (6)',
    aspect: (aspect: string, count: number) => `Aspect ${aspect} (${count})`,
    cut: 'Cut',
    crop: (aspect: string) => `Crop ${aspect}`,
    original: 'Download the original',
    started: 'The download has started',
  },
  pl: {
    posters: 'Miniatury (1)',
    previews: 'Podglądy wideo (1)',
    images: 'Rozmiary i formaty zdjęcia (12)',
    crops: 'Kadry do mediów społecznościowych (6)',
    aspect: (aspect: string, count: number) => `Proporcje ${aspect} (${count})`,
    cut: 'Cięcie',
    crop: (aspect: string) => `Kadr ${aspect}`,
    original: 'Pobierz oryginał',
    started: 'Pobieranie się rozpoczęło',
  },
} as const;

/** What a video element offers to save it: its controls list, picture-in-picture, and whether the page lets the context menu open. */
function saveControls(video: Locator) {
  return video.evaluate((el: { controlsList: { contains(t: string): boolean }; disablePictureInPicture: boolean; dispatchEvent(e: unknown): boolean }) => {
    const MouseEventOf = (globalThis as unknown as { MouseEvent: new (type: string, init: object) => unknown }).MouseEvent;
    const menuShown = el.dispatchEvent(new MouseEventOf('contextmenu', { bubbles: true, cancelable: true }));
    return { nodownload: el.controlsList.contains('nodownload'), pictureInPicture: !el.disablePictureInPicture, menuShown };
  });
}

describe.each([
  ['en', 'desktop'],
  ['pl', 'phone'],
  ['pl', 'desktop'],
  ['en', 'phone'],
] as const)('the asset screen’s renditions (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  let page: Page;
  beforeAll(async () => {
    page = await open(lang, viewport);
  });
  afterAll(async () => page?.context().close());

  it('a video: closed groups with counts, cuts by aspect then shortest first, no way to save a cut from the player', async () => {
    await openAsset(page, videoId);
    const cuts = cutsOf(page);
    expect(await summaries(renditionsOf(page))).toEqual([words.posters, words.previews]);
    expect(await summaries(cuts)).toEqual([words.aspect('9:16', 2), words.aspect('1:1', 2), words.aspect('16:9', 2)]);
    expect(await page.locator('details[open]').count()).toBe(0);
    expect(await cuts.locator('video').first().isVisible()).toBe(false);

    // A group opens from the keyboard, as a native disclosure.
    await cuts.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await cuts.locator('details').first().getAttribute('open')).toBe('');
    await openGroups(page);
    expect(await page.locator('details:not([open])').count()).toBe(0);

    const labels = await cuts.locator('.cut-item > p').allInnerTexts();
    expect(labels.map((label) => label.split(' · ').slice(0, 2).join(' · '))).toEqual(CUT_ORDER.map((order) => `${words.cut} ${order}`));
    const videos = await cuts.locator('video').all();
    expect(videos).toHaveLength(CUTS.length);
    for (const video of [...videos, page.locator('video.main-preview')]) {
      expect(await video.getAttribute('controlslist')).toContain('nodownload');
      expect(await saveControls(video)).toEqual({ nodownload: true, pictureInPicture: false, menuShown: false });
    }
    expect(await cuts.getByRole('link').count()).toBe(0); // a cut leaves only through a pull
    expect(await page.locator('a[download]').count()).toBe(0);
    // The previews are real: the first cut plays its metadata.
    const first = cuts.locator('video').first();
    await first.evaluate((el: { preload: string; load(): void }) => {
      el.preload = 'metadata';
      el.load();
    });
    await page.waitForFunction((el) => (el as { readyState: number } | null)!.readyState > 0, await first.elementHandle());
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, `asset-renditions-video-${lang}-${viewport}`);
  });

  it('an image: its sizes as rows with a link per format, its crops as pictures', async () => {
    await openAsset(page, imageId);
    expect(await summaries(renditionsOf(page))).toEqual([words.images, words.crops]);
    await openGroups(page);
    const sizes = renditionsOf(page).locator('.size-table tbody tr');
    expect(await sizes.count()).toBe(4);
    for (const row of await sizes.all()) expect(await row.getByRole('link').allInnerTexts()).toEqual(['WEBP', 'AVIF', 'JPEG']);
    const crops = renditionsOf(page).locator('.picture-tile img');
    expect(await crops.evaluateAll((imgs: { alt: string }[]) => imgs.map((img) => img.alt))).toEqual(['9:16', '4:5', '1:1'].map(words.crop));
    await page.waitForFunction("[...document.querySelectorAll('.picture-tile img')].every((img) => img.complete && img.naturalWidth > 0)");
    expect(await imagesDecoded(crops)).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, `asset-renditions-image-${lang}-${viewport}`);
  });

  it('a content manager downloads the original, and the download is recorded in the asset’s history', async () => {
    await openAsset(page, videoId);
    const before = (await instance.api('GET', `/api/v1/assets/${videoId}/history`)).items.length;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words.original }).click()]);
    expect(download.suggestedFilename()).toBe(VIDEO_FILE);
    await page.getByRole('status').filter({ hasText: words.started }).waitFor();
    const history = (await instance.api('GET', `/api/v1/assets/${videoId}/history`)).items as Array<{ action: string; actor: { name: string } }>;
    expect(history.slice(before).map((e) => [e.action, e.actor.name])).toEqual([['asset.original_download', 'Maria (content)']]);
  });
});

describe('a viewer', () => {
  it('is offered no original and no cut to watch, only why', async () => {
    const page = await open('en', 'desktop', viewerKey);
    await openAsset(page, videoId);
    expect(await page.getByRole('button', { name: WORDS.en.original }).count()).toBe(0);
    expect(await page.locator('.asset-facts dt').allInnerTexts()).not.toContain('Original');
    await openGroups(page);
    expect(await cutsOf(page).locator('.cut-withheld').count()).toBe(CUTS.length);
    expect(await page.locator('video').count()).toBe(1); // the preview of the original only
    await saveScreenshot(page, 'asset-renditions-viewer');
    await page.context().close();
  });
});

describe('the page’s height', () => {
  it('stays short with the groups closed; measured at desktop and phone width', async () => {
    const heights: Record<string, number> = {};
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await open('en', viewport);
      for (const [name, id] of [
        ['video', videoId],
        ['image', imageId],
      ] as const) {
        await openAsset(page, id);
        heights[`${name}-${viewport}-closed`] = await pageHeight(page);
        await openGroups(page);
        await page.waitForLoadState('networkidle');
        heights[`${name}-${viewport}-open`] = await pageHeight(page);
      }
      await page.context().close();
    }
    await mkdir(path.dirname(SCREENSHOT_DIR), { recursive: true });
    await writeFile(path.join(path.dirname(SCREENSHOT_DIR), 'asset-page-height.json'), `${JSON.stringify(heights, null, 2)}\n`);
    expect(heights['video-desktop-closed']).toBeLessThan(heights['video-desktop-open']!);
    expect(heights['image-desktop-closed']).toBeLessThan(heights['image-desktop-open']!);
  }, 120_000);
});
