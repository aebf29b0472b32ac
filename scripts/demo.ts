/**
 * `npm run demo [-- --small]`: fills the instance in DATA_DIR with a demo library (creators,
 * generated images and clips, licenses of every shape, a webhook, comments) so a new user
 * sees a living system after `npm start`. It runs the system in this process the way the
 * launcher does (Redis found or started, API on a free loopback port, media and nlp workers for
 * the probes and the comments' classification), seeds through the HTTP API, waits for processing, prints a summary and stops
 * what it started. Running it again adds nothing.
 */
import path from 'node:path';
import { startApiServer } from '../api/server';
import { loadConfig, type Config } from '../core/config';
import { createLogger } from '../core/logging/logger';
import { locateMediaTools } from '../core/media/media-tools';
import { openServices, type Services } from '../core/runtime/services';
import { startWorkers } from '../worker/run-workers';
import { apiClient } from './demo/api-client';
import { DEMO_WEBHOOK, seedDemo, type DemoReport } from './demo/seed-demo';
import type { Tally } from './demo/tally';
import { ensureRedis } from './lib/redis-service';

/** What this run started, newest last; stopped newest first, on success, failure or Ctrl-C. */
const started: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const began = Date.now();
  // Request logs would bury the progress lines: quiet unless the user asked for a level.
  const env = { LOG_LEVEL: 'warn', ...process.env };
  const userConfig = loadConfig(env);
  const config = loadConfig({ ...env, HOST: '127.0.0.1', PORT: '0' });
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const redis = await ensureRedis(config.redisUrl, config.dataDir);
    started.push(() => redis.stop());
    const services = await openDemoServices(config);
    started.push(() => services.close());
    // media probes the uploads; nlp classifies the comments and files their questions into FAQ entries.
    const workers = await startWorkers(services, ['media', 'nlp']);
    started.push(() => workers.close());
    const api = await startApiServer(services);
    started.push(() => api.close());
    console.log(`Seeding the demo library through ${api.url} (data in ${config.dataDir})`);
    const report = await seedDemo({
      api: apiClient(api.url, api.adminKey.key ?? config.adminApiKey!),
      ffmpegPath: locateMediaTools(config).ffmpegPath,
      size: process.argv.includes('--small') ? 'small' : 'full',
      corporaDir: config.nlpCorporaDir,
      classificationTimeoutMs: 300_000,
      log: (line) => console.log(line),
    });
    printSummary(report, userConfig, (Date.now() - began) / 1000);
  } finally {
    await stopAll();
  }
}

/** PGlite serves one process: with `npm start` running on the same DATA_DIR, say what to do. */
async function openDemoServices(config: Config): Promise<Services> {
  try {
    return await openServices(config, { logger: createLogger(config, { terminal: Boolean(process.stdout.isTTY) }) });
  } catch (err) {
    const owner = /already open in process (\d+)/.exec((err as Error).message)?.[1];
    if (!owner) throw err;
    throw new Error(`The database in ${config.dbDir} is in use by process ${owner} (npm start?). Stop npm start first, then run npm run demo again.`, {
      cause: err,
    });
  }
}

async function stopAll(): Promise<void> {
  for (const stop of started.splice(0).reverse()) {
    await stop().catch((err: unknown) => console.error(`[demo] stopping failed: ${(err as Error).message}`));
  }
}

function printSummary(report: DemoReport, config: Config, seconds: number): void {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const keyFile = shortPath(path.join(config.dataDir, 'admin-key'));
  const [keyAt, keyShell] = config.adminApiKey ? ['the ADMIN_API_KEY you set', '$ADMIN_API_KEY'] : [keyFile, `$(cat ${keyFile})`];
  const rows: Array<[string, string]> = [
    ['creators', tally(report.creators)],
    ['assets', `${tally(report.assets)}: ${breakdown(report.assetStatus)}`],
    ['licenses', `${tally(report.licenses)}: ${breakdown(report.licenseStates)}`],
    ['webhook', `${tally(report.webhooks)}: ${DEMO_WEBHOOK.url} is a placeholder, its deliveries fail and are retried (GET /api/v1/webhooks/:id/deliveries)`],
    ['comments', `${tally(report.comments)}${report.realCommentsMissing ? `; no real comments: ${report.realCommentsMissing} is missing` : ''}`],
  ];
  console.log(
    [
      `\nDemo library ready in ${seconds.toFixed(1)} s`,
      ...rows.map(([label, value]) => `  ${label.padEnd(9)} ${value}`),
      `\nNext: npm start, then open http://${host}:${config.port}`,
      `  Admin key: ${keyAt}`,
      `  Try: curl -H "Authorization: Bearer ${keyShell}" 'http://${host}:${config.port}/api/v1/licenses?expiringWithinDays=30'\n`,
    ].join('\n'),
  );
}

/** Relative to where the user is when that is inside it (`data/admin-key`), else absolute. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

const tally = ({ created, existing }: Tally): string => `${created + existing} (${created} new, ${existing} already there)`;

const breakdown = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([label, n]) => `${n} ${label.replace(/_/g, ' ')}`)
    .join(', ');

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
