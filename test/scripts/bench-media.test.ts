import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { CUT_ASPECTS, CUT_FRAMES } from '../../core/vocabulary/ad-cut-request';
import { renderImageRenditions } from '../../core/media/image-renditions';
import { benchCutSet } from '../../scripts/bench/media-cuts';
import { assertSameOutputs, renderPerOutputPipelines } from '../../scripts/bench/media-images';
import { makeBenchPhoto } from '../../scripts/bench/media-sources';
import { cpuSecondsSoFar, median, medianOrNull, timed } from '../../scripts/bench/media-timing';

/** The parts of `npm run bench:media` that decide what is compared; the timings themselves are its output, not a test's. */
const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bench-media-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses no values, and is unknown when any value is', () => {
    expect(() => median([])).toThrow(/no values/);
    expect(medianOrNull([3, null, 1])).toBeNull();
    expect(medianOrNull([3, 2, 1])).toBe(2);
  });
});

describe('timed', () => {
  it('counts the CPU time of a child process it waited for, besides the wall time', async () => {
    // The child burns a fixed amount of its own CPU time, however long a loaded machine makes that take.
    const burn = 'while ((p => p.user + p.system)(process.cpuUsage()) < 300000);';
    const before = cpuSecondsSoFar();
    const { seconds, cpuSeconds } = await timed(() => run(process.execPath, ['-e', burn]));
    expect(before).not.toBeNull();
    // /proc counts CPU time in clock ticks (10 ms) while the child counts microseconds: allow two ticks.
    expect(cpuSeconds).toBeGreaterThanOrEqual(0.28);
    expect(seconds).toBeGreaterThan(0);
  });
});

describe('the 12-cut set', () => {
  it('is every aspect at 6, 15 and 30 s from the start, cropped, labelled #ad: 204 s of output', () => {
    const cuts = benchCutSet();
    expect(cuts).toHaveLength(12);
    expect(new Set(cuts.map((c) => `${c.aspect} ${c.durationS}`)).size).toBe(12);
    expect(new Set(cuts.map((c) => c.aspect))).toEqual(new Set(CUT_ASPECTS));
    expect(cuts.reduce((sum, c) => sum + c.durationS, 0)).toBe(204);
    for (const cut of cuts) {
      expect(cut).toMatchObject({ startS: 0, fit: 'crop', disclosure: '#ad', ...CUT_FRAMES[cut.aspect] });
    }
  });
});

describe('the image baseline', () => {
  it('the photo source is a JPEG of the size asked, detailed enough to weigh like a photo', async () => {
    const photo = await makeBenchPhoto(dir, { width: 1200, height: 900 });
    const meta = await sharp(photo.file).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 900]);
    // A flat picture this size is a few KB; a photo is hundreds.
    expect(photo.bytes).toBeGreaterThan(150_000);
  });

  it('a pipeline per output makes the same outputs as the one-decode renderer, turned by EXIF alike', async () => {
    const photo = await makeBenchPhoto(dir, { width: 1000, height: 700 });
    const turned = path.join(dir, 'turned.jpg');
    await sharp(photo.file).withMetadata({ orientation: 6 }).jpeg().toFile(turned);
    const [oneDecode, perOutput] = [await renderImageRenditions(turned), await renderPerOutputPipelines(turned)];
    expect(perOutput).toHaveLength(oneDecode.length);
    expect(() => assertSameOutputs(oneDecode, perOutput)).not.toThrow();
    // Displayed portrait (700×1000): the widest ladder step is 640, 640 wide by 914 tall.
    expect(perOutput.find((i) => i.spec.kind === 'image' && i.spec.width === 640 && i.spec.format === 'jpeg')).toMatchObject({ width: 640, height: 914 });
    for (const image of perOutput) {
      const meta = await sharp(image.bytes).metadata();
      expect({ format: meta.format === 'heif' ? 'avif' : meta.format, width: meta.width }).toEqual({ format: image.spec.format, width: image.width });
    }
  });

  it('refuses to compare two sets that differ', async () => {
    const photo = await makeBenchPhoto(dir, { width: 800, height: 600 });
    const outputs = await renderPerOutputPipelines(photo.file);
    expect(() => assertSameOutputs(outputs, outputs.slice(1))).toThrow(/different outputs/);
  });
});
