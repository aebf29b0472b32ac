import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { faqEntries } from '../../core/db';
import { markGalleriesStale } from '../../core/gallery/gallery-cache';
import {
  launchBrowser,
  saveScreenshot,
  serveStatic,
  startTestInstance,
  type Browser,
  type Page,
  type StaticServer,
  type TestInstance,
} from '../helpers/browser';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { freePort } from '../scripts/free-port';

/**
 * The widget on a plain product page of another origin, in real Chromium, against a real
 * instance: what it shows per territory, its FAQ, video, license end, API down and layout.
 */
const SKU = 'TRAIL-RUNNER-2';

// The callbacks given to page.evaluate run in Chromium, but this project type-checks with
// Node's types only: the page's globals are declared here, loosely, for this file alone.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DomNode = any;
declare const document: DomNode;
declare const window: { shifts: number[] };
declare const getComputedStyle: (element: DomNode) => DomNode;
const TILE_HEIGHT_PX = 240;
/** What the element takes with TILE_HEIGHT_PX and the default gap and FAQ row: tile + 16 (scrollbar) + 8 + 48. */
const RESERVED_HEIGHT_PX = TILE_HEIGHT_PX + 72;
/** Larger tiles on the CZ page, where all four items are licensed: more than a 960 px column holds. */
const LARGE_TILE_HEIGHT_PX = 400;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

interface PageOptions {
  sku?: string;
  tileHeight?: number;
  keepSpace?: boolean;
}

let browser: Browser;
let instance: TestInstance;
let shop: StaticServer;
let dir: string;
const assetIds: Record<'plPhoto' | 'dePhoto' | 'plVideo' | 'endingPhoto', string> = { plPhoto: '', dePhoto: '', plVideo: '', endingPhoto: '' };

/**
 * A shop's product page in `lang`: the script from the API, the element between the description and a
 * footer (so any shift would show), the reservation the README recommends for the instant
 * before the script runs, and a layout-shift observer from the first paint on. `page` varies
 * the product, the tile height and the element's data-keep-space.
 */
