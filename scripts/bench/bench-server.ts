/**
 * The process under load in `npm run bench:api`, forked by scripts/bench-api.ts with its own
 * DATA_DIR and queue prefix: seeds the benchmark library, then serves the real API and, on a
 * second port, a bare Express endpoint as the baseline, and tells the parent where they are.
 * API only: no workers (the upload's probe job just waits in its queue until cleanup).
 */
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startApiServer } from '../../api/server';
import { loadConfig } from '../../core/config';
import { runMain } from '../../core/runtime/main-guard';
import { openServices, type Services } from '../../core/runtime/services';
import { seedBenchData, type BenchData } from './bench-seed';

export interface BenchServerReady {
  type: 'ready';
  apiUrl: string;
  bareUrl: string;
  adminKey: string;
  database: 'pglite' | 'postgres';
  seedSeconds: number;
  data: BenchData;
}

runMain(async () => {
  const config = loadConfig();
  const services = await openServices(config);
  const began = Date.now();
  const data = await seedBenchData(services.database.db, { analyze: !process.argv.includes('--skip-analyze') });
  const seedSeconds = (Date.now() - began) / 1000;
  const api = await startApiServer(services);
  const bare = await startBareServer(config.host);

  const stop = async () => {
    await Promise.all([api.close(), new Promise((resolve) => bare.close(resolve))]);
    await deleteQueueKeys(services);
    await services.close();
    process.exit(0);
  };
  // 'disconnect' too: if the parent dies, the child must not be left serving.
  process.once('message', () => void stop());
  process.once('disconnect', () => void stop());

  const ready: BenchServerReady = {
    type: 'ready',
    apiUrl: api.url,
    bareUrl: `http://${config.host}:${(bare.address() as AddressInfo).port}`,
    adminKey: api.adminKey.key ?? config.adminApiKey!,
    database: services.database.driver,
    seedSeconds,
    data,
  };
  process.send!(ready);
});

/** The baseline: Express with one route answering a small JSON, nothing else. */
async function startBareServer(host: string): Promise<http.Server> {
  const app = express();
  app.get('/bare', (_req, res) => {
    res.json({ ok: true, items: [] });
  });
  const server = http.createServer(app).listen(0, host);
  await once(server, 'listening');
  return server;
}

/** The run's queue prefix is its own: nothing it left in Redis is wanted afterwards. */
async function deleteQueueKeys({ redis, config }: Services): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${config.queuePrefix}:*`, count: 500 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}
