import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Timed<T> {
  result: T;
  seconds: number;
  /**
   * CPU time spent meanwhile by this process (every libvips thread included) and by the child
   * processes it reaped (ffmpeg, ffprobe); null where /proc is missing. Unlike wall time it
   * hardly moves when something else shares the cores, so it tells work saved from luck.
   */
  cpuSeconds: number | null;
}

/** Wall and CPU time of one awaited call, wall time from a monotonic clock. */
export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpuBefore = cpuSecondsSoFar();
  const began = performance.now();
  const result = await work();
  const seconds = (performance.now() - began) / 1000;
  const cpuAfter = cpuSecondsSoFar();
  return { result, seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, fixed by its ABI). */
const TICKS_PER_S = 100;

/** Own user + system time, plus that of reaped children (fields 16 and 17 of /proc/self/stat). */
export function cpuSecondsSoFar(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // Fields start counting after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [childUser, childSystem] = [Number(fields[13]), Number(fields[14])];
  if (!Number.isFinite(childUser) || !Number.isFinite(childSystem)) return null;
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + (childUser + childSystem) / TICKS_PER_S;
}

/** The middle value (the mean of the two middle ones for an even count): one slow run does not move it. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('The median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of values that may be unknown: unknown if any is. */
export function medianOrNull(values: ReadonlyArray<number | null>): number | null {
  return values.every((v): v is number => v !== null) ? median(values) : null;
}
