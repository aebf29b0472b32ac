import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import type { Page } from 'playwright-core';
import { launchBrowser, startTestInstance, type Browser, type TestInstance } from '../helpers/browser';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';

/**
 * The dashboard under its Content-Security-Policy in real Chromium: it signs in, lists the
 * library with its thumbnails and opens a video's page (poster and preview from /files), and
 * the browser reports no violation of the policy on the way. A page of another origin cannot
 * frame it.
 */
let browser: Browser;
let instance: TestInstance;
let dir: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'dashboard-csp-'));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('works with no Content-Security-Policy violation: sign-in, library thumbnails, a video with poster and preview', async () => {
  const creator = await instance.api('POST', '/api/v1/creators', { handle: 'csp.check', platform: 'instagram', followers: 12_000 });
  const image = await instance.upload(await makeImage(dir, 'tee.jpg', { width: 800, height: 600, format: 'jpeg', colour: '#2266aa' }), {
    creatorId: creator.id,
    title: 'Tee',
  });
  const video = await instance.upload(await makeVideo(dir, 'clip.mp4', { width: 320, height: 240, durationS: 2 }), { creatorId: creator.id, title: 'Clip' });
  await settledJob(instance.services, image.jobId, 40_000);
  await settledJob(instance.services, video.jobId, 40_000);

  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  const response = await page.goto(`${instance.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  await page.getByLabel('API key').fill(instance.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await page.locator('img[src*="/files/"]').first().waitFor({ timeout: 20_000 });
  await until(page, '[...document.images].every((img) => img.complete)');
  expect(await page.evaluate<number>('[...document.images].filter((img) => img.naturalWidth > 0).length')).toBeGreaterThan(0);

  await page.goto(`${instance.url}/assets/${video.id}`);
  await page.locator('video').first().waitFor({ timeout: 20_000 });
  await until(page, '[...document.querySelectorAll("video")].some((v) => v.readyState >= 1)');
  expect(violations).toEqual([]);
}, 120_000);

it('cannot be framed by another origin', async () => {
  const page = await browser.newPage();
  await page.setContent(`<iframe src="${instance.url}/"></iframe>`);
  await page.waitForTimeout(1000);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const framedTitle = await frame?.evaluate<string>('document.title').catch(() => null);
  expect(framedTitle ?? '').not.toBe('UGC rights library');
});

/**
 * Polls an expression until it is true. Not page.waitForFunction: its polling evaluates the
 * string with eval inside the page, which the very policy under test forbids ('unsafe-eval');
 * page.evaluate goes through the DevTools protocol, which the policy does not govern.
 */
async function until(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
