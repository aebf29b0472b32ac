import type { BrowserContext } from 'playwright-core';
import { locateMediaTools } from '../../core/media/media-tools';
import { RENDITION_KINDS } from '../../core/vocabulary/asset-kinds';
import { CHANNELS } from '../../core/vocabulary/channels';
import { COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';
import { LICENSE_STATES } from '../../core/vocabulary/license-state';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { ROLES } from '../../core/vocabulary/roles';
import { apiClient } from '../../scripts/demo/api-client';
import { DEMO_PRODUCTS } from '../../scripts/demo/demo-catalog';
import { seedDemo, type DemoReport } from '../../scripts/demo/seed-demo';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { en } from '../../web/dashboard/src/i18n/messages-en';
import { horizontalOverflow, pageHeight } from './dashboard-helpers';
import { signedInContext, VIEWPORTS, type Viewport } from './signed-in';

/**
 * Every screen of the dashboard as a new user meets it after `npm run demo`: the demo library
 * (its small size) seeded through the API, plus a rights request and a takedown request, then
 * each screen opened at desktop and phone width, in English and Polish. Each must show its
 * heading, fit the width, and show no raw wording: no message key, id, `undefined`, `NaN` or
 * invalid date. Screenshots: test-artifacts/screenshots/tour-*.png (the README's quick tour
 * shows a few of them).
 */
let browser: Browser;
let instance: TestInstance;
let demo: DemoReport;
let creatorId: string;
let licenseId: string;

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: ['media', 'nlp'] })]);
  demo = await seedDemo({
    api: apiClient(instance.url, instance.adminKey),
    ffmpegPath: locateMediaTools(instance.services.config).ffmpegPath,
    size: 'small',
    processingTimeoutMs: 180_000,
    corporaDir: instance.services.config.nlpCorporaDir,
    classificationTimeoutMs: 180_000,
  });
  const assetId = demo.assetIds.get('sneaker-run-clip')!;
  creatorId = (await instance.api('GET', `/api/v1/assets/${assetId}`)).creatorId;
  licenseId = [...demo.licenseIds.values()][0]!;
  const terms = {
    territories: ['PL', 'DE'],
    channels: ['paid_social'],
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 180 * DAY).toISOString(),
  };
  await instance.api('POST', '/api/v1/rights-requests', { creatorId, assetIds: [assetId], terms: { ...terms, derivativesAllowed: true }, language: 'pl' });
  const pageUrl = (await instance.api('POST', `/api/v1/creators/${creatorId}/page-link`, {})).url as string;
  const takedown = await fetch(`${pageUrl}/takedown`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ assetIds: [assetId], reason: 'I would rather this clip were not used in ads any more.' }),
  });
  expect(takedown.status).toBe(201);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

/** Each screen: its path (made once the demo exists) and its heading in both languages. */
const SCREENS: Array<{ name: string; path: () => string; heading: { en: RegExp; pl: RegExp } }> = [
  { name: 'library', path: () => '/', heading: { en: /^Library$/, pl: /^Biblioteka$/ } },
  { name: 'asset', path: () => `/assets/${demo.assetIds.get('sneaker-run-clip')}`, heading: { en: /./, pl: /./ } },
  { name: 'upload', path: () => '/upload', heading: { en: /upload/i, pl: /prze[sś]lij|dodaj/i } },
  { name: 'licenses', path: () => '/licenses', heading: { en: /^Licenses$/, pl: /^Licencje$/ } },
  { name: 'license', path: () => `/licenses/${licenseId}`, heading: { en: /license/i, pl: /licencj/i } },
  { name: 'expiring', path: () => '/expiring', heading: { en: /expir/i, pl: /wygas/i } },
  { name: 'creators', path: () => '/creators', heading: { en: /^Creators$/, pl: /^Twórcy$/ } },
  { name: 'creator', path: () => `/creators/${creatorId}`, heading: { en: /./, pl: /./ } },
  { name: 'requests', path: () => '/requests', heading: { en: /request/i, pl: /pro[sś]b/i } },
  { name: 'new-request', path: () => '/requests/new', heading: { en: /^Ask for rights$/, pl: /^Poproś o prawa$/ } },
  { name: 'takedowns', path: () => '/takedowns', heading: { en: /takedown/i, pl: /wycofani|usuni/i } },
  { name: 'insights', path: () => `/insights/${DEMO_PRODUCTS.sneaker}`, heading: { en: /./, pl: /./ } },
];

/**
 * What must never reach a person: a message key (`nav.library`), a code of the API's vocabulary
 * (`paid_social`, `not_started`), an id, JavaScript's words for a missing value, an instant as
 * the API writes it. (User content such as handles and comments may hold anything, so the words
 * are matched exactly rather than by shape.)
 */
const CODES = [...CHANNELS, ...COMMENT_TOPICS, ...LICENSE_STATES, ...RIGHTS_REASONS, ...ROLES, ...RENDITION_KINDS].filter((code) => code.includes('_'));
const RAW = [
  new RegExp(`(^|\\s)(${[...Object.keys(en), ...CODES].map((word) => word.replace(/\./g, '\\.')).join('|')})(?=[\\s.,:;)]|$)`, 'm'),
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
  /\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date/,
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
];

/** At most a few screens' worth, with the demo library (a product's insights are the longest). */
const MAX_HEIGHT = { desktop: 4_000, phone: 8_000 } as const;

async function openSignedIn(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${instance.url}${path}`);
  return page;
}

describe.each(['en', 'pl'] as const)('every screen in %s', (lang) => {
  describe.each(Object.keys(VIEWPORTS) as Viewport[])('at %s width', (viewport) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await signedInContext(browser, { key: instance.adminKey, lang, viewport: VIEWPORTS[viewport] });
    });
    afterAll(() => context?.close());

    it.each(SCREENS.map((s) => [s.name, s] as const))('%s: its heading, fitting the width, in words', async (name, screen) => {
      const page = await openSignedIn(context, screen.path());
      await page.getByRole('heading', { level: 1, name: screen.heading[lang] }).waitFor();
      await page.waitForLoadState('networkidle');
      await page
        .locator('[aria-busy="true"]')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await saveScreenshot(page, `tour-${name}-${lang}-${viewport}`);
      expect(await horizontalOverflow(page)).toBe(0);
      // Long lists come a page at a time and forms open on request: a screen is taken in by scrolling a little.
      expect(await pageHeight(page)).toBeLessThanOrEqual(MAX_HEIGHT[viewport]);
      const text = await page.locator('main').innerText();
      const raw = RAW.map((pattern) => pattern.exec(text)?.[0]).filter(Boolean);
      expect([name, raw]).toEqual([name, []]);
      await page.close();
    });
  });
});
