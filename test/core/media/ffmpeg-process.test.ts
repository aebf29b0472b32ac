import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killOrphanedMediaProcesses, MediaProcessError, runMediaProcess } from '../../../core/media/ffmpeg-process';
import { locateMediaTools } from '../../../core/media/media-tools';
import { alive, goneWithin, waitForChild } from '../../helpers/processes';

/**
 * runMediaProcess with real ffmpeg in real processes. An "owner" is a small Node process (as a
 * worker would be) running one long ffmpeg that writes nothing to its stdout, so nothing but the
 * owner's death can end it early: a minute of a test pattern decoded in real time.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const tools = locateMediaTools();
const LONG_RUN = ['-v', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=10:duration=60', '-f', 'null', '-'];

let dir: string;
let owner: string;
const started: ChildProcess[] = [];
const ffmpegs: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ffmpeg-process-'));
  owner = path.join(dir, 'owner.ts');
  await writeFile(
    owner,
    [
      `import { runMediaProcess } from ${JSON.stringify(path.join(ROOT, 'core', 'media', 'ffmpeg-process.ts'))};`,
      `runMediaProcess(${JSON.stringify(tools.ffmpegPath)}, ${JSON.stringify(LONG_RUN)}, { timeoutMs: 120_000 }).then(() => process.exit(0), () => process.exit(1));`,
    ].join('\n'),
  );
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of ffmpegs) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** The process group a process is in (/proc/<pid>/stat field 5). */
const pgid = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
};

/** The owner process and the ffmpeg it runs. */
async function startOwner(env: Record<string, string>): Promise<{ owner: ChildProcess; ffmpeg: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', owner], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  started.push(child);
  const ffmpeg = await waitForChild(child.pid!, (cmdline) => cmdline.includes('testsrc=size=64x64'), 30_000);
  ffmpegs.push(ffmpeg);
  return { owner: child, ffmpeg };
}

async function privateTmp(): Promise<string> {
  const tmp = path.join(dir, `tmp-${ffmpegs.length}`);
  await mkdir(tmp);
  return tmp;
}

it('runs ffmpeg in a process group of its own, out of reach of signals to the caller’s group', async () => {
  const { owner: child, ffmpeg } = await startOwner({ TMPDIR: await privateTmp() });
  expect(pgid(ffmpeg)).toBe(ffmpeg);
  expect(pgid(ffmpeg)).not.toBe(pgid(child.pid!));
  child.kill('SIGKILL');
  await once(child, 'exit');
});

it('dies at once with the process that ran it, SIGKILL included (setpriv --pdeathsig)', async () => {
  const tmp = await privateTmp();
  const { owner: child, ffmpeg } = await startOwner({ TMPDIR: tmp });
  child.kill('SIGKILL');
  await once(child, 'exit');
  expect(await goneWithin(ffmpeg, 1000)).toBe(true);
  expect(await readdir(tmp)).not.toContain('ugc-media-processes'); // with setpriv nothing needs recording
}, 60_000);

it('without setpriv, records the run, and the next sweep kills what a dead owner left running, never a live owner’s', async () => {
  const tmp = await privateTmp();
  const { owner: child, ffmpeg } = await startOwner({ TMPDIR: tmp, PATH: path.join(dir, 'no-setpriv-here') });
  expect(await readdir(path.join(tmp, 'ugc-media-processes'))).toEqual([`${child.pid}-${ffmpeg}`]);
  expect(killOrphanedMediaProcesses(tmp)).toEqual([]); // its owner is alive

  child.kill('SIGKILL');
  await once(child, 'exit');
  await sleep(500);
  expect(alive(ffmpeg)).toBe(true); // nothing tied it to its owner

  expect(killOrphanedMediaProcesses(tmp)).toEqual([ffmpeg]);
  expect(await goneWithin(ffmpeg, 1000)).toBe(true);
  expect(await readdir(path.join(tmp, 'ugc-media-processes'))).toEqual([]);
}, 60_000);

it('leaves a record alone whose pid now names another process (a pid reused since)', async () => {
  const tmp = await privateTmp();
  const registry = path.join(tmp, 'ugc-media-processes');
  await mkdir(registry);
  const stranger = spawn('sleep', ['30']);
  started.push(stranger);
  // A dead owner (pid 2^22 + 1 is above Linux's pid_max), and a start time that is not the stranger's.
  await writeFile(path.join(registry, `4194305-${stranger.pid}`), '1');
  expect(killOrphanedMediaProcesses(tmp)).toEqual([]);
  expect(alive(stranger.pid!)).toBe(true);
  expect(await readdir(registry)).toEqual([]);
});

it('kills the run and says so past its time limit; gives the exit code and stderr of a failed run; ENOENT for a missing binary', async () => {
  const timedOut = runMediaProcess(tools.ffmpegPath, LONG_RUN, { timeoutMs: 300 });
  await expect(timedOut).rejects.toMatchObject({
    name: 'MediaProcessError',
    timedOut: true,
    killed: true,
    message: 'ffmpeg took longer than 0.3 s and was stopped',
  });

  const failed = await runMediaProcess(tools.ffmpegPath, ['-v', 'error', '-i', path.join(dir, 'missing.mp4'), '-f', 'null', '-'], { timeoutMs: 10_000 }).catch(
    (e: unknown) => e,
  );
  expect(failed).toBeInstanceOf(MediaProcessError);
  expect(failed).toMatchObject({ exitCode: 1, killed: false, stderr: expect.stringContaining('No such file or directory') });

  await expect(runMediaProcess(path.join(dir, 'no-ffmpeg'), [], { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ENOENT' });
});

it('stops a run whose output passes its limit', async () => {
  const chatty = ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=10', '-f', 'rawvideo', '-'];
  await expect(runMediaProcess(tools.ffmpegPath, chatty, { timeoutMs: 10_000, maxStdoutBytes: 1_000_000 })).rejects.toMatchObject({
    killed: true,
    message: expect.stringMatching(/more than 1000000 bytes/),
  });
});
