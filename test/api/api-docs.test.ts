import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import type { Services } from '../../core/runtime/services';
import { launchBrowser, saveScreenshot, type Browser } from '../helpers/browser';
import { openTestServices } from '../helpers/test-services';

/**
 * The API reference page at /api/docs: Swagger UI from this server, in real Chromium with every
 * request to another origin blocked (as offline), under its own Content-Security-Policy.
 */
let services: Services;
let app: Express;
let server: http.Server;
let origin: string;
let browser: Browser;

// The page.evaluate callbacks run in Chromium; this project type-checks with Node's types only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any;

beforeAll(async () => {
  [services, browser] = await Promise.all([openTestServices(), launchBrowser()]);
  app = createApp(services);
  server = http.createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  await services?.close();
});

describe('GET /api/docs', () => {
  it('renders every operation of /api/openapi.json offline, with nothing refused by its CSP', async () => {
    const spec = (await request(app).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { summary: string }>> };
    const operations = Object.values(spec.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const refused: string[] = [];
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
        (window.refused ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      }),
    );
    page.on('pageerror', (e) => refused.push(`pageerror ${e.message}`));

    await page.goto(`${origin}/api/docs`);
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    await expect(page.locator('.opblock').count()).resolves.toBe(operations);
    await expect(page.locator('.opblock-summary-path', { hasText: '/api/v1/keys' }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.info .title').textContent()).resolves.toContain('UGC rights library API');

    // An operation opens with its parameters and their descriptions.
    const getJob = page.locator('.opblock-get', { has: page.locator('[data-path="/api/v1/jobs/{id}"]') });
    await getJob.locator('.opblock-summary').first().click();
    await expect(getJob.locator('.parameters-col_name', { hasText: 'id' }).first().isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'api-docs');

    refused.push(...((await page.evaluate(() => window.refused ?? [])) as string[]));
    expect(refused).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it('has a CSP of its own (scripts from this origin only) and loosens no other response', async () => {
    const docs = await request(app).get('/api/docs').expect(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';");
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.text).not.toMatch(/<script>|https?:\/\//); // no inline script, nothing from elsewhere
    await request(app)
      .get('/api/docs/swagger-ui-bundle.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(app).get('/api/docs/index.html').expect(404); // the package's demo page is not served
    const json = await request(app).get('/api/openapi.json').expect(200);
    expect(json.headers['content-security-policy']).toBe("frame-ancestors 'none'");
  });
});
