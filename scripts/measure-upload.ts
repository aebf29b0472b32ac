// Measures a large upload through POST /api/v1/assets: throughput and the API's peak RSS growth.
//   npx tsx scripts/measure-upload.ts [--mb 300]
// The API runs in this process (as `npm run api` would, on a throwaway DATA_DIR and queue prefix);
// the client is curl in a child process, which streams the file from disk, so the memory
// measured is the API's alone. Needs Redis at REDIS_URL (default redis://127.0.0.1:6379) and curl.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../api/app';
import { ensureAdminKey } from '../api/auth/admin-key';
import { loadConfig } from '../core/config';
import { creators } from '../core/db';
import { runMain } from '../core/runtime/main-guard';
import { openServices } from '../core/runtime/services';

const run = promisify(execFile);
const MB = 1024 * 1024;

runMain(async () => {
  const sizeMb = Number(process.argv[process.argv.indexOf('--mb') + 1] ?? 300) || 300;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-measure-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `measure-${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: 'warn',
    UPLOAD_LIMIT_MB: String(sizeMb + 10),
  });
  const services = await openServices(config);
  const server = createApp(services).listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/assets`;
    const key = (await ensureAdminKey(services)).key!;
    const [creator] = await services.database.db.insert(creators).values({ handle: 'measure', platform: 'tiktok', followers: 1000 }).returning();
    const file = await writeVideoLikeFile(path.join(dataDir, 'upload.mp4'), sizeMb * MB);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = process.hrtime.bigint();
    const { stdout } = await run('curl', ['-sS', '-H', `Authorization: Bearer ${key}`, '-F', `creatorId=${creator!.id}`, '-F', `file=@${file}`, '-w', '\n%{http_code}', url], {
      maxBuffer: 10 * MB,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const status = stdout.trim().split('\n').pop();
    console.log(`upload:          ${sizeMb} MB → HTTP ${status}`);
    console.log(`throughput:      ${(sizeMb / seconds).toFixed(1)} MB/s (${seconds.toFixed(2)} s)`);
    console.log(`API RSS:         ${(baseline / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB at peak`);
    console.log(`peak RSS growth: ${((peak - baseline) / MB).toFixed(1)} MB (target < 150 MB)`);
    if (status !== '201') process.exitCode = 1;
  } finally {
    server.close();
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** An MP4 signature (so the upload is accepted as video) followed by random bytes, written in chunks. */
async function writeVideoLikeFile(file: string, bytes: number): Promise<string> {
  const out = createWriteStream(file);
  const ftyp = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex');
  out.write(ftyp);
  for (let written = ftyp.length; written < bytes; written += 4 * MB) {
    if (!out.write(randomBytes(Math.min(4 * MB, bytes - written)))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}
