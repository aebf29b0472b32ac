import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sweepDeadCutWorkspaces, withCutWorkspace } from '../../worker/processors/cut-workspace';

/** Real directories in a private temp dir, real processes alive and dead. */
let tmp: string;
let alive: ChildProcess;
let deadPid: number;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cut-workspace-test-'));
  alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(dead, 'exit');
  deadPid = dead.pid!;
});
afterAll(async () => {
  alive.kill('SIGKILL');
  await rm(tmp, { recursive: true, force: true });
});

async function scratch(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir);
  await writeFile(path.join(dir, 'original'), 'half a video');
  return dir;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('the start-up sweep of ad-cut scratch directories', () => {
  it("removes those of dead processes and this process's earlier namesake, keeps live ones and anything else", async () => {
    const dead = await scratch(`ugc-cuts-${deadPid}-a1b2c3`);
    const ours = await scratch(`ugc-cuts-${process.pid}-d4e5f6`);
    const live = await scratch(`ugc-cuts-${alive.pid}-g7h8i9`);
    const other = await scratch(`ugc-probe-${deadPid}-j0k1l2`);
    await writeFile(path.join(tmp, `ugc-cuts-${deadPid}-file`), 'not a directory');

    expect((await sweepDeadCutWorkspaces(tmp)).sort()).toEqual([dead, ours].sort());
    expect(await exists(dead)).toBe(false);
    expect(await exists(ours)).toBe(false);
    expect(await exists(live)).toBe(true);
    expect(await exists(other)).toBe(true);
    expect(await exists(path.join(tmp, `ugc-cuts-${deadPid}-file`))).toBe(true);
  });

  it('once this process has made a workspace, one with its pid is in use and kept', async () => {
    let inUse = '';
    await withCutWorkspace(async (dir) => {
      inUse = dir;
      expect(path.basename(dir)).toMatch(new RegExp(`^ugc-cuts-${process.pid}-`));
      expect(await sweepDeadCutWorkspaces(tmp)).toEqual([]);
      expect(await exists(dir)).toBe(true);
    }, tmp);
    expect(await exists(inUse)).toBe(false);
  });
});

describe('withCutWorkspace', () => {
  it('removes the directory and its files when the job throws', async () => {
    let used = '';
    await expect(
      withCutWorkspace(async (dir) => {
        used = dir;
        await writeFile(path.join(dir, 'cut.mp4'), 'partial');
        throw new Error('ffmpeg died');
      }, tmp),
    ).rejects.toThrow('ffmpeg died');
    expect(used).not.toBe('');
    expect(await exists(used)).toBe(false);
    expect((await readdir(tmp)).filter((n) => n.startsWith(`ugc-cuts-${process.pid}-`))).toEqual([]);
  });
});
