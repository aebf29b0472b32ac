import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaTools } from '../../core/media/media-tools';

export interface FfmpegRun {
  pid: number;
  args: string[];
}

export interface RecordedFfmpeg {
  /** The tools to hand to the code under test: the real ffprobe, ffmpeg behind the recorder. */
  tools: MediaTools;
  /** Every ffmpeg process started so far, in order. */
  runs(): Promise<FfmpegRun[]>;
}

/**
 * Puts a recorder in front of the real ffmpeg: a shell script that appends its pid and arguments
 * (base64, so any byte survives) to a log, then `exec`s ffmpeg, which keeps that pid. Tests count
 * real processes and can check that a killed one is gone; nothing about ffmpeg is faked.
 */
export async function recordFfmpegRuns(dir: string, tools: MediaTools): Promise<RecordedFfmpeg> {
  const log = path.join(dir, 'ffmpeg-runs.log');
  const script = path.join(dir, 'ffmpeg-recorder.sh');
  await writeFile(log, '');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `{ printf '%s' "$$"; for arg in "$@"; do printf ' '; printf '%s' "$arg" | base64 -w0; done; echo; } >> '${log}'`,
      `exec '${tools.ffmpegPath}' "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return {
    tools: { ...tools, ffmpegPath: script },
    async runs() {
      const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
      return lines.map((line) => {
        const [pid, ...args] = line.split(' ');
        return { pid: Number(pid), args: args.map((arg) => Buffer.from(arg, 'base64').toString('utf8')) };
      });
    },
  };
}
