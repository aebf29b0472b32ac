import { startApiServer, type RunningApi } from '../../api/server';
import { assets, comments, creators, licenseAssets, licenses, webhooks } from '../../core/db';
import { locateMediaTools } from '../../core/media/media-tools';
import type { Services } from '../../core/runtime/services';
import { apiClient, type ApiClient } from '../../scripts/demo/api-client';
import { checkCutLengths } from '../../core/media/planned-cut';
import { DEMO_CREATORS, DEMO_MEDIA, DEMO_PRODUCTS, STANDARD_CUT_DURATIONS_S } from '../../scripts/demo/demo-catalog';
import { demoCommentSet } from '../../scripts/demo/demo-comment-set';
import { DEMO_LICENSES } from '../../scripts/demo/demo-licenses';
import { seedDemo, type DemoReport, type SeedDemoOptions } from '../../scripts/demo/seed-demo';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { openTestServices } from '../helpers/test-services';

/** `npm run demo`'s seeding against a real instance: API on loopback, media worker, PGlite, Redis. */
let services: Services;
let workers: RunningWorkers;
let api: RunningApi;
let client: ApiClient;
let options: SeedDemoOptions;
let first: DemoReport;

const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  services = await openTestServices({ HOST: '127.0.0.1', PORT: '0' });
  workers = await startWorkers(services, ['media', 'nlp']);
  api = await startApiServer(services);
  client = apiClient(api.url, api.adminKey.key!);
  options = {
    api: client,
    ffmpegPath: locateMediaTools(services.config).ffmpegPath,
    size: 'small',
    processingTimeoutMs: 120_000,
    corporaDir: services.config.nlpCorporaDir,
    classificationTimeoutMs: 120_000,
  };
  first = await seedDemo(options);
}, 240_000);

afterAll(async () => {
  await api?.close();
  await workers?.close();
  await services?.close();
});

const assetId = (key: string) => first.assetIds.get(key)!;

test('creators of every tier, on instagram, tiktok and youtube', async () => {
  const listed = await client.getAll<{ handle: string; platform: string; tier: string }>('/api/v1/creators?limit=200');
  expect(listed).toHaveLength(DEMO_CREATORS.length);
  expect(new Set(listed.map((c) => c.tier))).toEqual(new Set(['none', 'nano', 'micro', 'macro', 'mega']));
  expect(new Set(listed.map((c) => c.platform))).toEqual(new Set(['instagram', 'tiktok', 'youtube']));
  expect(listed.map((c) => c.handle)).toEqual(expect.arrayContaining(['ania.gotuje', 'mike.unboxes']));
});

test('every generated image and clip is uploaded with its SKUs and probed to ready', async () => {
  type Asset = { id: string; kind: string; status: string; width: number; height: number; hasAudio?: boolean; productSkus: string[] };
  const listed = await client.getAll<Asset>('/api/v1/assets?limit=100');
  expect(listed).toHaveLength(DEMO_MEDIA.length);
  expect(listed.every((a) => a.status === 'ready')).toBe(true);
  expect(first.assetStatus).toEqual({ ready: DEMO_MEDIA.length });

  const byKey = (key: string) => listed.find((a) => a.id === assetId(key))!;
  expect(byKey('sneaker-run-clip')).toMatchObject({ kind: 'video', width: 270, height: 480, hasAudio: true, productSkus: ['SKU-SNEAKER-02'] });
  expect(byKey('mug-pour-silent')).toMatchObject({ kind: 'video', hasAudio: false });
  expect(byKey('sneaker-street')).toMatchObject({ kind: 'image', width: 400, height: 226 });
  expect(byKey('unboxing').productSkus).toEqual(['SKU-SNEAKER-02', 'SKU-TSHIRT-01']);
});

test('every clip is long enough for every standard ad cut, and one is a 1080×1920 phone clip', async () => {
  const clips = DEMO_MEDIA.filter((m) => m.kind === 'video');
  expect(clips.map((c) => [c.width, c.height])).toContainEqual([1080, 1920]);
  const cuts = STANDARD_CUT_DURATIONS_S.map((durationS) => ({ aspect: '9:16' as const, durationS }));
  for (const clip of clips) {
    // As probed from the generated file, and judged by the rule the cuts endpoint applies.
    const { durationS } = await client.get<{ durationS: number }>(`/api/v1/assets/${assetId(clip.key)}`);
    expect(durationS).toBeGreaterThanOrEqual(31);
    expect(() => checkCutLengths(cuts, { durationS })).not.toThrow();
  }
});

test('licenses of every state, as the API reports them now', async () => {
  const listed = await client.getAll<{ id: string; state: string }>('/api/v1/licenses?limit=200');
  const stateOf = (key: string) => listed.find((l) => l.id === first.licenseIds.get(key))?.state;
  expect(listed).toHaveLength(DEMO_LICENSES.length);
  expect(stateOf('unboxing-worldwide')).toBe('active');
  expect(stateOf('mug-perpetual')).toBe('active');
  expect(stateOf('sneaker-run-ending-soon')).toBe('expiring');
  expect(stateOf('sneaker-story-expired')).toBe('expired');
  expect(stateOf('trail-vlog-not-started')).toBe('not_started');
  expect(stateOf('tshirt-mirror-revoked')).toBe('revoked');
  expect(stateOf('mug-pour-renewal-draft')).toBe('draft');
  expect(first.licenseStates).toEqual({ active: 8, expiring: 1, expired: 1, not_started: 1, revoked: 1, draft: 1 });
});

