import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes a command from a Debian package available: nothing to do when it is on PATH,
 * installed with apt-get when running as root, otherwise an error saying what to install.
 */
export interface DebianPackage {
  /** The executable the caller needs, looked up on PATH. */
  command: string;
  /** The Debian package that provides it. */
  pkg: string;
}

let aptUpdated = false;

export function isOnPath(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => isExecutable(path.join(dir, command)));
}

export function ensureDebianPackage({ command, pkg }: DebianPackage): void {
  if (isOnPath(command)) return;
  if (process.getuid?.() !== 0 || !isOnPath('apt-get')) {
    throw new Error(
      `'${command}' is not installed. Install it with: sudo apt-get install -y ${pkg} ` + `(Debian/Ubuntu package '${pkg}'), then run the command again.`,
    );
  }
  console.log(`[setup] '${command}' is missing: installing Debian package ${pkg} …`);
  // Update the package lists once per process: a fresh machine has none, and one
  // update is enough for every package installed after it.
  if (!aptUpdated) {
    apt(['update']);
    aptUpdated = true;
  }
  apt(['install', '-y', '--no-install-recommends', pkg]);
  if (!isOnPath(command)) throw new Error(`Installed ${pkg}, but '${command}' is still not on PATH.`);
}

function apt(args: string[]): void {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    const why = result.error?.message ?? `exit code ${result.status ?? result.signal}`;
    throw new Error(`apt-get ${args.join(' ')} failed (${why}).`);
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
