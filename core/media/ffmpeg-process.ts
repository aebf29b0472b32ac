import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../runtime/process-alive';
import { onPath } from './media-tools';

/**
 * The one way the workers run ffmpeg and ffprobe (and the NLP training child). Every run:
 * - is its own process group (`detached`), so a Ctrl-C sent to the terminal's foreground group
 *   reaches the worker, which drains, and never ffmpeg, which would fail the job being drained;
 * - dies with the worker: started through util-linux `setpriv --pdeathsig SIGKILL`, the kernel
 *   kills it the moment the worker's process is gone, SIGKILL included (the setting survives
 *   exec). Where setpriv is missing, its pid is recorded instead and the next worker to start
 *   kills what a dead one left running (killOrphanedMediaProcesses);
 * - runs niced below the API and the queue, and on timeout or abort its whole group is killed.
 */
export interface MediaProcessOptions {
  /** Past this the process group is killed and the run rejects with a MediaProcessError (`timedOut`). */
  timeoutMs: number;
  /** Aborting kills the process group at once and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Takes stdout as it comes (then nothing is collected); otherwise stdout is collected. */
  onStdout?: (chunk: Buffer) => void;
  /** Collected stdout past this kills the run: a hostile file can make ffmpeg write without end. */
  maxStdoutBytes?: number;
  /** Working directory (default: the worker's). */
  cwd?: string;
}

export interface MediaProcessResult {
  stdout: Buffer;
  /** Its last STDERR_KEPT_CHARS characters. */
  stderr: string;
}

/** Why a run failed after it started: a non-zero exit, or stopped for its time or output limit. */
export class MediaProcessError extends Error {
  override name = 'MediaProcessError';
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    /** Stopped by us (time or output limit) rather than failing on its own. */
    readonly killed: boolean,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** Renders and probes run below the API and queue's priority, so a big job cannot starve them of CPU. */
const NICENESS = 10;
const DEFAULT_MAX_STDOUT_BYTES = 64 * 1024 * 1024;
const STDERR_KEPT_CHARS = 64 * 1024;
/** Where pids are recorded when the kernel cannot be asked to kill them with their worker. */
const REGISTRY_DIR = 'ugc-media-processes';

/** setpriv's path, looked up once per process (`null`: not installed, fall back to the registry). */
let setpriv: string | null | undefined;
/** Until this process starts a run, a record carrying its own pid can only be an earlier process's (pid 1 in a restarted container). */
let startedAny = false;

export function runMediaProcess(binary: string, args: readonly string[], options: MediaProcessOptions): Promise<MediaProcessResult> {
  const { signal, timeoutMs, onStdout, maxStdoutBytes = DEFAULT_MAX_STDOUT_BYTES, cwd } = options;
  const name = path.basename(binary);
  if (signal?.aborted) return Promise.reject(abortError(name, signal));
  try {
    // Behind setpriv a missing binary would be setpriv's exit 127: say ENOENT as a direct spawn does.
    accessSync(binary, constants.X_OK);
  } catch (err) {
    return Promise.reject(err as Error);
  }
  startedAny = true;
  const launcher = (setpriv ??= onPath('setpriv', process.env.PATH ?? '') ?? null);
  const [command, commandArgs] = launcher ? [launcher, ['--pdeathsig', 'SIGKILL', '--', binary, ...args]] : [binary, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    lowerPriority(pid);
    const record = pid !== undefined && !launcher ? recordRun(pid) : undefined;

    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS);
    });
    let stopped: Error | undefined;
    const stop = (reason: Error): void => {
      stopped ??= reason;
      killGroup(pid);
    };
    const timer = setTimeout(
      () => stop(new MediaProcessError(`${name} took longer than ${timeoutMs / 1000} s and was stopped`, null, stderr, true, true)),
      timeoutMs,
    );
    const onAbort = (): void => stop(abortError(name, signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (onStdout) return onStdout(chunk);
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes)
        return stop(new MediaProcessError(`${name} wrote more than ${maxStdoutBytes} bytes and was stopped`, null, stderr, true));
      chunks.push(chunk);
    });

    let settled = false;
    const settle = (err?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (record) rmSync(record, { force: true });
      if (err) reject(err);
      else resolve({ stdout: Buffer.concat(chunks), stderr });
    };
    child.on('error', (err) => {
      killGroup(pid);
      settle(stopped ?? err);
    });
    child.on('close', (code, killedBy) => {
      if (stopped) settle(stopped);
      else if (code !== 0)
        settle(new MediaProcessError(`${name} failed (${code === null ? `killed by ${killedBy}` : `exit code ${code}`})`, code, stderr, false));
      else settle();
    });
  });
}

/**
 * Kills what dead workers left running where setpriv was missing: each record names the worker
 * (its pid) and the run (its pid and start time, so a pid reused since is never touched). Call it
 * when a worker starts, before anything else runs. Returns the pids killed.
 */
export function killOrphanedMediaProcesses(tmpDir = os.tmpdir()): number[] {
  const dir = path.join(tmpDir, REGISTRY_DIR);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return []; // never needed on this machine
  }
  const killed: number[] = [];
  for (const entry of entries) {
    const match = /^(\d+)-(\d+)$/.exec(entry);
    if (!match) continue;
    const [owner, pid] = [Number(match[1]), Number(match[2])];
    if (owner === process.pid ? startedAny : isProcessAlive(owner)) continue;
    const file = path.join(dir, entry);
    const recorded = readFileSync(file, 'utf8').trim();
    if (recorded && startTime(pid) === recorded) {
      killGroup(pid);
      killed.push(pid);
    }
    rmSync(file, { force: true });
  }
  return killed;
}

/** `<tmp>/ugc-media-processes/<worker pid>-<run pid>` holding the run's start time; removed when it ends. */
function recordRun(pid: number): string | undefined {
  const dir = path.join(os.tmpdir(), REGISTRY_DIR);
  const file = path.join(dir, `${process.pid}-${pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, startTime(pid) ?? '');
    return file;
  } catch {
    return undefined; // a full or read-only tmp costs the orphan sweep, never the job
  }
}

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): a pid and this name one process. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The run leads its own group: killing the group takes anything it started too. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function lowerPriority(pid: number | undefined): void {
  try {
    if (pid !== undefined) os.setPriority(pid, NICENESS);
  } catch {
    // it has already exited: nothing left to lower
  }
}

function abortError(name: string, signal: AbortSignal): Error {
  const err = new Error(`${name} was aborted and stopped`, { cause: signal.reason });
  err.name = 'AbortError';
  return err;
}
