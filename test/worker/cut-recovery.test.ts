import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { loadConfig, type Config } from '../../core/config';
import { creators, migrateDatabase, openDatabase, renditions, type Database, type Rendition } from '../../core/db';
import { originalKey } from '../../core/storage/object-keys';
import { insertAsset } from '../../core/assets/asset-store';
import { locateMediaTools } from '../../core/media/media-tools';
import { probeMedia } from '../../core/media/probe-media';
import { JobQueues, type JobView } from '../../core/queue/job-queues';
import { createRedisConnection } from '../../core/queue/redis-connection';
import { openServices } from '../../core/runtime/services';
import { FsDriver } from '../../core/storage';
import { addLicense } from '../core/ads/rights-fixtures';
import { makeVideo } from '../helpers/media-fixtures';
import { pgliteTemplate } from '../helpers/pglite-template';
import { createServerDatabase } from '../helpers/test-database';
import { testEnv } from '../helpers/test-services';

/**
 * A media worker process (worker/main.ts, as in production) is killed with SIGKILL, its whole
 * process group with the ffmpeg it runs, in the middle of rendering ad cuts, as a container
 * kill does. Nothing half-made may show: no rendition row, no object. A second worker process
 * then takes the stalled job over (after WORKER_LOCK_MS), sweeps the dead one's scratch
 * directory, and completes the job with whole, playable cuts.
 *
 * The processes share Redis, the fs storage and the database: an on-disk PGlite in one DATA_DIR,
 * and also a throwaway database on the PostgreSQL server at TEST_DATABASE_URL when that is set.
 * PGlite serves one process at a time, so this test process closes the database before each
 * worker starts and opens it again only once that worker is gone (harmless on a server).
 */
const ROOT = path.join(__dirname, '..', '..');
const tools = locateMediaTools();
const run = promisify(execFile);
const LOCK_MS = 1500;
const CUTS = [
  { aspect: '9:16', durationS: 4, startS: 0.5 },
  { aspect: '16:9', durationS: 4, startS: 1, fit: 'blur' },
];

/** Where the processes keep their rows: how to point them at it, create it, and dispose of it. */
interface RecoveryDatabase {
  name: string;
  env(): Promise<Record<string, string>>;
  /** Opened once, before any worker, migrated. */
  create(config: Config): Promise<Database>;
  dispose(): Promise<void>;
}

function recoveryDatabases(): RecoveryDatabase[] {
  const all: RecoveryDatabase[] = [
    {
      name: 'pglite',
      env: async () => ({}),
      create: async (config) => openDatabase({ dbDir: config.dbDir, loadDataDir: await pgliteTemplate() }),
      dispose: async () => {},
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    let drop = async () => {};
    all.push({
      name: 'postgres',
      env: async () => {
        const created = await createServerDatabase(serverUrl);
        drop = created.drop;
        return { DATABASE_URL: created.url };
      },
      create: async (config) => {
        const database = await openDatabase({ databaseUrl: config.databaseUrl });
        await migrateDatabase(database);
        return database;
      },
      dispose: () => drop(),
    });
  }
  // `toString` names each case in describe.each('%s').
  return all.map((d) => ({ ...d, toString: () => d.name }));
}

let env: Record<string, string>;
let config: Config;
let scratch: string;
/**
 * The child workers' TMPDIR. Private, because jest runs other test files at the same time whose
 * media workers sweep the scratch directories of dead pids in the shared /tmp, and would remove
 * the killed worker's directory before this test looks at it (a CI run failed so).
 */
let workerTmp: string;
let redis: Redis;
let queues: JobQueues;
const children: ChildProcess[] = [];
let assetId: string;
let jobId: string;

async function setUp(database: RecoveryDatabase): Promise<void> {
  env = await testEnv({ WORKER_LOCK_MS: String(LOCK_MS), ...(await database.env()) });
  config = loadConfig(env);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'cut-recovery-'));
  workerTmp = path.join(scratch, 'worker-tmp');
  await mkdir(workerTmp);
  redis = createRedisConnection(config.redisUrl, 'producer');
  queues = new JobQueues(redis, config.queuePrefix, () => {});
  // Long enough (two 4 s cuts at 1080 lines take seconds) that the kill lands while ffmpeg renders.
  const source = await makeVideo(scratch, 'source.mp4', { width: 1280, height: 720, durationS: 6, audio: true });
  ({ assetId, jobId } = await seedAndRequestCuts(source, await database.create(config)));
}

async function tearDown(database: RecoveryDatabase): Promise<void> {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  await queues.close();
  for await (const keys of redis.scanStream({ match: `${config.queuePrefix}:*`, count: 500 }))
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  await redis.quit();
  await rm(env.DATA_DIR!, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
  await database.dispose();
}

/** The asset (probed here), its license and the cuts request through the real route; then the database is closed. */
async function seedAndRequestCuts(source: string, database: Database): Promise<{ assetId: string; jobId: string }> {
  const services = await openServices(config, { database });
  try {
    const db = database.db;
    const [creator] = await db.insert(creators).values({ handle: 'recovery', platform: 'tiktok', followers: 50_000 }).returning();
    const id = randomUUID();
    const bytes = await readFile(source);
    await services.storage.put(originalKey(id), createReadStream(source), { contentType: 'video/mp4', size: bytes.length });
    const facts = await probeMedia(source, 'video', tools);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await insertAsset(
      db,
      {
        id,
        creatorId: creator!.id,
        kind: 'video',
        status: 'ready',
        sha256,
        storageKey: originalKey(id),
        mimeType: 'video/mp4',
        sizeBytes: bytes.length,
        ...facts,
      },
      [],
    );
    await addLicense(db, { assetIds: [id], territories: ['PL'] });
    const { key } = await createApiKey(db, 'ads team', 'performance');
    const res = await request(createApp(services)).post(`/api/v1/assets/${id}/cuts`).set('Authorization', `Bearer ${key}`).send({ cuts: CUTS }).expect(202);
    return { assetId: id, jobId: res.body.jobId as string };
  } finally {
    await services.close();
  }
}

/** worker/main.ts in its own process group, so that killing the group takes its ffmpeg along. */
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, TMPDIR: workerTmp },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitForJob(done: (job: JobView) => boolean, what: string, timeoutMs: number): Promise<JobView> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const job = await queues.find(jobId);
    if (job && done(job)) return job;
    if (job?.state === 'failed') throw new Error(`job failed while waiting for ${what}: ${job.error}`);
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** True once no process is left in the group (a killed ffmpeg may take a moment to be reaped). */
async function groupGone(pgid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-pgid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
    await sleep(50);
  }
  return false;
}

