/**
 * `npm run bench:api [-- --duration 10 --connections 10 --warmup 2 --upload-mb 1024 --skip-upload --skip-analyze]`
 *
 * Measures the API under load, on loopback, and prints the figures next to issue 3's targets:
 * 1. a child process (scripts/bench/bench-server.ts) on a fresh temporary DATA_DIR (PGlite, or
 *    the DATABASE_URL you set) seeds 100 products, 2,000 assets and 5,000 licenses, then serves
 *    the real API and a bare Express endpoint;
 * 2. from this process, autocannon drives the bare endpoint (the baseline), the public gallery
 *    over the 100 SKUs, and the rights check over the 2,000 assets, each with the same
 *    connections and duration after a warm-up;
 * 3. it streams a generated 1 GB MP4 to POST /api/v1/assets and reports the throughput and the
 *    API process's resident memory growth meanwhile.
 * A benchmark, not a test: it prints what it measured and fails only when it cannot measure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config';
import { runMain } from '../core/runtime/main-guard';
import type { BenchServerReady } from './bench/bench-server';
import { runLoad, type LoadResult, type LoadSettings, type LoadTarget } from './bench/load-test';
import { measureUpload, type UploadResult } from './bench/upload-test';
import { ensureRedis } from './lib/redis-service';

const ROOT = path.resolve(__dirname, '..');
const MiB = 1024 * 1024;
const TARGETS = { galleryShareOfBare: 0.5, galleryP99Ms: 25, uploadRssGrowthMb: 150 };

interface BenchOptions extends LoadSettings {
  uploadMb: number;
  skipUpload: boolean;
  /** Leave the seeded tables without planner statistics (what PGlite has unless someone runs ANALYZE). */
  skipAnalyze: boolean;
}

runMain(async () => {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-bench-'));
  const redis = await ensureRedis(loadConfig().redisUrl, dataDir);
  let server: BenchServer | undefined;
  try {
    printMachine(options);
    console.log('Starting the API in a child process and seeding…');
    server = await startBenchServer(dataDir, redis.url, options);
    printData(server.ready, options.skipAnalyze);
    await sanityCheck(server.ready);
    const results = await loadTests(server.ready, options);
    printLoad(results);
    if (!options.skipUpload) printUpload(await uploadTest(server, options.uploadMb));
  } finally {
    await server?.stop();
    await redis.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

function parseOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      'upload-mb': { type: 'string', default: '1024' },
      'skip-upload': { type: 'boolean', default: false },
      'skip-analyze': { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min} (got ${text})`);
    return n;
  };
  return {
    durationS: whole('duration', values.duration, 1),
    connections: whole('connections', values.connections, 1),
    warmupS: whole('warmup', values.warmup, 0),
    uploadMb: whole('upload-mb', values['upload-mb'], 1),
    skipUpload: values['skip-upload'],
    skipAnalyze: values['skip-analyze'],
  };
}

interface BenchServer {
  child: ChildProcess;
  ready: BenchServerReady;
  stop(): Promise<void>;
}

/** Forks the server under test with node's own tsx loader, so its pid is the API process itself. */
async function startBenchServer(dataDir: string, redisUrl: string, { uploadMb, skipAnalyze }: BenchOptions): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `bench-api-${randomBytes(4).toString('hex')}`,
    STORAGE_DRIVER: 'fs',
    LOG_LEVEL: 'warn',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    UPLOAD_LIMIT_MB: String(Math.max(2048, uploadMb + 1)),
  };
  const child = fork(path.join(__dirname, 'bench', 'bench-server.ts'), skipAnalyze ? ['--skip-analyze'] : [], {
    cwd: ROOT,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const ready = await Promise.race([
    once(child, 'message').then(([message]) => message as BenchServerReady),
    exited.then(([code]) => Promise.reject(new Error(`The bench server exited (code ${String(code)}) before it was ready`))),
  ]);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send('stop');
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(kill);
  };
  return { child, ready, stop };
}

/** One request of each kind first: a load test of error pages would measure nothing useful. */
async function sanityCheck({ apiUrl, adminKey, data }: BenchServerReady): Promise<void> {
  const sizes: number[] = [];
  for (const sku of data.skus) {
    const res = await fetch(`${apiUrl}/public/v1/products/${sku}/gallery?territory=PL`);
    if (res.status !== 200) throw new Error(`Gallery of ${sku} answered ${res.status}: ${await res.text()}`);
    sizes.push(((await res.json()) as { items: unknown[] }).items.length);
  }
  let allowed = 0;
  for (const id of data.assetIds.slice(0, 200)) {
    const res = await fetch(`${apiUrl}/api/v1/assets/${id}/rights?channel=paid_social&territory=DE`, { headers: { authorization: `Bearer ${adminKey}` } });
    if (res.status !== 200) throw new Error(`Rights of ${id} answered ${res.status}: ${await res.text()}`);
    if (((await res.json()) as { allowed: boolean }).allowed) allowed += 1;
  }
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  console.log(`  gallery ?territory=PL: ${mean.toFixed(1)} items per product on average (${Math.min(...sizes)}–${Math.max(...sizes)})`);
  console.log(`  rights paid_social/DE: allowed for ${allowed} of the first 200 assets\n`);
}

async function loadTests({ apiUrl, bareUrl, adminKey, data }: BenchServerReady, settings: LoadSettings): Promise<LoadResult[]> {
  const targets: LoadTarget[] = [
    { name: 'bare Express  GET /bare', baseUrl: bareUrl, paths: ['/bare'] },
    {
      name: 'gallery  GET /public/v1/products/:sku/gallery?territory=PL',
      baseUrl: apiUrl,
      paths: data.skus.map((sku) => `/public/v1/products/${sku}/gallery?territory=PL`),
    },
    {
      name: 'rights  GET /api/v1/assets/:id/rights?channel=paid_social&territory=DE',
      baseUrl: apiUrl,
      paths: data.assetIds.map((id) => `/api/v1/assets/${id}/rights?channel=paid_social&territory=DE`),
      headers: { authorization: `Bearer ${adminKey}` },
    },
  ];
  const results: LoadResult[] = [];
  for (const target of targets) {
    console.log(`Driving ${target.name}…`);
    results.push(await runLoad(target, settings));
  }
  return results;
}

async function uploadTest(server: BenchServer, uploadMb: number): Promise<UploadResult> {
  console.log(`\nUploading a generated ${uploadMb} MB MP4…`);
  const { apiUrl, adminKey, data } = server.ready;
  return measureUpload({ apiUrl, apiKey: adminKey, creatorId: data.creatorId, sizeBytes: uploadMb * MiB, apiPid: server.child.pid! });
}

function printMachine(options: BenchOptions): void {
  const cpus = os.cpus();
  console.log(
    [
      'UGC rights library: API benchmark',
      `  date      ${new Date().toISOString()}`,
      `  machine   ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
      `  node      ${process.version}`,
      `  load      autocannon on loopback, ${options.connections} connections, ${options.durationS} s per endpoint after a ${options.warmupS} s warm-up\n`,
    ].join('\n'),
  );
}