describe('the rights endpoint answers differently for each license shape', () => {
  // Every row has all five columns: jest passes a shorter row's missing column as a done callback.
  const cases: Array<[media: string, query: string, allowed: boolean, reasons: string[], license: string | null]> = [
    ['tshirt-flatlay', 'channel=product_page&territory=PL', true, [], 'tshirt-pl-only'],
    ['tshirt-flatlay', 'channel=product_page&territory=DE', false, ['territory_not_granted'], null],
    ['tshirt-flatlay', 'channel=product_page&territory=PL&derivative=true', false, ['derivatives_not_allowed'], null],
    ['tshirt-flatlay', 'channel=paid_social&territory=PL', false, ['channel_not_granted'], null],
    ['unboxing', 'channel=paid_social&territory=DE&derivative=true', true, [], 'unboxing-worldwide'],
    ['unboxing', 'channel=paid_social&territory=RU', false, ['territory_not_granted'], null],
    ['sneaker-story', 'channel=product_page&territory=PL', false, ['expired'], null],
    ['trail-vlog', 'channel=product_page&territory=PL', false, ['not_started'], null],
    ['tshirt-mirror', 'channel=product_page&territory=PL', false, ['revoked'], null],
    ['mug-kitchen', 'channel=email&territory=PL', true, [], 'marta-creator-wide'],
    ['mug-kitchen', 'channel=product_page&territory=FR', true, [], 'product-pages'],
    ['mug-desk', 'channel=pos&territory=JP', true, [], 'mug-perpetual'],
    ['mug-pour-silent', 'channel=product_page&territory=PL', false, ['not_active', 'not_started', 'channel_not_granted'], null],
    ['tshirt-try-on', 'channel=product_page&territory=PL', false, ['channel_not_granted'], null],
    ['tshirt-first-post', 'channel=product_page&territory=PL', false, ['no_license'], null],
  ];

  test.each(cases)('%s ?%s → allowed %s %j', async (media, query, allowed, reasons, license) => {
    const answer = await client.get(`/api/v1/assets/${assetId(media)}/rights?${query}`);
    expect(answer).toEqual({ allowed, reasons, licenseId: license ? first.licenseIds.get(license) : null });
  });

  test('the license ending in 5 days covers today and not next week', async () => {
    const path = `/api/v1/assets/${assetId('sneaker-run-clip')}/rights?channel=paid_social&territory=PL`;
    expect(await client.get(path)).toMatchObject({ allowed: true });
    const nextWeek = encodeURIComponent(new Date(Date.now() + 6 * DAY_MS).toISOString());
    expect(await client.get(`${path}&at=${nextWeek}`)).toMatchObject({ allowed: false, reasons: ['expired'] });
  });
});

test('the public gallery shows licensed content only', async () => {
  const gallery = await client.get<{ items: Array<{ assetId: string }> }>('/public/v1/products/SKU-TSHIRT-01/gallery?territory=PL');
  const shown = gallery.items.map((i) => i.assetId);
  expect(shown).toEqual(expect.arrayContaining([assetId('tshirt-flatlay'), assetId('unboxing')]));
  for (const hidden of ['tshirt-mirror', 'tshirt-try-on', 'tshirt-first-post']) expect(shown).not.toContain(assetId(hidden));
});

test('a few hundred comments in Polish and English, over weeks, classified, with real ones from the corpora', async () => {
  const { comments: expected, realMissing } = demoCommentSet(services.config.nlpCorporaDir);
  expect(realMissing).toBeNull();
  const rows = await services.database.db.select().from(comments);
  expect(rows).toHaveLength(expected.length);
  expect(rows.length).toBeGreaterThan(300);
  expect(first.comments).toEqual({ created: expected.length, existing: 0 });
  expect(new Set(rows.map((r) => r.productSku))).toEqual(new Set(Object.values(DEMO_PRODUCTS)));
  expect(rows.find((r) => r.text === 'ile kosztuja te buty')).toMatchObject({ assetId: assetId('sneaker-street'), platform: 'instagram' });
  expect(rows.filter((r) => r.externalId.startsWith('demo-r-')).length).toBeGreaterThan(40);
  // The demo waited for the classification: every comment has the models' labels.
  expect(rows.filter((r) => r.modelVersion === null)).toEqual([]);
  const byLang = (lang: string) => rows.filter((r) => r.lang === lang).length;
  expect(byLang('pl')).toBeGreaterThan(100);
  expect(byLang('en')).toBeGreaterThan(100);
  const weeks = new Set(rows.map((r) => Math.floor((Date.now() - r.postedAt!.getTime()) / (7 * DAY_MS))));
  expect(weeks.size).toBeGreaterThanOrEqual(10);
});

test.each(Object.values(DEMO_PRODUCTS))('the insights of %s have FAQ entries in Polish and in English', async (sku) => {
  const insights = await client.get<{ totals: { comments: number; unclassified: number }; faq: Array<{ lang: string | null }> }>(
    `/api/v1/products/${sku}/insights?weeks=12`,
  );
  expect(insights.totals.comments).toBeGreaterThan(60);
  expect(insights.totals.unclassified).toBe(0);
  expect(new Set(insights.faq.map((e) => e.lang))).toEqual(new Set(['pl', 'en']));
});

test('a second run adds nothing', async () => {
  const tables = { creators, assets, licenses, licenseAssets, webhooks, comments };
  const rowCounts = async () =>
    Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await services.database.db.$count(table)])));
  const before = await rowCounts();

  const second = await seedDemo(options);

  expect(await rowCounts()).toEqual(before);
  for (const step of ['creators', 'assets', 'licenses', 'webhooks', 'comments'] as const) expect(second[step].created).toBe(0);
  expect(second.assetIds).toEqual(first.assetIds);
  expect(second.licenseIds).toEqual(first.licenseIds);
}, 120_000);
