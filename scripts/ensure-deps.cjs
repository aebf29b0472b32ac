#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart/pretest), before any dependency exists,
// so it is plain CommonJS with Node built-ins only.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const MIN_NODE_MAJOR = 20;
const root = path.resolve(__dirname, '..');
const lockfile = path.join(root, 'package-lock.json');
// npm writes this "hidden lockfile" after every install, so its mtime says when
// node_modules last matched package-lock.json.
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function checkNodeVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    console.error(
      `[deps] Node.js ${MIN_NODE_MAJOR} or newer is required; this is ${process.version}.\n` +
        `[deps] Install Node.js ${MIN_NODE_MAJOR}+ (e.g. from nodejs.org or your package manager) and try again.`,
    );
    process.exit(1);
  }
}

/** Why an install is needed, or undefined when node_modules is up to date. */
function staleReason() {
  const installed = mtimeMs(installedMarker);
  if (installed === undefined) return 'node_modules is missing';
  const locked = mtimeMs(lockfile);
  if (locked !== undefined && locked > installed) return 'package-lock.json is newer than node_modules';
  return undefined;
}

function npm(args) {
  console.log(`[deps] npm ${args.join(' ')} …`);
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit' });
  if (result.error) console.error(`[deps] could not run npm: ${result.error.message}`);
  return result.status === 0;
}

function install(reason) {
  console.log(`[deps] ${reason}: installing dependencies.`);
  const started = Date.now();
  const flags = ['--no-audit', '--no-fund'];
  // npm ci installs exactly the lockfile. Some npm 11 releases reject lockfiles they wrote
  // themselves ("Missing: <other platform's optional package> from lock file"), so fall back
  // to npm install, which resolves from the same lockfile.
  const hasLockfile = mtimeMs(lockfile) !== undefined;
  let ok = hasLockfile && npm(['ci', ...flags]);
  if (!ok) {
    if (hasLockfile) console.warn('[deps] npm ci failed: falling back to npm install.');
    ok = npm(['install', ...flags]);
  }
  if (!ok) {
    console.error('[deps] installing dependencies failed. Fix the error above and run the command again.');
    process.exit(1);
  }
  console.log(`[deps] dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

checkNodeVersion();
const reason = staleReason();
if (reason) install(reason);
