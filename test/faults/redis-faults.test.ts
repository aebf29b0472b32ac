import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pingRedis } from '../../scripts/lib/redis-service';
import { waitFor } from '../../scripts/lib/wait-for';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { freePort } from '../scripts/free-port';

/**
 * Fault injection: the real launcher (`npm start`: API and workers in one process, PGlite, the
 * default queue prefix) against a Redis this test starts, kills and starts again empty. While
 * Redis is down every route answers at once (stored and accepted, or 503 `queue_unavailable`);
 * once it is back the queue is rebuilt from the database and everything finishes, once: the
 * asset processed, the comments classified, the expiry sweep rescheduled and the webhooks of
 * what happened meanwhile (an asset made ready, a license that ended during the outage) sent.
 */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const FAST_MS = 5_000;
const RECOVERY_MS = 90_000;

let redisPort: number;
let redis: ChildProcess | undefined;
let tmp: string;
const instances: Instance[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-faults-'));
  redisPort = await freePort();
  await startRedis();
}, 30_000);

afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await stopRedis();
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe('Redis down, then back empty', () => {
  let a: Instance;
  let manager: string;
  let performance: string;
  let video: { id: string };
  let imageId: string;
  let endingLicenseId: string;
  let endingAt: number;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    a = await launch('a');
    const hook = await a.call('POST', '/api/v1/webhooks', a.adminKey, {
      url: receiver.url,
      events: ['asset.ready', 'license.expired'],
      secret: 'faults-webhook-secret',
    });
    expect(hook.status).toBe(201);
    manager = await a.createKey('content_manager');
    performance = await a.createKey('performance');
    const creator = await a.call('POST', '/api/v1/creators', a.adminKey, { handle: 'faults', platform: 'tiktok', followers: 5000 });
    expect(creator.status).toBe(201);
    a.creatorId = (creator.body as { id: string }).id;
    // A processed video with a license that allows cuts, for a cut request made while Redis is down.
    const file = await makeVideo(tmp, 'clip.mp4', { width: 320, height: 240, durationS: 3 });
    video = (await a.upload(file)) as { id: string };
    await a.expectAssetsReady([video.id], RECOVERY_MS);
    const license = await a.call('POST', '/api/v1/licenses', manager, {
      assetIds: [video.id],
      territories: ['PL'],
      channels: ['paid_social'],
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000 * 30).toISOString(),
      derivativesAllowed: true,
    });
    expect(license.status).toBe(201);
    // A second license that ends while Redis is down: its license.expired must still go out.
    endingAt = Date.now() + 4_000;
    const ending = await a.call('POST', '/api/v1/licenses', manager, {
      assetIds: [video.id],
      territories: ['DE'],
      channels: ['product_page'],
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      endsAt: new Date(endingAt).toISOString(),
      derivativesAllowed: false,
    });
    expect(ending.status).toBe(201);
    endingLicenseId = (ending.body as { id: string }).id;
    expect(await a.hasExpirySweepSchedule()).toBe(true);
    await stopRedis();
  }, 180_000);

  afterAll(() => receiver.close());

  it('an upload is stored and accepted at once, with no job yet', async () => {
    const file = await makeImage(tmp, 'during-outage.png', { width: 200, height: 150, format: 'png' });
    const { res, ms } = await a.timed('POST', '/api/v1/assets', a.adminKey, { file });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'uploaded', jobId: null });
    expect(ms).toBeLessThan(FAST_MS);
    imageId = (res.body as { id: string }).id;
  }, 30_000);

  it('a comment import stores the comments and defers their classification', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      platform: 'instagram',
      externalId: `fault-${i}`,
      text: i % 2 ? `Czy rozmiar ${i} jest dostępny?` : `Super produkt ${i}`,
      productSku: 'SKU-FAULT',
    }));
    const { res, ms } = await a.timed('POST', '/api/v1/comments/import', manager, rows);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 30, jobId: null, classification: 'deferred' });
    expect(ms).toBeLessThan(FAST_MS);
  }, 30_000);

  type Call = [what: string, method: string, url: () => string, key: () => string, body: unknown];
  it.each<Call>([
    ['a cut request', 'POST', (): string => `/api/v1/assets/${video.id}/cuts`, (): string => performance, { cuts: [{ aspect: '1:1', durationS: 2 }] }],
    ['reading a job', 'GET', (): string => '/api/v1/jobs/media.probe-x', (): string => manager, undefined],
    ['cancelling a job', 'DELETE', (): string => '/api/v1/jobs/media.cuts-x', (): string => manager, undefined],
    ['a worker ping', 'POST', (): string => '/api/v1/jobs/ping', (): string => a.adminKey, undefined],
    ['a retrain', 'POST', (): string => '/api/v1/comments/retrain', (): string => manager, {}],
  ])(
    '%s answers 503 queue_unavailable within 5 s',
    async (_what, method, url, key, body) => {
      const { res, ms } = await a.timed(method, url(), key(), body);
      expect({ status: res.status, code: (res.body as { error?: { code: string } }).error?.code }).toEqual({ status: 503, code: 'queue_unavailable' });
      expect(ms).toBeLessThan(FAST_MS);
    },
    30_000,
  );

  it('/metrics answers within 5 s', async () => {
    const started = Date.now();
    const res = await fetch(`${a.url}/metrics`, { headers: { authorization: `Bearer ${a.adminKey}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^queue_redis_up 0$/m);
    expect(Date.now() - started).toBeLessThan(FAST_MS);
  }, 30_000);

  it(
    'once Redis is back with none of its data, every asset is ready, every comment classified and the sweep scheduled again, once each',
    async () => {
      // Down until the second license has ended, so its end is seen only by a sweep after the outage.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, endingAt + 1_000 - Date.now())));
      await startRedis();
      await a.expectAssetsReady([imageId], RECOVERY_MS);
      await a.expectSoon(
        'every comment classified',
        async () => {
          const page = await a.call('GET', '/api/v1/comments?productSku=SKU-FAULT&limit=200', manager);
          const items = (page.body as { items: Array<{ labels: unknown }> }).items;
          return items.length === 30 && items.every((c) => c.labels !== null);
        },
        RECOVERY_MS,
      );
      await a.expectSoon('the expiry sweep scheduled', () => a.hasExpirySweepSchedule(), RECOVERY_MS);

      // Nothing twice: two assets, the image's renditions and history entries each once, 30 comments.
      const list = await a.call('GET', '/api/v1/assets?limit=100', manager);
      expect((list.body as { items: unknown[] }).items).toHaveLength(2);
      const image = (await a.call('GET', `/api/v1/assets/${imageId}`, manager)).body as { renditions: Array<{ kind: string; spec: unknown }> };
      const renditionKeys = image.renditions.map((r) => JSON.stringify([r.kind, r.spec]));
      expect(renditionKeys.length).toBeGreaterThan(0);
      expect(new Set(renditionKeys).size).toBe(renditionKeys.length);
      const history = await a.call('GET', `/api/v1/assets/${imageId}/history`, manager);
      expect(history.status).toBe(200);
      const entries = (history.body as { items: Array<{ action: string }> }).items.map((e) => e.action);
      expect(new Set(entries).size).toBe(entries.length);
      const all = await a.call('GET', '/api/v1/comments?productSku=SKU-FAULT&limit=200', manager);
      expect((all.body as { items: unknown[] }).items).toHaveLength(30);
      // The webhooks of what happened meanwhile, each once (a few more sweeps and reconciliations run first).
      const sent = (event: string, id: string) => receiver.bodies.filter((b) => b.event === event && JSON.stringify(b.data).includes(id));
      await a.expectSoon(
        'asset.ready and license.expired sent',
        async () => sent('asset.ready', imageId).length > 0 && sent('license.expired', endingLicenseId).length > 0,
        RECOVERY_MS,
      );
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect(sent('asset.ready', imageId)).toHaveLength(1);
      expect(sent('license.expired', endingLicenseId)).toHaveLength(1);
      // And the queue answers again.
      expect((await a.call('POST', '/api/v1/jobs/ping', a.adminKey)).status).toBe(200);
    },
    RECOVERY_MS * 3,
  );
});

describe('two installations on one Redis, both with the default prefix', () => {
  it(
    'each processes its own uploads: none takes the other’s jobs',
    async () => {
      const a = instances[0] ?? (await launch('a'));
      const b = await launch('b');
      // Files made first, then uploaded to both at once: their probes overlap in time.
      for (const instance of [a, b]) await instance.upload(await makeImage(tmp, `${instance.name}-first.png`, { width: 100, height: 80, format: 'png' }));
      const uploads = await Promise.all(
        [a, b].flatMap((instance) =>
          [0, 1, 2].map(async (i) => {
            const file = await makeImage(tmp, `${instance.name}-${i}.png`, { width: 120 + i, height: 90, format: 'png' });
            return { instance, id: ((await instance.upload(file)) as { id: string }).id };
          }),
        ),
      );
      for (const instance of [a, b])
        await instance.expectAssetsReady(
          uploads.filter((u) => u.instance === instance).map((u) => u.id),
          RECOVERY_MS,
        );
      const prefixes = await queuePrefixes();
      expect(prefixes.size).toBe(2);
      for (const prefix of prefixes) expect(prefix).toMatch(/^ugc-[0-9a-f]{12}$/);
    },
    RECOVERY_MS * 3,
  );
});

// ---------------------------------------------------------------------------------------------

interface Instance {
  name: string;
  url: string;
  adminKey: string;
  creatorId?: string;
  call(method: string, url: string, key: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  timed(method: string, url: string, key: string, body?: unknown): Promise<{ res: { status: number; body: unknown }; ms: number }>;
  upload(file: string): Promise<unknown>;
  createKey(role: string): Promise<string>;
  expectAssetsReady(ids: string[], timeoutMs: number): Promise<void>;
  expectSoon(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void>;
  hasExpirySweepSchedule(): Promise<boolean>;
  stop(): Promise<void>;
}

async function startRedis(): Promise<void> {
  const args = ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmp];
  redis = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => redis!.once('exit', () => resolve()));
  if (!(await waitFor(async () => (await pingRedis(redisUrl(), 300)) === 'pong', { timeoutMs: 15_000, until: exited })))
    throw new Error('redis-server did not start');
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL'); // a crash: nothing saved, nothing said to the clients
  await exited;
}

const redisUrl = () => `redis://127.0.0.1:${redisPort}`;

/** Runs a raw Redis command against the test's server (ioredis via the CLI would be one more client to close). */
async function redisKeys(pattern: string): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis(redisUrl(), { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    return await client.keys(pattern);
  } finally {
    client.disconnect();
  }
}

/** The queue prefixes in use, from the BullMQ keys of the media queue (`<prefix>:media:…`). */
async function queuePrefixes(): Promise<Set<string>> {
  return new Set((await redisKeys('*:media:*')).map((key) => key.slice(0, key.indexOf(':media:'))));
}

async function launch(name: string): Promise<Instance> {
  const dataDir = path.join(tmp, `data-${name}`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    REDIS_URL: redisUrl(),
    LOG_LEVEL: 'warn',
    QUEUE_RECONCILE_INTERVAL_S: '3',
    LICENSE_SWEEP_INTERVAL_S: '2',
    WEBHOOK_RETRY_BASE_MS: '500',
    // The test's webhook receiver listens on loopback.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WORKER_CONCURRENCY: '1',
  };
  // The embedded defaults under test: above all, no QUEUE_PREFIX.
  for (const variable of ['QUEUE_PREFIX', 'DATABASE_URL', 'STORAGE_DRIVER', 'ADMIN_API_KEY', 'HOST', 'URL_SIGNING_SECRET']) delete env[variable];
  const child = spawn(tsx, ['scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const expectSoon = async (what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
    const safe = () => check().catch(() => false);
    if (await waitFor(safe, { timeoutMs, intervalMs: 250, until: exit.then(() => undefined) })) return;
    throw new Error(`${name}: ${what}: not within ${timeoutMs} ms (exit code ${child.exitCode}). Output:\n${output}`);
  };
  await expectSoon('the banner', async () => output.includes(url), 120_000);
  const adminKey = fs.readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();

  const call = async (method: string, route: string, key: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    let payload: FormData | string | undefined;
    if (body && typeof body === 'object' && 'file' in body) {
      const form = new FormData();
      if (instance.creatorId) form.append('creatorId', instance.creatorId);
      const file = (body as { file: string }).file;
      form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      payload = form;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${url}${route}`, { method, headers, body: payload, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

  const instance: Instance = {
    name,
    url,
    adminKey,
    call,
    expectSoon,
    async timed(method, route, key, body) {
      const started = Date.now();
      const res = await call(method, route, key, body);
      return { res, ms: Date.now() - started };
    },
    async upload(file) {
      if (!instance.creatorId) {
        const creator = await call('POST', '/api/v1/creators', adminKey, { handle: `creator-${name}`, platform: 'tiktok', followers: 2000 });
        instance.creatorId = (creator.body as { id: string }).id;
      }
      const res = await call('POST', '/api/v1/assets', adminKey, { file });
      if (res.status !== 201) throw new Error(`${name}: upload answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async createKey(role) {
      const res = await call('POST', '/api/v1/keys', adminKey, { name: role, role });
      return (res.body as { key: string }).key;
    },
    async expectAssetsReady(ids, timeoutMs) {
      const statuses = async () =>
        Promise.all(ids.map(async (id) => ((await call('GET', `/api/v1/assets/${id}`, adminKey)).body as { status: string }).status));
      await expectSoon(`assets ready (${(await statuses()).join(', ')})`, async () => (await statuses()).every((s) => s === 'ready'), timeoutMs).catch(
        async (err: Error) => {
          throw new Error(`${err.message}\nlast statuses: ${(await statuses()).join(', ')}`);
        },
      );
    },
    async hasExpirySweepSchedule() {
      return (await redisKeys('*:licenses:repeat*')).length > 0 && (await queuePrefixes()).size > 0;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    },
  };
  instances.push(instance);
  return instance;
}

interface Receiver {
  url: string;
  bodies: Array<{ event: string; data: unknown }>;
  close(): Promise<void>;
}

/** A webhook receiver on loopback that keeps every body it is sent and answers 204. */
async function startReceiver(): Promise<Receiver> {
  const bodies: Receiver['bodies'] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text) as { event: string; data: unknown });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
