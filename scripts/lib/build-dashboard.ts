import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
export const DASHBOARD_DIR = path.join(root, 'web', 'dashboard');
const BUILT_INDEX = path.join(DASHBOARD_DIR, 'dist', 'index.html');
/** What a build is made from: the dashboard's sources and config, and the installed packages. */
const SOURCES = ['src', 'index.html', 'vite.config.mts', 'tsconfig.json'].map((p) => path.join(DASHBOARD_DIR, p));
const INSTALLED_MARKER = path.join(root, 'node_modules', '.package-lock.json');

export interface DashboardBuild {
  built: boolean;
  /** Why it was (re)built, e.g. "web/dashboard/dist is missing". */
  reason?: string;
  ms?: number;
}

/**
 * Builds the dashboard (Vite, a couple of seconds) when web/dashboard/dist is missing or older
 * than any source file or the installed packages; otherwise leaves it alone. Runs Vite as a
 * child process so its memory and ESM loading stay out of the caller.
 */
export async function ensureDashboardBuilt(log: (line: string) => void = console.log): Promise<DashboardBuild> {
  const reason = staleReason();
  if (!reason) return { built: false };
  log(`[web] ${reason}: building the dashboard…`);
  const started = Date.now();
  await buildDashboard();
  const ms = Date.now() - started;
  log(`[web] dashboard built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, reason, ms };
}

function staleReason(): string | undefined {
  const builtAt = mtimeMs(BUILT_INDEX);
  if (builtAt === undefined) return 'web/dashboard/dist is missing';
  const newest = Math.max(...SOURCES.map(newestMtime), mtimeMs(INSTALLED_MARKER) ?? 0);
  return newest > builtAt ? 'the dashboard sources are newer than its build' : undefined;
}

/** `vite build web/dashboard`; rejects with Vite's output when it fails. */
export function buildDashboard(): Promise<void> {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', DASHBOARD_DIR, '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit code ${code}):\n${output.trim()}`))));
  });
}

/** The newest modification time of a file, or of any file under a directory. */
function newestMtime(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