function productPage(territory: string, api: string, scriptOrigin = api, lang = 'en', page: PageOptions = {}): string {
  const { sku = SKU, tileHeight = TILE_HEIGHT_PX, keepSpace = false } = page;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trail Runner 2</title>
<script>
  window.shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
</script>
<script src="${scriptOrigin}/widget.js" defer></script>
<style>
  body { font: 16px/1.5 sans-serif; max-width: 960px; margin: 2rem auto; }
  ugc-gallery { --ugc-tile-height: ${tileHeight}px; }
  ugc-gallery:not(:defined) { display: block; height: ${tileHeight + 72}px; }
</style></head>
<body>
  <h1>Trail Runner 2</h1>
  <p>Light trail shoe with a grippy sole. Sizes 36–47.</p>
  <ugc-gallery product="${sku}" territory="${territory}" api="${api}"${keepSpace ? ' data-keep-space' : ''}></ugc-gallery>
  <footer id="footer">Free returns within 30 days.</footer>
</body></html>`;
}

async function uploadReady(file: string, creatorId: string): Promise<string> {
  const asset = await instance.upload(file, { creatorId, productSkus: SKU });
  const job = await settledJob(instance.services, asset.jobId, 40_000);
  if (job.state !== 'completed') throw new Error(`processing ${file} failed: ${JSON.stringify(job.error)}`);
  return asset.id as string;
}

async function creator(handle: string): Promise<string> {
  return (await instance.api('POST', '/api/v1/creators', { handle, platform: 'instagram', followers: 12_000 })).id as string;
}

function license(assetId: string, territory: string, terms: { disclosureRequired: boolean; endsAt?: Date }) {
  return instance.api('POST', '/api/v1/licenses', {
    assetIds: [assetId],
    territories: [territory],
    channels: ['product_page'],
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: terms.endsAt?.toISOString() ?? null,
    derivativesAllowed: false,
    disclosureRequired: terms.disclosureRequired,
  });
}

beforeAll(async () => {
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'widget-'));
  const [ania, dieter, vid, soon] = await Promise.all(['ania.pl', 'dieter_de', 'vid.maker', 'soon.gone'].map(creator));
  const [photoA, photoB, photoC, clip] = await Promise.all([
    makeImage(dir, 'a.jpg', { width: 800, height: 1000, format: 'jpeg', colour: '#c0392b' }),
    makeImage(dir, 'b.jpg', { width: 800, height: 1000, format: 'jpeg', colour: '#2471a3' }),
    makeImage(dir, 'c.jpg', { width: 800, height: 1000, format: 'jpeg', colour: '#229954' }),
    makeVideo(dir, 'clip.mp4', { width: 640, height: 360, durationS: 3 }),
  ]);
  [assetIds.plPhoto, assetIds.dePhoto, assetIds.endingPhoto, assetIds.plVideo] = await Promise.all([
    uploadReady(photoA, ania!),
    uploadReady(photoB, dieter!),
    uploadReady(photoC, soon!),
    uploadReady(clip, vid!),
  ]);
  await license(assetIds.plPhoto, 'PL', { disclosureRequired: true });
  await license(assetIds.plVideo, 'PL', { disclosureRequired: false });
  await license(assetIds.dePhoto, 'DE', { disclosureRequired: true });
  for (const id of Object.values(assetIds)) await license(id, 'CZ', { disclosureRequired: false });
  // The FAQ is written by a content manager elsewhere; here it is seeded as published rows.
  await instance.services.database.db.insert(faqEntries).values([
    { productSku: SKU, topic: 'size_fit', question: 'Does it run small?', answer: 'Order half a size up.', status: 'published', commentCount: 12 },
    { productSku: SKU, topic: 'shipping', question: 'Do you ship to Poland?', answer: 'Yes, within two days.', status: 'published', commentCount: 5 },
    { productSku: SKU, topic: 'price', question: 'A draft, never shown?', answer: 'No.', status: 'draft', commentCount: 40 },
  ]);
  markGalleriesStale();
  const deadApi = `http://127.0.0.1:${await freePort()}`;
  shop = await serveStatic({
    '/pl': productPage('PL', instance.url),
    '/de': productPage('DE', instance.url),
    '/pl-polish': productPage('PL', instance.url, instance.url, 'pl'),
    '/api-down': productPage('PL', deadApi, instance.url),
    '/cz': productPage('CZ', instance.url, instance.url, 'en', { tileHeight: LARGE_TILE_HEIGHT_PX }),
    '/faq-only': productPage('FR', instance.url),
    '/empty': productPage('PL', instance.url, instance.url, 'en', { sku: 'NOTHING-HERE-1' }),
    '/empty-kept': productPage('PL', instance.url, instance.url, 'en', { sku: 'NOTHING-HERE-1', keepSpace: true }),
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What the element shows, read from its shadow root. */
interface Shown {
  state: string | null;
  assets: string[];
  handles: string[];
  badges: Record<string, string>;
  images: Array<{ srcset: string; loading: string; sources: string[]; loaded: boolean }>;
  text: string;
  height: number;
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const host = document.querySelector('ugc-gallery');
    const root = host.shadowRoot;
    const tiles: DomNode[] = [...root.querySelectorAll('li[data-asset]')].filter((li: DomNode) => !li.hidden);
    return {
      state: host.getAttribute('state'),
      assets: tiles.map((li) => li.dataset.asset),
      handles: tiles.map((li) => li.querySelector('.who')?.textContent ?? ''),
      badges: Object.fromEntries(tiles.flatMap((li) => (li.querySelector('.ad') ? [[li.dataset.asset, li.querySelector('.ad').textContent]] : []))),
      images: [...root.querySelectorAll('img')].map((img: DomNode) => ({
        srcset: img.srcset,
        loading: img.loading,
        sources: [...img.parentElement.querySelectorAll('source')].map((source: DomNode) => source.type),
        loaded: img.complete && img.naturalWidth > 0,
      })),
      text: [...root.children]
        .filter((el: DomNode) => el.tagName !== 'STYLE')
        .map((el: DomNode) => el.textContent)
        .join('')
        .trim(),
      height: host.getBoundingClientRect().height,
    };
  });
}

/** Opens a product page and waits until the gallery answered and every visible image decoded. */
async function openShopPage(pathname: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  await page.goto(`${shop.url}${pathname}`);
  await page.waitForSelector('ugc-gallery[state=ready]', { timeout: 15_000 });
  await page.waitForFunction(() =>
    [...document.querySelector('ugc-gallery').shadowRoot.querySelectorAll('img')].every((img: DomNode) => img.complete && img.naturalWidth > 0),
  );
  return page;
}

const layoutShift = (page: Page): Promise<number> => page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));

