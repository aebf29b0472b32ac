import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Services } from '../../core/runtime/services';
import { authenticate } from './authenticate';

/**
 * Who may read /metrics: it tells route names, traffic, error rates and queue depths, so by
 * default only an admin key or the dedicated scraper token METRICS_TOKEN (so Prometheus needs no
 * admin key); METRICS_PUBLIC=true opens it, for a scraper on a private network that sends no
 * credentials. /healthz and /readyz stay open to load balancers and orchestrators.
 */
export function metricsAccess({ config, database }: Services): RequestHandler {
  return async (req, _res, next) => {
    if (config.metricsPublic || (config.metricsToken && bearerIs(req.headers.authorization, config.metricsToken))) return next();
    await authenticate(database.db, req, ['admin']);
    next();
  };
}

function bearerIs(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