/** What the database and the storage hold of the asset's cuts; the database is opened and closed again. */
async function cutsOnRecord(): Promise<{ rows: Rendition[]; objects: Array<{ key: string; size: number }> }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dbDir: config.dbDir });
  try {
    const rows = await database.db
      .select()
      .from(renditions)
      .where(and(eq(renditions.assetId, assetId), inArray(renditions.kind, ['cut', 'cut_poster'])));
    const storage = new FsDriver({ root: (config.storage as { root: string }).root, signingSecret: 'cut-recovery-test-secret' });
    const objects: Array<{ key: string; size: number }> = [];
    for await (const { key, size } of storage.list(`assets/${assetId}/`)) if (key !== originalKey(assetId)) objects.push({ key, size });
    return { rows, objects };
  } finally {
    await database.close();
  }
}

const scratchDirsOf = async (pid: number) => (await readdir(workerTmp)).filter((name) => name.startsWith(`ugc-cuts-${pid}-`));

type Stream = { codec_type: string; codec_name: string; width?: number; height?: number };
async function probeStored(key: string): Promise<{ durationS: number; streams: Stream[] }> {
  const storage = new FsDriver({ root: (config.storage as { root: string }).root, signingSecret: 'cut-recovery-test-secret' });
  const file = path.join(scratch, key.replace(/\//g, '_'));
  await pipeline(await storage.get(key), createWriteStream(file));
  const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  const probed = JSON.parse(stdout) as { streams: Stream[]; format: { duration: string } };
  return { durationS: Number(probed.format.duration), streams: probed.streams };
}

describe.each(recoveryDatabases())('on %s', (database) => {
  beforeAll(() => setUp(database), 120_000);
  afterAll(() => tearDown(database));

  it('a worker killed mid-cut leaves nothing half-made, and another worker takes the job over and completes it', async () => {
    // 1. The first worker renders until ffmpeg's progress is well under way, then the group is killed.
    const first = startWorkerProcess();
    const midway = await waitForJob((job) => job.state === 'active' && job.progress >= 1 && job.progress < 90, 'progress between 1 and 90', 120_000);
    expect(midway.progress).toBeLessThan(90);
    process.kill(-first.pid!, 'SIGKILL');
    await once(first, 'exit');
    expect(await groupGone(first.pid!)).toBe(true);

    // 2. Nothing of the cuts is on record; only the dead worker's scratch directory is left.
    expect(await cutsOnRecord()).toEqual({ rows: [], objects: [] });
    expect(await scratchDirsOf(first.pid!)).toHaveLength(1);
    expect((await queues.find(jobId))?.state).toBe('active'); // as far as Redis knows, until its lock lapses

    // 3. A second worker sweeps the scratch directory, takes the stalled job over and completes it.
    const second = startWorkerProcess();
    const job = await waitForJob((j) => j.state === 'completed', 'the job to complete on the second worker', 180_000);
    expect(await scratchDirsOf(first.pid!)).toEqual([]);
    second.kill('SIGTERM');
    const [code] = await once(second, 'exit');
    expect(code).toBe(0);
    expect(await scratchDirsOf(second.pid!)).toEqual([]);

    // 4. Every cut and poster is on record once, each row naming a whole, playable object.
    const { rows, objects } = await cutsOnRecord();
    const result = job.result as {
      cuts: Array<{ cutId: string; aspect: string; durationS: number; startS: number; fit: string; width: number; height: number }>;
      licenseId: string;
    };
    const cutRows = rows.filter((r) => r.kind === 'cut');
    expect(result.cuts.map(({ aspect, durationS, startS, fit, width, height }) => ({ aspect, durationS, startS, fit, width, height }))).toEqual([
      { aspect: '9:16', durationS: 4, startS: 0.5, fit: 'crop', width: 1080, height: 1920 },
      { aspect: '16:9', durationS: 4, startS: 1, fit: 'blur', width: 1920, height: 1080 },
    ]);
    expect(result.cuts.map((c) => c.cutId).sort()).toEqual(cutRows.map((r) => r.id).sort());
    expect(rows.filter((r) => r.kind === 'cut_poster')).toHaveLength(2);
    expect(objects.map((o) => o.key).sort()).toEqual(rows.map((r) => r.storageKey).sort());
    for (const row of rows) expect(objects.find((o) => o.key === row.storageKey)?.size).toBe(row.sizeBytes);
    for (const row of cutRows) {
      const { durationS, streams } = await probeStored(row.storageKey);
      expect(Math.abs(durationS - 4)).toBeLessThan(0.1);
      expect(streams).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width: row.width, height: row.height }),
          expect.objectContaining({ codec_type: 'audio', codec_name: 'aac' }),
        ]),
      );
    }
  }, 400_000);
});
