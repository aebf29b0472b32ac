/**
 * `npm run build`: everything production runs, made ahead of time (the Docker image does this
 * when it is built), so the server starts with plain `node` and nothing compiles at run time:
 * - the server: `tsc -p tsconfig.build.json` → dist/ (api, worker, core; `node dist/api/main.js`);
 * - the dashboard: Vite → web/dashboard/dist (when its sources changed since the last build);
 * - the widget: esbuild → web/widget/dist/widget.js (served as is by the compiled API).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { writeWidget } from '../web/widget/build';
import { ensureDashboardBuilt } from './lib/build-dashboard';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  await step('server (tsc → dist/)', async () => {
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) throw new Error(`tsc failed (exit code ${tsc.status})`);
  });
  // Rebuilt only when its sources are newer than its build (tests run this beside browser tests that serve it).
  await step('dashboard (vite → web/dashboard/dist, when stale)', () => ensureDashboardBuilt((line) => console.log(line.replace('[web]', '[build]'))));
  await step('widget (esbuild → web/widget/dist/widget.js)', () => writeWidget(root));
}

async function step(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await run();
  console.log(`[build] ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`[build] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
