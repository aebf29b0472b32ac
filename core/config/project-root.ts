import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The checkout's (or image's) root: the nearest folder above this file holding package.json.
 * Files the code reads beside itself (models, migrations, seeds, the built dashboard) are found
 * from here, so the same code works from its sources (tsx) and compiled into dist/ (plain node).
 */
export const PROJECT_ROOT = findRoot(__dirname);

/** True when running the compiled JavaScript in dist/ rather than the TypeScript sources. */
export const RUNNING_COMPILED = path.extname(__filename) === '.js';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}: cannot tell where the project is`);
  }
}
