/**
 * Load test of the public gallery next to a bare Express endpoint, in one run on loopback:
 *   npx tsx scripts/bench-gallery.ts [--seconds 10] [--connections 10]
 * Seeds an in-memory PGlite with 100 products, 2,000 assets and 5,000 licenses (direct and
 * creator-wide, mixed territories, channels and ends, some already over), then drives both
 * servers with autocannon from a child process (so the load generator does not share the
 * servers' event loop) and prints requests/s and latency percentiles.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { createApp } from '../api/app';
import { loadConfig } from '../core/config';
import { assetProducts, assets, creators, faqEntries, licenseAssets, licenses, openDatabase, renditions, type Db } from '../core/db';
import { openServices, type Services } from '../core/runtime/services';

const PRODUCTS = 100;
const ASSETS = 2_000;
const CREATORS = 200;
const DIRECT_LICENSES = 4_000;
const CREATOR_LICENSES = 1_000;
const DAY = 24 * 3600_000;

interface Result {
  name: string;
  requests: { average: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-gallery-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000', QUEUE_PREFIX: `bench-${randomUUID().slice(0, 8)}` };
  const services = await openServices(loadConfig({ ...process.env, ...env }), { database: await openDatabase({}) });
  try {
    const started = Date.now();
    await seed(services);
    console.log(`seeded ${PRODUCTS} products, ${ASSETS} assets, ${DIRECT_LICENSES + CREATOR_LICENSES} licenses in ${Date.now() - started} ms`);
    const gallery = await listen(createApp(services));
    const bare = await listen(express().get('/bare', (_req, res) => res.json({ ok: true })));
    const options = { duration: Number(values.seconds), connections: Number(values.connections) };
    const skus = Array.from({ length: PRODUCTS }, (_, i) => `/public/v1/products/SKU-${i}/gallery?territory=${i % 2 ? 'PL' : 'DE'}`);
    await drive({ name: 'warm-up', url: gallery.url, paths: skus, duration: 2, connections: options.connections });
    const results = [
      await drive({ name: 'bare express', url: bare.url, paths: ['/bare'], ...options }),
      await drive({ name: 'public gallery', url: gallery.url, paths: skus, ...options }),
    ];
    console.table(results.map((r) => ({ endpoint: r.name, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'max ms': r.latency.max, non2xx: r.non2xx, errors: r.errors })));
    const [b, g] = results as [Result, Result];
    console.log(`gallery at ${((100 * g.requests.average) / b.requests.average).toFixed(0)} % of bare Express (target >= 50 %), p99 ${g.latency.p99} ms (target < 25 ms)`);
    await Promise.all([gallery.close(), bare.close()]);
  } finally {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function seed({ database: { db }, storage }: Services): Promise<void> {
  const creatorRows = Array.from({ length: CREATORS }, (_, i) => ({ id: randomUUID(), handle: `creator${i}`, platform: i % 2 ? 'instagram' : 'tiktok', followers: 5_000 + i * 1_000 }));
  await insertAll(db, creators, creatorRows);
  const assetRows = Array.from({ length: ASSETS }, (_, i) => {
    const id = randomUUID();
    const kind = i % 3 ? ('image' as const) : ('video' as const);
    return { id, creatorId: creatorRows[i % CREATORS]!.id, kind, status: 'ready' as const, sha256: randomUUID(), storageKey: `assets/${id}/original`, mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4', sizeBytes: 1, width: 1080, height: 1920 };
  });
  await insertAll(db, assets, assetRows);
  await insertAll(db, assetProducts, assetRows.map((a, i) => ({ assetId: a.id, sku: `SKU-${i % PRODUCTS}` })));
  await insertAll(
    db,
    renditions,
    assetRows.flatMap((a) =>
      [320, 640, 1080].map((width) => ({ assetId: a.id, kind: 'image' as const, spec: { width }, specHash: `w${width}`, format: 'webp', width, height: Math.round((width * 16) / 9), sizeBytes: 1, storageKey: `renditions/${a.id}/w${width}.webp` })),
    ),
  );
  const now = Date.now();
  const terms = (i: number) => ({
    id: randomUUID(),
    territories: [['WW'], ['PL'], ['DE', 'AT'], ['PL', 'CZ', 'SK']][i % 4]!,
    excludedTerritories: i % 4 === 0 && i % 8 === 0 ? ['FR'] : [],
    channels: i % 5 ? ['product_page', 'organic_social'] : ['paid_social'],
    startsAt: new Date(now - 30 * DAY),
    endsAt: [null, new Date(now + 90 * DAY), new Date(now - DAY), new Date(now + 365 * DAY)][i % 4]!,
    derivativesAllowed: i % 2 === 0,
    disclosureRequired: i % 3 === 0,
    status: i % 17 ? ('active' as const) : ('revoked' as const),
  });
  const direct = Array.from({ length: DIRECT_LICENSES }, (_, i) => terms(i));
  await insertAll(db, licenses, direct);
  await insertAll(db, licenseAssets, direct.map((l, i) => ({ licenseId: l.id, assetId: assetRows[i % ASSETS]!.id })));
  await insertAll(db, licenses, Array.from({ length: CREATOR_LICENSES }, (_, i) => ({ ...terms(i + 1), creatorId: creatorRows[i % CREATORS]!.id })));
  await insertAll(
    db,
    faqEntries,
    Array.from({ length: PRODUCTS * 3 }, (_, i) => ({ productSku: `SKU-${i % PRODUCTS}`, topic: 'size_fit' as const, question: `Question ${i}?`, answer: `Answer ${i}.`, status: 'published' as const })),
  );
  void storage; // URLs are signed, never fetched: no bytes are needed
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function insertAll(db: Db, table: any, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(table).values(rows.slice(i, i + 500));
}

async function listen(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * autocannon in a child process, cycling through `paths`. Not a worker thread: autocannon
 * treats a worker thread as one of its own workers and reports raw histograms.
 */
function drive(job: { name: string; url: string; paths: string[]; duration: number; connections: number }): Promise<Result> {
  const code = `
    const autocannon = require(${JSON.stringify(require.resolve('autocannon'))});
    const { url, paths, duration, connections } = JSON.parse(process.argv[1]);
    let n = 0;
    autocannon({ url, duration, connections, requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }] }, (err, result) => {
      if (err) throw err;
      process.stdout.write(JSON.stringify(result));
    });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code, JSON.stringify(job)], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err) reject(err);
      else resolve({ name: job.name, ...(JSON.parse(stdout) as Omit<Result, 'name'>) });
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
