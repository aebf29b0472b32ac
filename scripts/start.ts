/**
 * `npm start`: the whole system in one process on embedded defaults — Redis found or
 * started, database migrated, API and workers running. One process because PGlite is
 * single-process: API and worker must share its one instance.
 */
import path from 'node:path';
import { startApiServer } from '../api/server';
import { ConfigError, loadConfig, type Config } from '../core/config';
import { pingWorker } from '../core/queue/ping-worker';
import { createLogger } from '../core/logging/logger';
import { openServices } from '../core/runtime/services';
import { startWorkers } from '../worker/run-workers';
import { ensureDashboardBuilt } from './lib/build-dashboard';
import { redactUrl } from './lib/redact-url';
import { ensureRedis, type RedisService } from './lib/redis-service';

const WORKER_PING_TIMEOUT_MS = 15_000;

type AdminKey = Awaited<ReturnType<typeof startApiServer>>['adminKey'];

/** What is running, in start order; shutdown closes it newest first. */
const running: Array<{ name: string; close: () => Promise<void> }> = [];
let stopping = false;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  handleSignals(config.shutdownTimeoutMs);
  await buildDashboardOrWarn();

  const redis = await ensureRedis(config.redisUrl, config.dataDir);
  running.push({ name: 'Redis', close: () => redis.stop() });
  const logger = createLogger(config, { terminal: Boolean(process.stdout.isTTY) });
  const services = await openServices(config, { logger });
  running.push({ name: 'services', close: () => services.close() });
  const workers = await startWorkers(services);
  running.push({ name: 'workers', close: () => workers.close() });
  const api = await startApiServer(services);
  running.push({ name: 'API', close: () => api.close() });
  const ping = await pingWorker(services.queues, WORKER_PING_TIMEOUT_MS);

  // The services' config: its queue prefix is the one resolved from the database when QUEUE_PREFIX is unset.
  printBanner({ config: services.config, redis, url: api.url, adminKey: api.adminKey, workerMs: ping.ms });
}

/** The API is useful without the dashboard, so a failed build is reported, not fatal: `/` then says what to do. */
async function buildDashboardOrWarn(): Promise<void> {
  try {
    await ensureDashboardBuilt((line) => console.log(line.replace('[web]', '[start]')));
  } catch (err) {
    console.error(`[start] the dashboard could not be built; the API runs without it: ${message(err)}`);
  }
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${err.message}\nFix the variables above (see .env.example) and run npm start again.`);
    process.exit(1);
  }
}

/** First SIGINT/SIGTERM: graceful stop. Second, or a stop that hangs: immediate exit. */
function handleSignals(shutdownTimeoutMs: number): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`\n[start] ${signal} again: exiting without waiting.`);
      process.exit(130);
    }
    setTimeout(() => {
      console.error('[start] shutdown is taking too long: exiting without waiting.');
      process.exit(1);
    }, shutdownTimeoutMs + 5_000).unref();
    void shutdown(`${signal} received`, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Closes API (finishes requests), workers (finish jobs), services, then our Redis. */
async function shutdown(reason: string, exitCode: number): Promise<void> {
  stopping = true;
  console.log(`\n[start] ${reason}: stopping…`);
  for (const { name, close } of running.reverse()) {
    try {
      await close();
    } catch (err) {
      console.error(`[start] stopping ${name} failed: ${message(err)}`);
      exitCode = exitCode || 1;
    }
  }
  console.log('[start] stopped.');
  process.exit(exitCode);
}

function printBanner(info: { config: Config; redis: RedisService; url: string; adminKey: AdminKey; workerMs: number }): void {
  const { config, redis } = info;
  const rows: Array<[string, string]> = [
    ['URL', info.url],
    ['Data', config.dataDir],
    ['Database', config.databaseUrl ? `PostgreSQL at ${redactUrl(config.databaseUrl)}` : `PGlite (embedded) in ${config.dbDir}`],
    ['Storage', describeStorage(config.storage)],
    ['Redis', `${redactUrl(redis.url)} ${redis.started ? `(started here, data in ${path.join(config.dataDir, 'redis')})` : '(already running)'}`],
    [
      'Queues',
      `prefix ${config.queuePrefix} ${config.queuePrefixSource === 'env' ? '(QUEUE_PREFIX)' : '(this installation’s own; set QUEUE_PREFIX to choose)'}`,
    ],
    ['Worker', `job round trip ${info.workerMs} ms`],
    ['Admin key', describeAdminKey(info.adminKey, config.dataDir)],
  ];
  const lines = rows.map(([label, value]) => `  ${label.padEnd(10)} ${value}`);
  console.log([`\nUGC rights library is up in ${process.uptime().toFixed(1)} s`, ...lines, 'Press Ctrl-C to stop.\n'].join('\n'));
}

function describeStorage(storage: Config['storage']): string {
  return storage.driver === 'fs' ? `files in ${storage.root}` : `S3 bucket ${storage.bucket} at ${storage.endpoint}`;
}

function describeAdminKey({ key, source }: AdminKey, dataDir: string): string {
  const file = path.join(dataDir, 'admin-key');
  if (source === 'env') return 'from ADMIN_API_KEY';
  if (source === 'generated') return `${key ?? '(not shown)'} (generated, saved in ${file})`;
  return `${key ?? '(not shown)'} (from ${file})`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

main().catch((err: unknown) => {
  console.error(`[start] could not start: ${message(err)}`);
  if (!stopping) void shutdown('start-up failed', 1);
});
