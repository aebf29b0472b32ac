import fs from 'node:fs/promises';
import path from 'node:path';

const held = new Set<string>();

/**
 * Claims a PGlite directory for this process until release. PGlite itself lets a second
 * instance, in this process or another, open a directory already in use; the two then
 * diverge and overwrite each other's files. The claim is a file holding our pid; one left by
 * a process that is gone (or by an earlier process that had our pid) is taken over.
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const key = path.resolve(dir);
  const file = path.join(key, 'owner.pid');
  for (;;) {
    if (held.has(key)) throw inUse(dir, process.pid);
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      held.add(key);
      return async () => {
        held.delete(key);
        await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(await fs.readFile(file, 'utf8').catch(() => ''));
      if (owner !== process.pid && isRunning(owner)) throw inUse(dir, owner);
      await fs.rm(file, { force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const inUse = (dir: string, pid: number): Error =>
  new Error(`The database directory ${dir} is already open in process ${pid}; a PGlite directory serves one process at a time.`);
