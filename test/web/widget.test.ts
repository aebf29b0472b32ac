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
const TILE_HEIGHT_PX = 240;
/** What the element takes with TILE_HEIGHT_PX and the default gap and FAQ row: tile + 16 (scrollbar) + 8 + 48. */
const RESERVED_HEIGHT_PX = TILE_HEIGHT_PX + 72;

let browser: Browser;
let instance: TestInstance;
let shop: StaticServer;
let dir: string;
const assetIds: Record<'plPhoto' | 'dePhoto' | 'plVideo' | 'endingPhoto', string> = { plPhoto: '', dePhoto: '', plVideo: '', endingPhoto: '' };

/**
 * A shop's product page in `lang`: the script from the API, the element between the description and a
 * footer (so any shift would show), the reservation the README recommends for the instant
 * before the script runs, and a layout-shift observer from the first paint on.
 */
function productPage(territory: string, api: string, scriptOrigin = api, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Trail Runner 2</title>
<script>
  window.shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
</script>
<script src="${scriptOrigin}/widget.js" defer></script>
<style>
  body { font: 16px/1.5 sans-serif; max-width: 960px; margin: 2rem auto; }
  ugc-gallery { --ugc-tile-height: ${TILE_HEIGHT_PX}px; }
  ugc-gallery:not(:defined) { display: block; height: ${RESERVED_HEIGHT_PX}px; }
</style></head>
<body>
  <h1>Trail Runner 2</h1>
  <p>Light trail shoe with a grippy sole. Sizes 36–47.</p>
  <ugc-gallery product="${SKU}" territory="${territory}" api="${api}"></ugc-gallery>
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
async function openShopPage(pathname: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${shop.url}${pathname}`);
  await page.waitForSelector('ugc-gallery[state=ready]', { timeout: 15_000 });
  await page.waitForFunction(() =>
    [...document.querySelector('ugc-gallery').shadowRoot.querySelectorAll('img')].every((img: DomNode) => img.complete && img.naturalWidth > 0),
  );
  return page;
}

const layoutShift = (page: Page): Promise<number> => page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));

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