/** The host's focused element inside its shadow root, by its accessible name or text. */
const focusedName = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const active = document.querySelector('ugc-gallery').shadowRoot.activeElement;
    return active ? active.getAttribute('aria-label') || active.textContent : null;
  });

/** Tabs from where focus is until the button named `name` has it, as a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 15 && (await focusedName(page)) !== name; presses++) await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe(name);
}

interface StripState {
  scrollLeft: number;
  maxScroll: number;
  step: number;
  snap: string;
  arrows: Array<{ hidden: boolean; disabled: string | null }>;
}

const stripState = (page: Page): Promise<StripState> =>
  page.evaluate(() => {
    const root = document.querySelector('ugc-gallery').shadowRoot;
    const ul = root.querySelector('ul');
    const [first, second] = root.querySelectorAll('li');
    return {
      scrollLeft: ul.scrollLeft,
      maxScroll: ul.scrollWidth - ul.clientWidth,
      step: second.offsetLeft - first.offsetLeft,
      snap: getComputedStyle(ul).scrollSnapType,
      arrows: [...root.querySelectorAll('.arrow')].map((b: DomNode) => ({ hidden: b.hidden, disabled: b.getAttribute('aria-disabled') })),
    };
  });

/** Waits until the strip stopped moving (smooth scrolling and snapping take a few frames). */
async function settledStrip(page: Page): Promise<StripState> {
  let last = await stripState(page);
  for (;;) {
    await page.waitForTimeout(150);
    const now = await stripState(page);
    if (now.scrollLeft === last.scrollLeft) return now;
    last = now;
  }
}

/** The open lightbox: its name, what has focus in the shadow root, and the media's size and state. */
const lightbox = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('ugc-gallery').shadowRoot;
    const dialog = root.querySelector('dialog');
    if (!dialog) return null;
    const media = dialog.querySelector('video, img');
    const box = media.getBoundingClientRect();
    return {
      open: dialog.open,
      label: dialog.getAttribute('aria-label'),
      focusInside: dialog.contains(root.activeElement),
      focused: root.activeElement?.getAttribute('aria-label'),
      tag: media.tagName,
      width: box.width,
      height: box.height,
      loaded: media.tagName === 'IMG' ? media.complete && media.naturalWidth > 0 : media.readyState >= 2,
    };
  });

/** The dialog closes (its close event comes a task later) and leaves the shadow root. */
const lightboxClosed = (page: Page) => page.waitForFunction(() => !document.querySelector('ugc-gallery').shadowRoot.querySelector('dialog'));

