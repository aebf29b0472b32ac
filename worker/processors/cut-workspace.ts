import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { killOrphanedMediaProcesses } from '../../core/media/ffmpeg-process';
import { isProcessAlive } from '../../core/runtime/process-alive';

/**
 * Scratch directories of ad-cut jobs: the local copy of the original and the rendered files,
 * which can be gigabytes. They are named `ugc-cuts-<pid>-<random>` so that what a killed
 * process could not remove in its `finally` is recognisable, with its owner, by the next
 * worker to start on the machine.
 */
const PREFIX = 'ugc-cuts-';
const NAME = /^ugc-cuts-(\d+)-/;
/** Until this process makes a directory, one carrying its pid can only be an earlier process's. */
let madeAny = false;

/** Runs `use` with a fresh scratch directory of this process, removed afterwards whatever happens. */
export async function withCutWorkspace<T>(use: (dir: string) => Promise<T>, tmpDir = os.tmpdir()): Promise<T> {
  madeAny = true;
  const dir = await mkdtemp(path.join(tmpDir, `${PREFIX}${process.pid}-`));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Removes the scratch directories of processes that are gone; call it when a worker starts.
 * Until this process has made one, a directory carrying its own pid is stale too: an earlier
 * process had the same pid (pid 1 in a restarted container). First kills any ffmpeg a dead
 * worker left running where setpriv could not tie it to its worker (core/media/ffmpeg-process.ts):
 * it would go on writing into a directory about to be removed. Returns the directories removed.
 */
export async function sweepDeadCutWorkspaces(tmpDir = os.tmpdir()): Promise<string[]> {
  killOrphanedMediaProcesses(tmpDir);
  const removed: string[] = [];
  for (const entry of await readdir(tmpDir, { withFileTypes: true })) {
    const owner = NAME.exec(entry.name)?.[1];
    if (!entry.isDirectory() || owner === undefined) continue;
    const pid = Number(owner);
    if (pid === process.pid ? madeAny : isProcessAlive(pid)) continue;
    const dir = path.join(tmpDir, entry.name);
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
