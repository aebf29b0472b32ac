import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobQueues } from '../../core/queue/job-queues';

/**
 * Prometheus metrics of one app instance: process defaults, HTTP latency by route template
 * (never the raw URL, which would explode label cardinality), and queue depths read from
 * Redis at scrape time.
 */
export interface AppMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** A scrape waits this long at most for queue counts: /metrics must answer while Redis is down. */
const QUEUE_COUNTS_TIMEOUT_MS = 1_000;

export function createMetrics(queues: JobQueues): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const errors = new Counter({ name: 'http_server_errors_total', help: '5xx responses', labelNames: ['route'], registers: [registry] });
  new Gauge({
    name: 'queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      // Redis down: the last counts read stay, rather than the scrape failing or waiting on reconnection.
      const counts = await queues.counts(QUEUE_COUNTS_TIMEOUT_MS).catch(() => null);
      up.set(counts ? 1 : 0);
      for (const [queue, states] of Object.entries(counts ?? {})) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });
  const up = new Gauge({ name: 'queue_redis_up', help: '1 when the queue counts could be read from Redis at this scrape, else 0', registers: [registry] });
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ route, status: String(res.statusCode) });
      if (res.statusCode >= 500) errors.inc({ route });
    });
    next();
  };
  return { registry, middleware };
}
