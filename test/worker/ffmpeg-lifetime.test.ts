import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { loadConfig, type Config } from '../../core/config';
import { creators, openDatabase } from '../../core/db';
import { originalKey } from '../../core/storage/object-keys';
import { insertAsset } from '../../core/assets/asset-store';
import { locateMediaTools } from '../../core/media/media-tools';
import { probeMedia } from '../../core/media/probe-media';
import { JobQueues, type JobView } from '../../core/queue/job-queues';
import { createRedisConnection } from '../../core/queue/redis-connection';
import { openServices } from '../../core/runtime/services';
import { addLicense } from '../core/ads/rights-fixtures';
import { makeVideo } from '../helpers/media-fixtures';
import { alive, goneWithin, waitForChild } from '../helpers/processes';
import { pgliteTemplate } from '../helpers/pglite-template';
import { testEnv } from '../helpers/test-services';

/**
 * The ffmpeg a media worker process (worker/main.ts) runs lives exactly as long as the worker:
 * killed with it when the worker is SIGKILLed (the worker alone, as the OOM killer does, not
 * its process group), and out of reach of a Ctrl-C sent to the terminal's process group, so
 * the worker drains and the cut being rendered completes. Real processes, real ffmpeg, found
 * through /proc. Where setpriv is missing, see test/core/media/ffmpeg-process.test.ts.
 */
const ROOT = path.join(__dirname, '..', '..');
const tools = locateMediaTools();
const CUTS = [
  { aspect: '9:16', durationS: 4, startS: 0.5 },
  { aspect: '16:9', durationS: 4, startS: 1, fit: 'blur' },
];

interface Setup {
  env: Record<string, string>;
  config: Config;
  /** The workers' private TMPDIR: other test files' workers sweep the shared one. */
  workerTmp: string;
  redis: Redis;
  queues: JobQueues;
  jobId: string;
}

let scratch: string;
let source: string;
const setups: Setup[] = [];
const workers: ChildProcess[] = [];
/** Every ffmpeg seen, killed in afterAll whatever a failed test left. */
const seenFfmpeg = new Set<number>();

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ffmpeg-lifetime-'));
  source = await makeVideo(scratch, 'source.mp4', { width: 568, height: 320, durationS: 6, audio: true });
}, 60_000);

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  for (const pid of seenFfmpeg) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const setup of setups) {
    await setup.queues.close();
    for await (const keys of setup.redis.scanStream({ match: `${setup.config.queuePrefix}:*`, count: 500 }))
      if ((keys as string[]).length) await setup.redis.del(...(keys as string[]));
    await setup.redis.quit();
    await rm(setup.env.DATA_DIR!, { recursive: true, force: true });
  }
  await rm(scratch, { recursive: true, force: true });
});

/** Its own DATA_DIR (an on-disk PGlite the worker opens once this process has closed it), queue prefix and TMPDIR; a cuts job waiting. */
async function setUp(): Promise<Setup> {
  // The lock outlives each test: no worker takes over a killed one's job meanwhile.
  const env = await testEnv({ WORKER_LOCK_MS: '60000' });
  const config = loadConfig(env);
  const workerTmp = path.join(scratch, `tmp-${randomUUID().slice(0, 8)}`);
  await mkdir(workerTmp);
  const redis = createRedisConnection(config.redisUrl, 'producer');
  const setup: Setup = { env, config, workerTmp, redis, queues: new JobQueues(redis, config.queuePrefix, () => {}), jobId: '' };
  setups.push(setup);
  const database = await openDatabase({ dbDir: config.dbDir, loadDataDir: await pgliteTemplate() });
  const services = await openServices(config, { database });
  try {
    const [creator] = await database.db.insert(creators).values({ handle: 'lifetime', platform: 'tiktok', followers: 50_000 }).returning();
    const id = randomUUID();
    const bytes = await readFile(source);
    await services.storage.put(originalKey(id), createReadStream(source), { contentType: 'video/mp4', size: bytes.length });
    const facts = await probeMedia(source, 'video', tools);
    await insertAsset(
      database.db,
      {
        id,
        creatorId: creator!.id,
        kind: 'video',
        status: 'ready',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey: originalKey(id),
        mimeType: 'video/mp4',
        sizeBytes: bytes.length,
        ...facts,
      },
      [],
    );
    await addLicense(database.db, { assetIds: [id], territories: ['PL'] });
    const { key } = await createApiKey(database.db, 'ads team', 'performance');
    const res = await request(createApp(services)).post(`/api/v1/assets/${id}/cuts`).set('Authorization', `Bearer ${key}`).send({ cuts: CUTS }).expect(202);
    setup.jobId = res.body.jobId as string;
  } finally {
    await services.close();
  }
  return setup;
}

/** worker/main.ts leading its own process group, as a shell runs a foreground command; `ready` once it says so. */
function startWorker(setup: Setup): { worker: ChildProcess; ready: Promise<void> } {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...setup.env, TMPDIR: setup.workerTmp, LOG_LEVEL: 'info' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(worker);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    worker.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('"msg":"worker ready"')) resolve();
    });
    worker.on('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready:\n${output}`)));
  });
  ready.catch(() => {}); // a test that never waits for it must not fail on it
  return { worker, ready };
}

/** The worker's render: the ffmpeg writing `-progress` with its output in the cut workspace. */
async function renderingFfmpeg(worker: ChildProcess): Promise<number> {
  const pid = await waitForChild(
    worker.pid!,
    (cmdline) => cmdline.includes('ffmpeg') && cmdline.includes('-filter_complex') && cmdline.includes('ugc-cuts-'),
    90_000,
  );
  seenFfmpeg.add(pid);
  return pid;
}

async function waitForJob(setup: Setup, done: (job: JobView) => boolean, timeoutMs: number): Promise<JobView> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const job = await setup.queues.find(setup.jobId);
    if (job && done(job)) return job;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms; the job is ${JSON.stringify(await setup.queues.find(setup.jobId))}`);
}

it('a SIGKILLed worker takes its ffmpeg with it at once', async () => {
  const setup = await setUp();
  const { worker } = startWorker(setup);
  const ffmpeg = await renderingFfmpeg(worker);
  expect(alive(ffmpeg)).toBe(true);

  process.kill(worker.pid!, 'SIGKILL'); // the worker alone, not its group
  await once(worker, 'exit');
  // The kernel kills it as the worker dies; without that it would render on (or die seconds later of its broken progress pipe).
  expect(await goneWithin(ffmpeg, 1000)).toBe(true);
}, 120_000);

it('a Ctrl-C to the whole process group drains: the cut being rendered completes and the worker exits 0', async () => {
  const setup = await setUp();
  const { worker, ready } = startWorker(setup);
  const ffmpeg = await renderingFfmpeg(worker);
  // It may take the job before it has finished starting (and installed its signal handlers).
  await ready;
  expect(alive(ffmpeg)).toBe(true);
  const exited = once(worker, 'exit');

  process.kill(-worker.pid!, 'SIGINT'); // what a terminal sends on Ctrl-C
  const [code] = await exited;
  expect(code).toBe(0);
  expect(alive(ffmpeg)).toBe(false);
  const job = await waitForJob(setup, (j) => j.state !== 'active' && j.state !== 'waiting', 5000);
  expect(job).toMatchObject({ state: 'completed', attempts: 1 });
  expect((job.result as { cuts: unknown[] }).cuts).toHaveLength(2);
}, 120_000);