function printData({ database, seedSeconds, data }: BenchServerReady, skipAnalyze: boolean): void {
  const { rows } = data;
  console.log(
    `  database  ${database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL (DATABASE_URL)'}, seeded in ${seedSeconds.toFixed(1)} s: ` +
      `${data.skus.length} products, ${rows.creators} creators, ${rows.assets} assets, ${rows.renditions} renditions, ${rows.licenses} licenses (${rows.licenseAssets} asset links), ` +
      (skipAnalyze ? 'no planner statistics (--skip-analyze)' : 'then ANALYZE'),
  );
}

function printLoad(results: LoadResult[]): void {
  const [bare, gallery] = results;
  const header = `${'endpoint'.padEnd(72)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}`;
  const rows = results.map(
    (r) =>
      `${r.name.padEnd(72)}${r.requestsPerS.toFixed(0).padStart(9)}${r.p50Ms.toFixed(1).padStart(9)}${r.p99Ms.toFixed(1).padStart(9)}${String(r.non2xx).padStart(9)}${String(r.errors).padStart(8)}`,
  );
  console.log(`\n${header}\n${rows.join('\n')}\n`);
  if (!bare || !gallery) return;
  const share = gallery.requestsPerS / bare.requestsPerS;
  console.log(
    verdict(`gallery req/s vs bare: ${(share * 100).toFixed(1)} %`, `target ≥ ${TARGETS.galleryShareOfBare * 100} %`, share >= TARGETS.galleryShareOfBare),
  );
  console.log(verdict(`gallery p99: ${gallery.p99Ms.toFixed(1)} ms`, `target < ${TARGETS.galleryP99Ms} ms`, gallery.p99Ms < TARGETS.galleryP99Ms));
  if (results.some((r) => r.non2xx > 0 || r.errors > 0)) console.log('  warning: some requests failed (non-2xx or errors): the figures above include them');
}

function printUpload(upload: UploadResult): void {
  const { rss } = upload;
  const asset = upload.body as { id?: string; error?: { code: string } };
  console.log(`  answer    ${upload.status} ${asset.id ? `asset ${asset.id}` : JSON.stringify(upload.body)}`);
  console.log(`  upload    ${(upload.bytes / MiB).toFixed(0)} MB in ${upload.seconds.toFixed(1)} s = ${upload.mbPerS.toFixed(0)} MB/s`);
  console.log(
    verdict(
      `API RSS   ${rss.baselineMb.toFixed(0)} MB before, ${rss.peakMb.toFixed(0)} MB peak: +${rss.growthMb.toFixed(0)} MB (${rss.samples} samples, every 50 ms)`,
      `target < ${TARGETS.uploadRssGrowthMb} MB`,
      rss.growthMb < TARGETS.uploadRssGrowthMb,
    ),
  );
}

const verdict = (measured: string, target: string, met: boolean): string => `  ${measured}  (${target}: ${met ? 'met' : 'NOT met'})`;
