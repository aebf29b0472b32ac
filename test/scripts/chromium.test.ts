import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, whichChromium } from '../../scripts/lib/chromium';
import { chromiumPath } from '../helpers/browser';

const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-test-'));
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function fakeExecutable(name: string, mode = 0o755): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n', { mode });
  return file;
}

test('CHROMIUM_PATH, when set, is used as it is if it can be run', () => {
  process.env.CHROMIUM_PATH = fakeExecutable('my-chromium');
  expect(ensureChromium()).toBe(path.join(dir, 'my-chromium'));
  process.env.CHROMIUM_PATH = fakeExecutable('not-executable', 0o644);
  expect(() => ensureChromium()).toThrow(`CHROMIUM_PATH=${path.join(dir, 'not-executable')} is not an executable file.`);
});

test('finds chromium on PATH, as `which chromium` would', () => {
  const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
  process.env.PATH = empty;
  expect(whichChromium()).toBeUndefined();
  const chromium = fakeExecutable('chromium');
  process.env.PATH = [empty, dir].join(path.delimiter);
  expect(whichChromium()).toBe(chromium);
  delete process.env.CHROMIUM_PATH;
  expect(ensureChromium()).toBe(chromium);
});

test('browser tests fail saying what to install when there is no Chromium', () => {
  delete process.env.CHROMIUM_PATH;
  process.env.PATH = dir;
  expect(() => chromiumPath()).toThrow(/sudo apt-get install -y chromium/);
});
