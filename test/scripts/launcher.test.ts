import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../../scripts/lib/wait-for';
import { freePort } from './free-port';

/** `npm start` end to end: the real launcher in a child process, on a temp DATA_DIR. */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Launched {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function launch(env: Record<string, string>): Launched {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Embedded defaults unless the test says otherwise.
  for (const name of ['DATABASE_URL', 'STORAGE_DRIVER', 'ADMIN_API_KEY', 'HOST']) if (!(name in env)) delete childEnv[name];
  const child = spawn(tsx, ['scripts/start.ts'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exit };
}

/** Fails with the launcher's output when check() does not hold in time or the launcher exits. */
async function expectSoon(l: Launched, what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  if (await waitFor(check, { timeoutMs, intervalMs: 250, until: l.exit })) return;
  throw new Error(`${what}: not within ${timeoutMs} ms (launcher exit code ${l.child.exitCode}). Output:\n${l.output()}`);
}

const answers200 = (url: string) => () => fetch(url).then((r) => r.status === 200);

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms).unref());
  return Promise.race([promise, timeout]);
}

let dataDir: string;
let launched: Launched | undefined;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-test-'));
});
afterEach(async () => {
  if (launched?.child.exitCode === null) {
    launched.child.kill('SIGKILL');
    await launched.exit;
  }
  launched = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('starts the whole system, accepts the generated admin key and stops cleanly on SIGINT', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const l = (launched = launch({
    DATA_DIR: dataDir,
    PORT: String(port),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `launcher-test-${process.pid}`, // keep its jobs away from other test files
    LOG_LEVEL: 'warn',
  }));

  await expectSoon(l, 'GET /healthz 200', answers200(`${base}/healthz`), 90_000);
  await expectSoon(l, 'GET /readyz 200', answers200(`${base}/readyz`), 30_000);
  // The banner follows the worker round trip, which may finish just after /readyz answers.
  await expectSoon(l, 'the banner with the URL', () => l.output().includes(base), 20_000);

  const adminKey = fs.readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();
  const created = await fetch(`${base}/api/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 't', role: 'viewer' }),
  });
  expect(created.status).toBe(201);
  expect(await created.json()).toMatchObject({ name: 't', role: 'viewer', key: expect.any(String) });

  l.child.kill('SIGINT');
  expect(await within(l.exit, 30_000, 'shutdown after SIGINT')).toBe(0);
}, 180_000);

test('exits non-zero naming the bad variable when the configuration is invalid', async () => {
  const l = (launched = launch({ DATA_DIR: dataDir, PORT: 'abc' }));
  expect(await within(l.exit, 30_000, 'exit on bad config')).not.toBe(0);
  expect(l.output()).toMatch(/PORT/);
}, 60_000);
