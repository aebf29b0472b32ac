import type { RequestHandler } from 'express';
import type { Services } from '../../core/runtime/services';

const CHECK_TIMEOUT_MS = 3_000;

interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
}

/** Liveness: the process answers. */
export const healthz: RequestHandler = (_req, res) => {
  res.json({ status: 'ok', uptimeS: Math.round(process.uptime()) });
};

/**
 * Readiness: database, Redis and storage all answer within a few seconds. Also not ready while
 * shutting down, so a load balancer stops sending traffic before connections close.
 */
export function readyz(services: Services, isShuttingDown: () => boolean): RequestHandler {
  return async (_req, res) => {
    const [database, redis, storage] = await Promise.all([
      check(() => services.database.ping()),
      check(() => services.queues.ping()),
      check(() => services.storage.ping()),
    ]);
    const checks = { database, redis, storage };
    const failing = Object.entries(checks)
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    if (isShuttingDown()) failing.push('shutting_down');
    if (failing.length === 0) {
      res.json({ status: 'ready', checks });
      return;
    }
    res.status(503).json({ error: { code: 'not_ready', message: `Not ready: ${failing.join(', ')}` }, checks });
  };
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true, ms: elapsed(started) };
  } catch (e) {
    return { ok: false, ms: elapsed(started), error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (since: number): number => Math.round((performance.now() - since) * 10) / 10;
