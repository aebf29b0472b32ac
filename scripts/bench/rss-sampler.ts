import { readFileSync } from 'node:fs';

const MB = 1024 * 1024;

export interface RssSummary {
  baselineMb: number;
  peakMb: number;
  growthMb: number;
  samples: number;
}

/**
 * Samples another process's resident memory (VmRSS in /proc/<pid>/status, Linux) every
 * `intervalMs` until stopped. The baseline is the reading at start; the peak, the highest
 * reading seen. VmHWM would give the peak without sampling, but it is the process's lifetime
 * high, so the seeding before the measured step would hide what that step cost.
 */
export function sampleRss(pid: number, intervalMs = 50): { stop(): RssSummary } {
  const baseline = readRss(pid);
  let peak = baseline;
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, readRss(pid));
    samples += 1;
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, readRss(pid));
      return { baselineMb: baseline / MB, peakMb: peak / MB, growthMb: (peak - baseline) / MB, samples: samples + 1 };
    },
  };
}

function readRss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}
