import path from 'node:path';
import express, { Router, type Request } from 'express';
import type { Config } from '../../core/config';
import { dashboardContentSecurityPolicy } from './security-headers';
import { PROJECT_ROOT } from '../../core/config/project-root';

/** Where `npm run build:web` writes the dashboard (scripts/lib/build-dashboard.ts). */
export const DASHBOARD_DIST = path.join(PROJECT_ROOT, 'web', 'dashboard', 'dist');

/** Vite names these files by their content hash, so a new build never reuses a name: cache them for good. */
const HASHED_PREFIX = `${path.sep}static${path.sep}`;
const YEAR_S = 365 * 24 * 60 * 60;
/** Paths that belong to the API, the widget and files, never to the dashboard's client-side routes. */
const NOT_DASHBOARD = /^\/(api|public|files|metrics|healthz|readyz)(\/|$)/;

/**
 * Serves the built dashboard at `/`: hashed files with a year-long immutable cache, and
 * index.html, revalidated on every load so a new build shows at once, for `/` and for every
 * page address the dashboard routes itself (/assets/…, /licenses/…) when a browser asks for a
 * page. Before a build exists, `/` says how to make one (503) rather than a bare 404.
 */
export function dashboardRouter(
  distDir: string = DASHBOARD_DIST,
  config: Pick<Config, 'storage' | 'publicBaseUrl'> = { storage: { driver: 'fs', root: '' } },
): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  // Every file the dashboard serves carries its policy (it is the page's that counts, but a
  // script opened on its own is a page too).
  const policy = dashboardContentSecurityPolicy(config);
  router.use(
    express.static(distDir, {
      index: 'index.html',
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', file.includes(HASHED_PREFIX) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
        res.setHeader('Content-Security-Policy', policy);
      },
    }),
  );
  router.use((req, res, next) => {
    if (!isPageRequest(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', policy);
    res.sendFile(index, (err) => {
      if (!err) return;
      if (res.headersSent) return next(err);
      // The how-to page has inline styles and no script.
      res.setHeader('Content-Security-Policy', dashboardContentSecurityPolicy(config, { inlineStyles: true }));
      res.status(503).type('html').send(NOT_BUILT);
    });
  });
  return router;
}

/** A browser navigating to a dashboard address: GET or HEAD, asking for HTML, outside the API's paths. */
function isPageRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (NOT_DASHBOARD.test(req.path)) return false;
  return req.path === '/' || (req.headers.accept ?? '').includes('text/html');
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>UGC rights library</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>UGC rights library</h1>
<p>The dashboard has not been built yet. Run <code>npm run build:web</code> (or restart with <code>npm start</code>, which builds it), then reload.</p>
<p>The API is up: <a href="/api/openapi.json">API reference (OpenAPI)</a>.</p>
</body></html>`;
