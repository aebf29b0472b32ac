import fs from 'node:fs';
import path from 'node:path';
import { ensureDebianPackage } from './debian-packages';

/**
 * Browser tests drive Debian's Chromium through playwright-core, which never downloads a
 * browser of its own. This finds it (CHROMIUM_PATH when set, else `chromium` on PATH) and,
 * like redis-server, installs the Debian package when it is missing and we run as root;
 * otherwise it throws an error saying what to install.
 */
export function ensureChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!isExecutableFile(configured)) throw new Error(`CHROMIUM_PATH=${configured} is not an executable file.`);
    return configured;
  }
  ensureDebianPackage({ command: 'chromium', pkg: 'chromium' });
  const found = whichChromium();
  if (!found) throw new Error("Installed chromium, but 'chromium' is still not on PATH.");
  return found;
}

/** The absolute path of `chromium` on PATH, or undefined: what `which chromium` prints. */
export function whichChromium(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, 'chromium')).find(isExecutableFile);
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
