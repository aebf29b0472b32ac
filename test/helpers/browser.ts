/**
 * Browser tests: real Chromium (Debian's `chromium`, driven by playwright-core, which never
 * downloads a browser) against a real running instance (API + workers on a free port, PGlite,
 * Redis, fs storage).
 *
 *   let browser: Browser;
 *   let instance: TestInstance;
 *   beforeAll(async () => {
 *     [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
 *   });
 *   afterAll(async () => {
 *     await browser?.close();
 *     await instance?.close();
 *   });
 *
 *   it('…', async () => {
 *     const creator = await instance.api('POST', '/api/v1/creators', { handle: 'anna', platform: 'instagram', followers: 5000 });
 *     const page = await browser.newPage();
 *     await page.goto(`${instance.url}/`);
 *     await saveScreenshot(page, 'dashboard-home'); // → test-artifacts/screenshots/dashboard-home.png
 *   });
 *
 * - launchBrowser(): one browser per test file; pages (or contexts) per test. Chromium comes
 *   from CHROMIUM_PATH (exported by `npm test`, which installs Debian's chromium when missing
 *   and running as root) or `chromium` on PATH; when neither exists the test fails with what
 *   to install: browser tests are never skipped.
 * - startTestInstance(): services isolated like openTestServices (own DATA_DIR, queue prefix,
 *   in-memory PGlite), the API listening on 127.0.0.1:<free port> with PUBLIC_BASE_URL set to
 *   it (so file URLs are absolute), the workers of every queue (or `queues`), and a known admin
 *   key. `api()` and `upload()` call it as a client would; `services` gives direct access for
 *   seeding what has no API yet.
 * - serveStatic(): a tiny HTTP server for pages of another origin (e.g. a shop's product page
 *   embedding the widget).
 * - saveScreenshot(): full-page PNG under test-artifacts/screenshots/ (git-ignored), kept as
 *   a test artifact for people to look at.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApiServer } from '../../api/server';
import type { QueueName } from '../../core/queue/queue-names';
import type { Services } from '../../core/runtime/services';
import { startWorkers } from '../../worker/run-workers';
import { whichChromium } from '../../scripts/lib/chromium';
import { freePort } from '../scripts/free-port';
import { openTestServices } from './test-services';

export type { Browser, Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium executable, or an error that says how to get one. */
export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH || whichChromium();
  if (!found) {
    throw new Error(
      "Browser tests need Debian's Chromium and none was found (CHROMIUM_PATH unset, no 'chromium' on PATH). " +
        '`npm test` installs it when run as root; otherwise install it with: sudo apt-get install -y chromium ' +
        '(or set CHROMIUM_PATH to a Chromium executable).',
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface TestInstance {
  /** Where the API listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  adminKey: string;
  services: Services;
  /** A JSON request as the admin; throws with the body when the status is not 2xx. */
  api<T = any>(method: string, pathname: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** POST /api/v1/assets (multipart) as the admin, with the file at `file` and the given fields. */
  upload<T = any>(file: string, fields: Record<string, string>): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** upload(), then waits until the worker has processed the asset; its id. */
  uploadReady(file: string, fields: Record<string, string>): Promise<string>;
  /** Stops the API only (the instance looks down to clients); close() still cleans up. */
  stopApi(): Promise<void>;
  close(): Promise<void>;
}

export interface TestInstanceOptions {
  /** Worker queues to run (default: all). */
  queues?: readonly QueueName[];
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
}

export async function startTestInstance(options: TestInstanceOptions = {}): Promise<TestInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminKey = randomBytes(24).toString('base64url');
  const services = await openTestServices({ HOST: '127.0.0.1', PORT: String(port), PUBLIC_BASE_URL: url, ADMIN_API_KEY: adminKey, ...options.env });
  const workers = await startWorkers(services, options.queues).catch(async (e: unknown) => {
    await services.close();
    throw e;
  });
  const server = await startApiServer(services).catch(async (e: unknown) => {
    await workers.close();
    await services.close();
    throw e;
  });
  const call = (pathname: string, init: RequestInit) =>
    send(`${url}${pathname}`, { ...init, headers: { Authorization: `Bearer ${adminKey}`, ...init.headers } });
  const upload = async (file: string, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([await readFile(file)]), path.basename(file));
    return call('/api/v1/assets', { method: 'POST', body: form });
  };
  return {
    url,
    adminKey,
    services,
    api: (method, pathname, body) =>
      call(pathname, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    upload,
    uploadReady: async (file, fields) => {
      const asset = (await upload(file, fields)) as { id: string };
      for (let i = 0; i < 300; i++) {
        if ((await call(`/api/v1/assets/${asset.id}`, { method: 'GET' })).status === 'ready') return asset.id;
        await sleep(100);
      }
      throw new Error(`asset ${asset.id} was not processed in time`);
    },
    stopApi: () => server.close(),
    close: async () => {
      await server.close();
      await workers.close();
      await services.close();
    },
  };
}

async function send(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves fixed pages (path → HTML) on 127.0.0.1:<free port>: a page of another origin than the API. */
export async function serveStatic(pages: Record<string, string>): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