describe('<ugc-gallery> browsing: arrows, swipe, lightbox, empty', () => {
  it('scrolls with its arrow buttons by keyboard and mouse on a desktop, snapping to tiles', async () => {
    const page = await openShopPage('/cz');
    let strip = await stripState(page);
    expect(strip.snap).toBe('x mandatory');
    expect(strip.maxScroll).toBeGreaterThan(0); // four 320 px tiles in a 960 px column: the fourth is cut off
    expect(strip.arrows).toEqual([
      { hidden: false, disabled: 'true' },
      { hidden: false, disabled: 'false' },
    ]);
    await saveScreenshot(page, 'widget-arrows-start');

    await tabTo(page, 'Next');
    // Tabbing through the tiles scrolled each into view: back to the start, focus staying on Next.
    await page.evaluate(() => document.querySelector('ugc-gallery').shadowRoot.querySelector('ul').scrollTo({ left: 0, behavior: 'instant' }));
    expect((await settledStrip(page)).scrollLeft).toBe(0);
    await page.keyboard.press('Enter');
    strip = await settledStrip(page);
    expect(strip.scrollLeft).toBeGreaterThan(0);
    expect(strip.scrollLeft === strip.maxScroll || strip.scrollLeft % strip.step === 0).toBe(true);
    expect(strip.arrows.map((a) => a.disabled)).toEqual(['false', strip.scrollLeft === strip.maxScroll ? 'true' : 'false']);
    expect(await focusedName(page)).toBe('Next'); // still there to press again, even at the end
    await saveScreenshot(page, 'widget-arrows-scrolled');

    await page.locator('ugc-gallery button.prev').click();
    strip = await settledStrip(page);
    expect(strip.scrollLeft).toBe(0);
    expect(strip.arrows[0]!.disabled).toBe('true');
    await page.close();
  });

  it('scrolls by swiping on a phone and settles on a tile edge', async () => {
    const page = await openShopPage('/cz', PHONE);
    const before = await stripState(page);
    expect(before.arrows.every((a) => !a.hidden)).toBe(true);
    const box = (await page.locator('ugc-gallery ul').boundingBox())!;
    // A finger dragged leftwards across the strip, in ten moves, then lifted (CDP touch events:
    // Chromium scrolls and snaps as for a real touch screen).
    const cdp = await page.context().newCDPSession(page);
    const [x, y, distance] = [Math.round(box.x + box.width * 0.8), Math.round(box.y + box.height / 2), Math.round(box.width * 0.6)];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step++)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x - (distance * step) / 10, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const after = await settledStrip(page);
    expect(after.scrollLeft).toBeGreaterThan(0);
    expect(after.scrollLeft === after.maxScroll || after.scrollLeft % after.step === 0).toBe(true);
    await saveScreenshot(page, 'widget-phone-swiped');
    await page.close();
  });

  it('opens a photo in a lightbox from the keyboard, keeps focus in it, and Escape gives focus back to the tile', async () => {
    const page = await openShopPage('/pl');
    await tabTo(page, 'Enlarge: Photo by @ania.pl');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ugc-gallery').shadowRoot.querySelector('dialog img')?.complete);
    let box = (await lightbox(page))!;
    expect(box).toMatchObject({ open: true, label: 'Photo by @ania.pl', focused: 'Close', tag: 'IMG', loaded: true });
    expect(box.height).toBeGreaterThan(TILE_HEIGHT_PX * 2); // larger than its tile
    expect(box.height).toBeLessThanOrEqual(DESKTOP.height);
    await saveScreenshot(page, 'widget-lightbox-photo');

    for (let presses = 0; presses < 3; presses++) {
      await page.keyboard.press(presses === 1 ? 'Shift+Tab' : 'Tab');
      box = (await lightbox(page))!;
      expect(box.focusInside).toBe(true);
    }
    await page.keyboard.press('Escape');
    await lightboxClosed(page);
    expect(await focusedName(page)).toBe('Enlarge: Photo by @ania.pl');
    await page.close();
  });

  it('plays a video larger in the lightbox on a phone and closes with its button, focus back on the tile', async () => {
    const page = await openShopPage('/pl', PHONE);
    await page.locator('ugc-gallery').getByRole('button', { name: 'Enlarge: Video by @vid.maker' }).click();
    await page.waitForFunction(() => {
      const video = document.querySelector('ugc-gallery').shadowRoot.querySelector('dialog video');
      return video && !video.paused && video.currentTime > 0.3;
    });
    const box = (await lightbox(page))!;
    expect(box).toMatchObject({ open: true, label: 'Video by @vid.maker', focused: 'Close', tag: 'VIDEO', loaded: true });
    expect(box.width).toBeGreaterThan(PHONE.width * 0.8);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'widget-lightbox-video-phone');
    await page.keyboard.press('Enter'); // on the close button
    await lightboxClosed(page);
    expect(await focusedName(page)).toBe('Enlarge: Video by @vid.maker');
    await page.close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('takes no space when the gallery is empty unless it has data-keep-space (%s)', async (name, viewport) => {
    const heightOf = async (pathname: string, state: string) => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${shop.url}${pathname}`);
      await page.waitForSelector(`ugc-gallery[state=${state}]`, { state: 'attached', timeout: 15_000 });
      const height = await page.evaluate(() => document.querySelector('ugc-gallery').getBoundingClientRect().height);
      await saveScreenshot(page, `widget-${pathname.slice(1)}-${name}`);
      await page.close();
      return height;
    };
    expect(await heightOf('/empty', 'empty')).toBe(0);
    expect(await heightOf('/empty-kept', 'empty')).toBe(RESERVED_HEIGHT_PX);
    // Only the FAQ (nothing licensed in FR): the strip collapses, the FAQ row stays.
    expect(await heightOf('/faq-only', 'ready')).toBe(48);
  });
});

describe('<ugc-gallery> on a product page', () => {
  it('shows exactly the items licensed for product pages in PL: handles, badges, responsive lazy images, no layout shift', async () => {
    const page = await openShopPage('/pl');
    const view = await shown(page);
    expect(view.assets.sort()).toEqual([assetIds.plPhoto, assetIds.plVideo].sort());
    expect(view.handles.sort()).toEqual(['@ania.pl', '@vid.maker']);
    // Disclosure only where the license requires it, in the territory's word.
    expect(view.badges).toEqual({ [assetIds.plPhoto]: 'REKLAMA' });
    expect(view.images).toHaveLength(2);
    for (const image of view.images) {
      expect(image.loaded).toBe(true);
      expect(image.loading).toBe('lazy');
      expect(image.srcset).toMatch(/ \d+w(, |$)/);
    }
    const photo = view.images.find((i) => i.srcset.includes('320w, '))!;
    expect(photo.srcset).toMatch(/320w, .* 640w$/);
    expect(photo.sources).toEqual(expect.arrayContaining(['image/avif', 'image/webp']));
    expect(view.height).toBe(RESERVED_HEIGHT_PX);
    await page.waitForTimeout(300); // shifts are reported after the frame that made them
    expect(await layoutShift(page)).toBe(0);
    await saveScreenshot(page, 'widget-pl');
    await page.close();
  });

  it('shows the DE-licensed items on the DE page and none of the PL ones', async () => {
    const page = await openShopPage('/de');
    const view = await shown(page);
    expect(view.assets).toEqual([assetIds.dePhoto]);
    expect(view.handles).toEqual(['@dieter_de']);
    expect(view.badges).toEqual({ [assetIds.dePhoto]: '#ad' });
    await saveScreenshot(page, 'widget-de');
    await page.close();
  });

  it('shows the published FAQ as an accordion that opens with the keyboard', async () => {
    const page = await openShopPage('/pl');
    const faq = page.locator('ugc-gallery details').first();
    await expect(faq.locator('summary').first().textContent()).resolves.toBe('Questions & answers (2)');
    expect(await faq.isVisible()).toBe(true);
    await expect(page.locator('ugc-gallery details details summary').allTextContents()).resolves.toEqual(['Does it run small?', 'Do you ship to Poland?']);
    expect(await page.getByText('Order half a size up.').isVisible()).toBe(false);

    // Tab from the top of the page to the FAQ row, as a keyboard user would.
    const focusedSummary = () => page.evaluate(() => document.querySelector('ugc-gallery').shadowRoot.activeElement?.textContent ?? null);
    for (let presses = 0; presses < 10 && (await focusedSummary()) !== 'Questions & answers (2)'; presses++) await page.keyboard.press('Tab');
    expect(await focusedSummary()).toBe('Questions & answers (2)');
    await page.keyboard.press('Enter');
    expect(await page.getByText('Does it run small?').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedSummary()).toBe('Does it run small?');
    await page.keyboard.press('Space');
    expect(await page.getByText('Order half a size up.').isVisible()).toBe(true);
    expect(await page.getByText('Yes, within two days.').isVisible()).toBe(false);
    await saveScreenshot(page, 'widget-faq-open');
    await page.close();
  });

  it('plays a video when its poster is clicked', async () => {
    const page = await openShopPage('/pl');
    const tile = page.locator(`ugc-gallery li[data-asset="${assetIds.plVideo}"]`);
    expect(await tile.locator('video').count()).toBe(0);
    await tile.getByRole('button', { name: 'Play: Video by @vid.maker' }).click();
    await page.waitForFunction(
      (id) => {
        const video = document.querySelector('ugc-gallery').shadowRoot.querySelector(`li[data-asset="${id}"] video`);
        return video !== null && !video.paused && video.currentTime > 0.3;
      },
      assetIds.plVideo,
      { timeout: 10_000 },
    );
    await saveScreenshot(page, 'widget-video-playing');
    await page.close();
  });

  it('speaks the language of a Polish page: its names for screen readers and the FAQ heading', async () => {
    const page = await openShopPage('/pl-polish');
    const gallery = page.locator('ugc-gallery');
    await expect(gallery.locator('ul').getAttribute('aria-label')).resolves.toBe('Zdjęcia i filmy klientów');
    await expect(gallery.locator('summary').first().textContent()).resolves.toBe('Pytania i odpowiedzi (2)');
    await expect(gallery.locator(`li[data-asset="${assetIds.plPhoto}"] img`).getAttribute('alt')).resolves.toBe('Zdjęcie: @ania.pl');
    await expect(gallery.getByRole('button', { name: 'Odtwórz film: @vid.maker' }).count()).resolves.toBe(1);
    await saveScreenshot(page, 'widget-polish');
    await page.close();
  });

  it('takes an item away when its license ends, without a reload and after one', async () => {
    await license(assetIds.endingPhoto, 'PL', { disclosureRequired: false, endsAt: new Date(Date.now() + 6_000) });
    const page = await openShopPage('/pl');
    expect((await shown(page)).assets).toContain(assetIds.endingPhoto);
    await saveScreenshot(page, 'widget-license-active');

    // The widget fetches again when the gallery's max-age (cut to the license end) runs out.
    await page.waitForSelector(`ugc-gallery li[data-asset="${assetIds.endingPhoto}"]`, { state: 'detached', timeout: 15_000 });
    expect((await shown(page)).assets.sort()).toEqual([assetIds.plPhoto, assetIds.plVideo].sort());
    await page.reload();
    await page.waitForSelector('ugc-gallery[state=ready]');
    expect((await shown(page)).assets.sort()).toEqual([assetIds.plPhoto, assetIds.plVideo].sort());
    await saveScreenshot(page, 'widget-license-ended');
    await page.close();
  });

  it('hides an item whose files cannot be loaded rather than show a broken image', async () => {
    for await (const { key } of instance.services.storage.list(`assets/${assetIds.dePhoto}/`)) await instance.services.storage.delete(key);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${shop.url}/de`);
    await page.waitForSelector('ugc-gallery[state=ready]', { timeout: 15_000 });
    const tile = page.locator(`ugc-gallery li[data-asset="${assetIds.dePhoto}"]`);
    await tile.waitFor({ state: 'hidden' });
    expect(await tile.getAttribute('hidden')).toBe(''); // listed by the gallery, hidden by the widget
    expect((await shown(page)).assets).toEqual([]);
    await saveScreenshot(page, 'widget-files-missing');
    await page.close();
  });

  it('keeps its space blank and shows nothing broken when the API is down', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${shop.url}/api-down`);
    await page.waitForSelector('ugc-gallery[state=error]', { timeout: 15_000 });
    const view = await shown(page);
    expect(view.assets).toEqual([]);
    expect(view.images).toEqual([]);
    expect(view.text).toBe('');
    expect(view.height).toBe(RESERVED_HEIGHT_PX);
    expect(failed.every((url) => url.includes('/public/v1/products/'))).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    expect(await layoutShift(page)).toBe(0);
    await saveScreenshot(page, 'widget-api-down');
    await page.close();
  });
});
