import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { Services } from '../core/runtime/services';
import { licenseCheckForFiles } from '../core/licensing/license-answer-cache';
import { galleryChanges } from '../core/gallery/gallery-changes';
import { dashboardRouter, DASHBOARD_DIST } from './http/dashboard';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { createMetrics } from './http/metrics';
import { metricsAccess } from './http/metrics-access';
import { mountRoutes } from './http/mount-routes';
import { buildOpenApiDocument } from './http/openapi';
import { apiDocsRouter } from './http/api-docs';
import { requestId } from './http/request-id';
import { requestLogger } from './http/request-logger';
import { securityHeaders } from './http/security-headers';
import { rejectMalformedUrl } from './http/reject-malformed-url';
import { healthz, readyz } from './routes/health';
import { API_ROUTES } from './routes';
import { mediaFilesRouter } from './routes/media-files';
import { dropGalleriesOnWrite } from './routes/public-gallery';
import { publicRateLimit } from './http/public-rate-limit';
import { PROJECT_ROOT } from '../core/config/project-root';
import { requestPageErrors } from './request-page/page-errors';

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface AppOptions {
  /** True once shutdown began: readiness fails and keep-alive connections are closed. */
  isShuttingDown?: () => boolean;
}

/** The whole HTTP surface as an Express app, testable without listening. */
export function createApp(services: Services, options: AppOptions = {}): Express {
  const isShuttingDown = options.isShuttingDown ?? (() => false);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.config.trustProxy);
  app.set('query parser', 'simple'); // flat query strings only: no nested-object injection via ?a[b]=

  const metrics = createMetrics(services.queues);
  const assignRequestId = (req: IncomingMessage, res: ServerResponse): string => {
    const id = requestId(req);
    res.setHeader('X-Request-Id', id);
    return id;
  };
  const logRequests = requestLogger(services.logger, assignRequestId);
  // The public gallery is fetched on every shop page view: its requests are counted in
  // /metrics and its errors logged, but a log line each would cost a third of its throughput.
  app.use((req, res, next) => {
    if (!req.path.startsWith('/public/')) return logRequests(req, res, next);
    req.id = assignRequestId(req, res);
    next();
  });
  app.use(metrics.middleware);
  app.use(securityHeaders);
  app.use((_req, res, next) => {
    if (isShuttingDown()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(rejectMalformedUrl); // before every route: %ff or NUL in the path or query → 400

  app.get('/healthz', healthz);
  app.get('/readyz', readyz(services, isShuttingDown));
  app.get('/metrics', metricsAccess(services), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const openapi = buildOpenApiDocument(API_ROUTES, VERSION);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(apiDocsRouter()); // the same document, readable, at /api/docs
  if (services.storage.name === 'fs')
    app.use(mediaFilesRouter(services.storage, services.signingSecret, licenseCheckForFiles(services.database.db, galleryChanges(services).changeCount)));

  app.use('/api', express.json({ limit: services.config.jsonBodyLimit }));
  app.use('/api', dropGalleriesOnWrite(services));
  app.use('/public', publicRateLimit(services, 'public'));
  app.use('/t', publicRateLimit(services, 'tracking-links')); // tracking links: public, followed by anyone who sees an ad
  // The creator's pages (a request's, their own): the only unauthenticated writes, rate-limited like /public, small forms or JSON.
  app.use(
    ['/r', '/c'],
    publicRateLimit(services, 'creator-pages'),
    express.json({ limit: '16kb' }),
    express.urlencoded({ extended: false, limit: '16kb' }),
    dropGalleriesOnWrite(services), // an acceptance licenses content the gallery may show at once
  );
  app.use(mountRoutes(API_ROUTES, services));
  app.use(dashboardRouter(DASHBOARD_DIST, services.config));

  app.use(['/r', '/c'], requestPageErrors(services.config));
  app.use(notFoundHandler);
  app.use(errorHandler(services.logger));
  return app;
}
