import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface MediaTools {
  ffmpegPath: string;
  ffprobePath: string;
}

export interface MediaToolsOptions {
  /** From config (FFMPEG_PATH, FFPROBE_PATH): always wins when set. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** The PATH to search; the process's own by default. */
  searchPath?: string;
}

/**
 * Where ffmpeg and ffprobe are: the configured paths, else the system's binaries on PATH (a
 * distribution build is usually newer and has more codecs), else the static builds shipped by
 * the npm packages @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe.
 */
export function locateMediaTools(options: MediaToolsOptions = {}): MediaTools {
  const searchPath = options.searchPath ?? process.env.PATH ?? '';
  return {
    ffmpegPath: options.ffmpegPath ?? onPath('ffmpeg', searchPath) ?? bundledPath('@ffmpeg-installer/ffmpeg'),
    ffprobePath: options.ffprobePath ?? onPath('ffprobe', searchPath) ?? bundledPath('@ffprobe-installer/ffprobe'),
  };
}

/** The first executable `name` in a PATH-style list of directories. */
export function onPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function bundledPath(pkg: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe'): string {
  // Required only when no system binary is found: the packages look up their platform's build on load.
  const bundled = pkg === '@ffmpeg-installer/ffmpeg' ? require('@ffmpeg-installer/ffmpeg') : require('@ffprobe-installer/ffprobe');
  return (bundled as { path: string }).path;
}
