import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { dashboardRouter } from '../../api/http/dashboard';
import { notFoundHandler } from '../../api/http/error-handler';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

/**
 * How the API serves the built dashboard: index.html for its client-side addresses (never
 * cached), hashed files cached for good, the API's own paths left alone, and a page that says
 * how to build it when there is no build.
 */
let dist: string;
let dashboard: Express;
const INDEX = '<!doctype html><title>UGC rights library</title><div id="root"></div>';

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'dashboard-dist-'));
  await mkdir(path.join(dist, 'static'));
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'static', 'index-abc123.js'), 'console.log(1)');
  dashboard = express().use(dashboardRouter(dist)).use(notFoundHandler);
});
afterAll(() => rm(dist, { recursive: true, force: true }));

const asPage = (req: request.Test) => req.set('Accept', 'text/html,application/xhtml+xml');

describe('the dashboard build served by the API', () => {
  it('serves index.html at / and at every dashboard address a browser opens, revalidated each time', async () => {
    for (const address of ['/', '/upload', '/assets/6320a5d0-8758-43c5-bb76-530065bbeb64', '/licenses/new?assetId=x', '/insights/SKU-1.2']) {
      const res = await asPage(request(dashboard).get(address)).expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed files for a year', async () => {
    const res = await request(dashboard).get('/static/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('answers 404 for a missing file and for requests that are not page loads', async () => {
    await request(dashboard).get('/static/gone-123.js').expect(404);
    await request(dashboard).get('/upload').set('Accept', '*/*').expect(404);
    await asPage(request(dashboard).post('/upload')).expect(404);
  });

  it('never answers for the API, public, files or probe paths', async () => {
    for (const address of ['/api/v1/nope', '/public/v1/x', '/files/a', '/metrics', '/healthz/x']) {
      const res = await asPage(request(dashboard).get(address)).expect(404);
      expect(res.body.error.code).toBe('route_not_found');
    }
  });

  it('says how to build it when there is no build (503), instead of a bare 404', async () => {
    const unbuilt = express().use(dashboardRouter(path.join(dist, 'missing')));
    const res = await request(unbuilt).get('/').expect(503);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('npm run build:web');
  });
});

describe('in the app', () => {
  let services: Services;
  beforeAll(async () => {
    services = await openTestServices();
  });
  afterAll(() => services.close());

  it('routes API paths to the API and page addresses to the dashboard', async () => {
    const app = createApp(services);
    const api = await asPage(request(app).get('/api/v1/nope')).expect(404);
    expect(api.body.error.code).toBe('route_not_found');
    const health = await asPage(request(app).get('/healthz')).expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const page = await asPage(request(app).get('/expiring'));
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('UGC rights library');
  });
});
