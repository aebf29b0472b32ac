import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bestWindowStart, findHookStarts, scoreFrames, type ScoredSample } from '../../../core/media/hook-window';
import { locateMediaTools } from '../../../core/media/media-tools';
import { probeVideo } from '../../../core/media/probe-video';
import { recordFfmpegRuns } from '../../helpers/ffmpeg-runs';
import { makeEventfulVideo } from '../../helpers/media-fixtures';

const tools = locateMediaTools();

/** Samples 5 a second over `durationS`, scoring `score(t)`. */
const sampled = (durationS: number, score: (atS: number) => number): ScoredSample[] =>
  Array.from({ length: Math.round(durationS * 5) }, (_, i) => ({ atS: i / 5, score: score(i / 5) }));

describe('bestWindowStart', () => {
  it('finds the window holding the most change', () => {
    const samples = sampled(20, (t) => (t >= 12 && t < 14 ? 1 : 0.01));
    expect(bestWindowStart(samples, 2, 20)).toBe(12);
    // A window longer than the event holds all of it wherever it starts between 10 and 12: ties go to the earliest.
    expect(bestWindowStart(samples, 4, 20)).toBe(10);
  });

  it('weighs the sum, not the peak: a long busy stretch beats one spike', () => {
    const samples = sampled(30, (t) => (t === 3 ? 0.9 : t >= 20 && t < 25 ? 0.3 : 0));
    expect(bestWindowStart(samples, 5, 30)).toBe(20);
  });

  it('never runs past the end: an event in the last moments gives the last start that fits', () => {
    const start = bestWindowStart(
      sampled(10, (t) => (t >= 9.6 ? 1 : 0)),
      3,
      10.1,
    );
    expect(start).toBeGreaterThan(6.8);
    expect(start + 3).toBeLessThanOrEqual(10.1);
    expect(
      bestWindowStart(
        [
          { atS: 0, score: 0 },
          { atS: 9.9, score: 1 },
        ],
        3,
        10,
      ),
    ).toBe(7);
  });

  it('starts at 0 when the cut is as long as the source (or longer), or nothing happens anywhere', () => {
    const samples = sampled(8, (t) => t);
    expect(bestWindowStart(samples, 8, 8)).toBe(0);
    expect(bestWindowStart(samples, 9, 8)).toBe(0);
    expect(
      bestWindowStart(
        sampled(8, () => 0),
        2,
        8,
      ),
    ).toBe(0);
    expect(bestWindowStart([], 2, 8)).toBe(0);
  });

  it('does not depend on the order of the samples', () => {
    const samples = sampled(10, (t) => (t >= 4 && t < 5 ? 1 : 0));
    expect(bestWindowStart([...samples].reverse(), 1, 10)).toBe(4);
  });
});

describe('scoreFrames', () => {
  it('scores each frame by its mean absolute difference from the one before, at its own time', () => {
    const black = Buffer.alloc(4, 0);
    const white = Buffer.alloc(4, 255);
    const half = Buffer.from([0, 0, 255, 255]);
    expect(scoreFrames(Buffer.concat([black, black, white, half, half.subarray(0, 2)]), 4, 5)).toEqual([
      { atS: 0, score: 0 },
      { atS: 0.2, score: 0 },
      { atS: 0.4, score: 1 },
      { atS: 0.6, score: 0.5 },
    ]);
  });
});

describe('findHookStarts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hook-window-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens each duration on the burst of motion in an otherwise still clip, from one analysis', async () => {
    const burst = { startS: 6, endS: 7 };
    const file = await makeEventfulVideo(dir, 'burst.mp4', { width: 320, height: 240, durationS: 10, burst });
    const source = await probeVideo(file, tools);
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const starts = await findHookStarts(file, source, [1, 3, 3, 10, 12], ffmpeg.tools);

    expect(await ffmpeg.runs()).toHaveLength(1);
    expect([...starts.keys()]).toEqual([1, 3, 10, 12]);
    // One second of a one-second burst: the window is the burst (to within a sample).
    expect(Math.abs(starts.get(1)! - burst.startS)).toBeLessThanOrEqual(0.2 + 1e-9);
    // Three seconds hold all of it.
    expect(starts.get(3)!).toBeLessThanOrEqual(burst.startS);
    expect(starts.get(3)! + 3).toBeGreaterThanOrEqual(burst.endS);
    // The whole clip, or more: from the start.
    expect(starts.get(10)).toBe(0);
    expect(starts.get(12)).toBe(0);
  }, 30_000);

  it('finds the burst wherever it is', async () => {
    const file = await makeEventfulVideo(dir, 'early.mp4', { width: 320, height: 240, durationS: 8, burst: { startS: 1, endS: 2 } });
    const starts = await findHookStarts(file, await probeVideo(file, tools), [1], tools);
    expect(Math.abs(starts.get(1)! - 1)).toBeLessThanOrEqual(0.2 + 1e-9);
  }, 30_000);

  it('needs no analysis (and no readable file) when every cut spans the whole source', async () => {
    const source = { width: 320, height: 240, durationS: 5, frameRate: 25, hasAudio: false };
    const starts = await findHookStarts(path.join(dir, 'missing.mp4'), source, [5], tools);
    expect(starts).toEqual(new Map([[5, 0]]));
  });

  it('fails on a file ffmpeg cannot read', async () => {
    const source = { width: 320, height: 240, durationS: 5, frameRate: 25, hasAudio: false };
    await expect(findHookStarts(path.join(dir, 'missing.mp4'), source, [2], tools)).rejects.toThrow();
  });
});
