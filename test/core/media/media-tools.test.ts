import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateMediaTools } from '../../../core/media/media-tools';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tools-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('configured paths win', () => {
  expect(locateMediaTools({ ffmpegPath: '/opt/ff/ffmpeg', ffprobePath: '/opt/ff/ffprobe', searchPath: dir })).toEqual({
    ffmpegPath: '/opt/ff/ffmpeg',
    ffprobePath: '/opt/ff/ffprobe',
  });
});

it('then executables on PATH', async () => {
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  for (const name of ['ffmpeg', 'ffprobe']) {
    await writeFile(path.join(bin, name), '#!/bin/sh\n');
    await chmod(path.join(bin, name), 0o755);
  }
  expect(locateMediaTools({ searchPath: ['/nonexistent', bin].join(path.delimiter) })).toEqual({
    ffmpegPath: path.join(bin, 'ffmpeg'),
    ffprobePath: path.join(bin, 'ffprobe'),
  });
});

it('then the npm-bundled builds', () => {
  const tools = locateMediaTools({ searchPath: path.join(dir, 'empty') });
  expect(tools.ffmpegPath).toMatch(/@ffmpeg-installer/);
  expect(tools.ffprobePath).toMatch(/@ffprobe-installer/);
});
