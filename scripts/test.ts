/**
 * `npm test [-- jest args]`: Redis found or started, then `tsc --noEmit` (API and dashboard),
 * the room boundaries (depcruise, docs/architecture.md), ESLint, Prettier's check, the dashboard
 * built when its sources changed, and jest over test/: the unit tier (`*.unit.test.ts`), then the
 * integration tier (see jest.config.js).
 * The data layer also runs against PostgreSQL when TEST_DATABASE_URL is set (.ci/run does that).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DASHBOARD_DIR, ensureDashboardBuilt } from './lib/build-dashboard';
import { ensureChromium } from './lib/chromium';
import { redactUrl } from './lib/redact-url';
import { ensureRedis } from './lib/redis-service';

const root = path.resolve(__dirname, '..');
const isCI = Boolean(process.env.CI) && process.env.CI !== 'false';
let currentChild: ReturnType<typeof spawn> | undefined;

async function main(): Promise<number> {
  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ugc-test-redis-'));
  const redis = await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisDir);
  console.log(`[test] Redis: ${redactUrl(redis.url)} ${redis.started ? '(started for this run)' : '(already running)'}`);
  console.log(
    `[test] PostgreSQL server tests: ${process.env.TEST_DATABASE_URL ? redactUrl(process.env.TEST_DATABASE_URL) : 'skipped (TEST_DATABASE_URL not set; PGlite only)'}`,
  );
  try {
    const tsc = await timed('tsc --noEmit', [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']);
    if (tsc !== 0) return tsc;
    // The dashboard runs in browsers (DOM types, JSX): its own tsconfig, checked the same way.
    const tscWeb = await timed('tsc --noEmit -p web/dashboard', [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', DASHBOARD_DIR]);
    if (tscWeb !== 0) return tscWeb;
    // The room map (docs/architecture.md): which folder may import which, and no import cycles.
    const boundaries = await timed('depcruise (room boundaries)', [
      path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      'api',
      'core',
      'worker',
      'web',
      'scripts',
    ]);
    if (boundaries !== 0) return boundaries;
    const lint = await timed('eslint', [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.']);
    if (lint !== 0) return lint;
    const format = await timed('prettier --check', [path.join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']);
    if (format !== 0) return format;
    await ensureDashboardBuilt((line) => console.log(line.replace('[web]', '[test]')));
    const env = { REDIS_URL: redis.url, ...browserEnv() };
    const given = process.argv.slice(2);
    // Without arguments the fast tier runs first, so a broken rule shows in seconds; with them, jest as asked.
    const tiers = given.length
      ? [given]
      : [
          ['--selectProjects', 'unit'],
          ['--selectProjects', 'integration'],
        ];
    for (const args of tiers) {
      const code = await jest([...(isCI ? ['--ci'] : []), ...args], env);
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    await redis.stop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  }
}

/**
 * Browser tests drive Debian's Chromium. When it is missing and cannot be installed, the other
 * tests still run and the browser tests fail with the same message (test/helpers/browser.ts).
 */
function browserEnv(): Record<string, string> {
  try {
    const chromium = ensureChromium();
    console.log(`[test] Chromium: ${chromium}`);
    return { CHROMIUM_PATH: chromium };
  } catch (e) {
    console.error(`[test] Chromium unavailable, browser tests will fail: ${(e as Error).message}`);
    return {};
  }
}

function jest(args: string[], env: Record<string, string>): Promise<number> {
  const label = args.includes('--selectProjects') ? `jest (${args[args.indexOf('--selectProjects') + 1]} tests)` : 'jest';
  return timed(label, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), ...args], env);
}

/** Runs `node args` in the project root and reports its outcome and duration. */
async function timed(label: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = Date.now();
  console.log(`[test] ${label} …`);
  const code = await new Promise<number>((resolve, reject) => {
    currentChild = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    currentChild.once('error', reject);
    currentChild.once('exit', (status, signal) => resolve(status ?? (signal ? 128 + os.constants.signals[signal] : 1)));
  });
  currentChild = undefined;
  console.log(`[test] ${label} ${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${seconds(Date.now() - started)}`);
  return code;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// A terminal Ctrl-C reaches the child as well; SIGTERM (from CI or a supervisor) reaches
// only us. Either way the child is told, and we stay alive to stop the Redis we started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => currentChild?.kill(signal));
}

const started = Date.now();
main()
  .catch((err: unknown) => {
    console.error(`[test] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  })
  .then((code) => {
    console.log(`[test] total ${seconds(Date.now() - started)}`);
    process.exit(code);
  });
