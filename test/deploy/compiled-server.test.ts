import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { waitFor } from '../../scripts/lib/wait-for';
import { testEnv } from '../helpers/test-services';
import { freePort } from '../scripts/free-port';

/**
 * Production runs compiled code (the Docker image): `npm run build` makes dist/, the dashboard
 * and the widget, and `node dist/api/main.js` serves them with plain node: no tsx, no esbuild,
 * no Vite loaded, the widget read from its built file rather than bundled on the first request.
 */
const ROOT = path.resolve(__dirname, '../..');
let api: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  api?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('npm run build, then node dist/api/main.js serves the API, the dashboard and the built widget', async () => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit code ${build.status}):\n${build.stdout}\n${build.stderr}`);

  // Loading the compiled server and workers pulls in no build tool.
  const loaded = spawnSync(process.execPath, ['-e', DEV_TOOLS_LOADED], { cwd: ROOT, encoding: 'utf8' });
  expect(loaded.stderr).toBe('');
  expect(JSON.parse(loaded.stdout)).toEqual([]);

  const port = await freePort();
  const env = await testEnv({ PORT: String(port), LOG_LEVEL: 'info' });
  dataDir = env.DATA_DIR;
  api = spawn(process.execPath, ['dist/api/main.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  expect(await waitFor(async () => (await fetch(`${base}/healthz`)).ok, { timeoutMs: 60_000, intervalMs: 200 })).toBe(true);

  const widget = await fetch(`${base}/widget.js`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(widget.status).toBe(200);
  expect(Buffer.from(await widget.arrayBuffer())).toEqual(readFileSync(path.join(ROOT, 'web/widget/dist/widget.js')));
  expect((await fetch(`${base}/`)).status).toBe(200);
  const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string };
  expect(openapi.openapi).toMatch(/^3\./);
}, 240_000);

const DEV_TOOLS_LOADED = `
require('./dist/api/app');
require('./dist/worker/run-workers');
console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules\\/(esbuild|tsx|vite|typescript)\\//.test(k))));
`;
