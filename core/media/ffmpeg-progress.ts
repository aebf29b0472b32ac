/** A render's progress at most this often. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Turns ffmpeg's `-progress` lines into fractions of the span. `out_time_us` (ffmpeg 4.2+) and
 * the older, misnamed `out_time_ms` both count microseconds; the bundled 2018 build writes only
 * the latter. Reports only forward moves, at most every PROGRESS_INTERVAL_MS.
 */
export function progressReader(spanS: number, onProgress: ((fraction: number) => void) | undefined) {
  let pending = '';
  let reported = 0;
  let reportedAt = 0;
  const report = (fraction: number, now: number) => {
    reported = fraction;
    reportedAt = now;
    onProgress?.(fraction);
  };
  return {
    read(chunk: string): void {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:us|ms)=(\d+)$/.exec(line.trim());
        if (!match) continue;
        const fraction = Math.min(1, Number(match[1]) / 1e6 / spanS);
        const now = Date.now();
        if (fraction > reported && now - reportedAt >= PROGRESS_INTERVAL_MS) report(fraction, now);
      }
    },
    /** The last report before ffmpeg exits may be throttled away or fall short of the end: a clean exit is all of it. */
    finish(): void {
      if (reported < 1) report(1, Date.now());
    },
  };
}
