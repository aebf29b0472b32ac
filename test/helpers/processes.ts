import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Real processes as Linux's /proc shows them: for tests of what outlives what. */
export interface ProcessEntry {
  pid: number;
  /** Its arguments joined by spaces. */
  cmdline: string;
}

/** Processes whose parent is `ppid`. */
export async function childrenOf(ppid: number): Promise<ProcessEntry[]> {
  const found: ProcessEntry[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (statFields(await readFile(`/proc/${entry}/stat`, 'utf8'))[1] !== String(ppid)) continue;
      found.push({ pid: Number(entry), cmdline: (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim() });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** Waits for a child of `ppid` whose command line matches. */
export async function waitForChild(ppid: number, matches: (cmdline: string) => boolean, timeoutMs: number): Promise<number> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(20)) {
    const child = (await childrenOf(ppid)).find(({ cmdline }) => matches(cmdline));
    if (child) return child.pid;
  }
  throw new Error(`no matching child of ${ppid} within ${timeoutMs} ms`);
}

/** Running, and not a zombie waiting for a parent to reap it (a container's pid 1 may never). */
export function alive(pid: number): boolean {
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[0] !== 'Z';
  } catch {
    return false;
  }
}

export async function goneWithin(pid: number, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(25)) if (!alive(pid)) return true;
  return !alive(pid);
}

/** The fields after the command name (which may hold spaces and parentheses): state, ppid, … */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
