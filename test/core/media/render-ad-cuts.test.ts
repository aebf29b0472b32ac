import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp, { type Region } from 'sharp';
import { planCuts } from '../../../core/ads/ad-cut-plan';
import type { CutSource, RenderedCut } from '../../../core/media/planned-cut';
import type { CutRequest } from '../../../core/vocabulary/ad-cut-request';
import { locateMediaTools, type MediaTools } from '../../../core/media/media-tools';
import { probeVideo } from '../../../core/media/probe-video';
import { renderAdCuts, type RenderAdCutsOptions } from '../../../core/media/render-ad-cuts';
import { KEYFRAME_INTERVAL_S, outputFrameRate } from '../../../core/media/cut-command';
import { recordFfmpegRuns } from '../../helpers/ffmpeg-runs';
import { makeOddSizedVideo, makeVariableRateVideo, makeVideo, rotateVideo90 } from '../../helpers/media-fixtures';

const run = promisify(execFile);
const tools = locateMediaTools();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'render-ad-cuts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Stream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  bit_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: unknown[];
}

async function ffprobe(file: string): Promise<{ video: Stream; audio: Stream; streams: Stream[]; durationS: number }> {
  const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  const out = JSON.parse(stdout) as { streams: Stream[]; format: { duration: string } };
  const byType = (type: string) => out.streams.find((s) => s.codec_type === type)!;
  return { video: byType('video'), audio: byType('audio'), streams: out.streams, durationS: Number(out.format.duration) };
}

/** Presentation times of the video packets, in order, and which are keyframes. */
async function videoPackets(file: string): Promise<Array<{ atS: number; key: boolean }>> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file];
  const { stdout } = await run(tools.ffprobePath, args);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .map(([pts, flags]) => ({ atS: Number(pts), key: (flags ?? '').includes('K') }))
    .sort((a, b) => a.atS - b.atS);
}

/** The types of an MP4's top-level boxes in file order (ISO 14496-12: 32-bit size, 4-char type; size 1 = 64-bit size follows). */
function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    const size32 = bytes.readUInt32BE(at);
    const size = size32 === 1 ? Number(bytes.readBigUInt64BE(at + 8)) : size32 === 0 ? bytes.length - at : size32;
    types.push(bytes.toString('latin1', at + 4, at + 8));
    at += size;
  }
  return types;
}

/** One frame as PNG; `stored` reads it as stored, before any rotation the file asks the player for. */
async function frameAt(file: string, atS: number, stored = false): Promise<Buffer> {
  const args = [
    '-v',
    'error',
    ...(stored ? ['-noautorotate'] : []),
    '-ss',
    atS.toFixed(3),
    '-i',
    file,
    '-frames:v',
    '1',
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    '-',
  ];
  return (await run(tools.ffmpegPath, args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** RGB pixels of an image (or a region of it), shrunk to `width`×`height` so pictures of different sizes compare. */
async function pixels(image: Buffer | string | sharp.Sharp, width: number, height: number, region?: Region): Promise<Buffer> {
  let pipeline = typeof image === 'string' || Buffer.isBuffer(image) ? sharp(image) : image;
  if (region) pipeline = sharp(await pipeline.extract(region).png().toBuffer());
  return pipeline.resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

/** Mean absolute difference of two same-sized pixel buffers, 0..255. */
const distance = (a: Buffer, b: Buffer): number => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

async function render(
  source: string,
  requests: CutRequest[],
  name: string,
  options?: RenderAdCutsOptions & { tools?: MediaTools; cutSource?: Partial<CutSource> },
) {
  const cutSource = { ...(await probeVideo(source, tools)), ...options?.cutSource };
  const cuts = planCuts(requests, '#ad', () => {
    throw new Error('every cut here has its start');
  });
  const outDir = path.join(dir, name);
  await mkdir(outDir);
  const rendered = await renderAdCuts(source, cutSource, cuts, options?.tools ?? tools, outDir, options);
  return { rendered, outDir };
}

/**
 * What every cut must be, checked on the file as a player reads it: the frame size of its
 * aspect, upright, H.264 High yuv420p at a constant `fps`, AAC stereo 48 kHz, its duration to
 * within a frame, a keyframe every 2 s exactly, the index before the media, and a WebP poster.
 */
async function expectValidCut(rendered: RenderedCut, fps: number): Promise<void> {
  const { cut, file, poster } = rendered;
  const probe = await ffprobe(file);
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  expect(probe.video).toMatchObject({
    codec_name: 'h264',
    profile: 'High',
    pix_fmt: 'yuv420p',
    width: cut.width,
    height: cut.height,
    avg_frame_rate: `${fps}/1`,
  });
  expect(probe.video.side_data_list).toBeUndefined(); // no display matrix: stored upright
  expect(probe.video.tags?.rotate).toBeUndefined();
  expect(probe.audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });

  expect(Math.abs(probe.durationS - cut.durationS)).toBeLessThanOrEqual(1 / fps + 1e-6);
  expect(rendered.durationS).toBeCloseTo(probe.durationS, 5);

  const keyframes = (await videoPackets(file)).filter((p) => p.key).map((p) => Math.round(p.atS * 1000) / 1000);
  const every2s = Array.from({ length: Math.ceil(cut.durationS / KEYFRAME_INTERVAL_S) }, (_, i) => i * KEYFRAME_INTERVAL_S);
  expect(keyframes).toEqual(every2s);

  const boxes = topLevelBoxes(await readFile(file));
  expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
  expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

  expect(await sharp(poster).metadata()).toMatchObject({ format: 'webp', width: cut.width, height: cut.height });
}

describe('outputFrameRate', () => {
  it("is the source's rate rounded to whole frames, at most 60, and 30 when the probe could not tell", () => {
    expect(outputFrameRate(25)).toBe(25);
    expect(outputFrameRate(29.97)).toBe(30);
    expect(outputFrameRate(23.976)).toBe(24);
    expect(outputFrameRate(120)).toBe(60);
    expect(outputFrameRate(null)).toBe(30);
    expect(outputFrameRate(0)).toBe(30);
  });
});

describe('renderAdCuts', () => {
  let landscape: string;
  beforeAll(async () => {
    landscape = await makeVideo(dir, 'landscape.mp4', { width: 1920, height: 1080, durationS: 4, audio: true });
  });

  it('renders every format, fit and label of a request from a 1080p clip in ONE ffmpeg process, with progress', async () => {
    const requests: CutRequest[] = [
      { aspect: '9:16', durationS: 2, startS: 1, disclosure: '#ad' },
      { aspect: '9:16', durationS: 2, startS: 1, disclosure: null },
      { aspect: '9:16', durationS: 2, startS: 1, fit: 'blur', disclosure: null },
      { aspect: '1:1', durationS: 1.5, startS: 0.5 },
      { aspect: '4:5', durationS: 2.5, startS: 1.5, fit: 'blur', disclosure: "REKLAMA: 100% 'płatna'" },
      { aspect: '16:9', durationS: 2, startS: 2 },
    ];
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const progress: number[] = [];
    const { rendered, outDir } = await render(landscape, requests, 'formats', { tools: ffmpeg.tools, onProgress: (f) => progress.push(f) });

    expect(rendered.map((r) => [r.cut.aspect, r.cut.width, r.cut.height, r.cut.fit, r.cut.disclosure])).toEqual([
      ['9:16', 1080, 1920, 'crop', '#ad'],
      ['9:16', 1080, 1920, 'crop', null],
      ['9:16', 1080, 1920, 'blur', null],
      ['1:1', 1080, 1080, 'crop', '#ad'],
      ['4:5', 1080, 1350, 'blur', "REKLAMA: 100% 'płatna'"],
      ['16:9', 1920, 1080, 'crop', '#ad'],
    ]);
    for (const cut of rendered) await expectValidCut(cut, 25);

    // One process read the source and wrote every cut; the others each read one finished cut for its poster.
    const runs = await ffmpeg.runs();
    const renders = runs.filter((r) => r.args.includes(landscape));
    expect(renders).toHaveLength(1);
    expect(rendered.map((r) => r.file).every((file) => renders[0]!.args.includes(file))).toBe(true);
    expect(runs).toHaveLength(1 + rendered.length);

    // Progress only moves forward, through intermediate values, to the end.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[0]).toBeLessThan(1);
    progress.slice(1).forEach((f, i) => expect(f).toBeGreaterThan(progress[i]!));
    expect(progress.at(-1)).toBe(1);

    // Only the cuts and their posters are left behind: the label files are gone.
    expect((await readdir(outDir)).sort()).toEqual(rendered.flatMap((_, i) => [`cut-${i}.mp4`, `cut-${i}.webp`]).sort());

    const [labelled, unlabelled, blurred] = rendered as [RenderedCut, RenderedCut, RenderedCut];
    // The label is drawn in the top-left corner, and nowhere else differs.
    const corner = { left: 65, top: 65, width: 120, height: 80 };
    const lowerHalf = { left: 0, top: 960, width: 1080, height: 960 };
    expect(distance(await pixels(labelled.poster, 24, 16, corner), await pixels(unlabelled.poster, 24, 16, corner))).toBeGreaterThan(40);
    expect(distance(await pixels(labelled.poster, 54, 48, lowerHalf), await pixels(unlabelled.poster, 54, 48, lowerHalf))).toBeLessThan(3);

    // Blur shows the whole landscape picture across the portrait frame's middle; crop shows a slice of it.
    // The posters are 0.2 s into cuts that start at 1 s: the source's frame at 1.2 s.
    const whole = await pixels(await frameAt(landscape, 1.2), 192, 108);
    const middle = { left: 0, top: 656, width: 1080, height: 608 };
    const blurDistance = distance(await pixels(blurred.poster, 192, 108, middle), whole);
    const cropDistance = distance(await pixels(unlabelled.poster, 192, 108, middle), whole);
    expect(blurDistance).toBeLessThan(12);
    expect(cropDistance).toBeGreaterThan(3 * blurDistance);
  }, 180_000);

  it('turns a phone clip stored 640×360 with a 90° rotation upright', async () => {
    const phone = await makeVideo(dir, 'phone.mp4', { width: 640, height: 360, durationS: 3, audio: true });
    await rotateVideo90(phone);
    const { rendered } = await render(phone, [{ aspect: '9:16', durationS: 2, startS: 0.5, disclosure: null }], 'phone');
    await expectValidCut(rendered[0]!, 25);

    // The cut's frame 0.4 s in is the source's at 0.9 s turned clockwise, as the display matrix says; not turned the other way.
    const cutFrame = await pixels(await frameAt(rendered[0]!.file, 0.4), 90, 160);
    const stored = await frameAt(phone, 0.9, true);
    const clockwise = distance(cutFrame, await pixels(sharp(stored).rotate(90), 90, 160));
    const anticlockwise = distance(cutFrame, await pixels(sharp(stored).rotate(270), 90, 160));
    expect(clockwise).toBeLessThan(12);
    expect(anticlockwise).toBeGreaterThan(3 * clockwise);
  }, 60_000);

  it('gives a source without sound a silent stereo track, and 30 fps when its rate is unknown', async () => {
    const mute = await makeVideo(dir, 'mute.mp4', { width: 320, height: 240, durationS: 3 });
    const { rendered } = await render(mute, [{ aspect: '1:1', durationS: 2, startS: 0.5 }], 'mute', { cutSource: { frameRate: null } });
    await expectValidCut(rendered[0]!, 30);
    const { stderr } = await run(tools.ffmpegPath, [
      '-v',
      'info',
      '-nostats',
      '-i',
      rendered[0]!.file,
      '-map',
      '0:a',
      '-af',
      'volumedetect',
      '-f',
      'null',
      '-',
    ]);
    expect(Number(/max_volume: (-?[\d.]+) dB/.exec(stderr)?.[1])).toBeLessThan(-80);
  }, 60_000);

  it('takes an odd-sized 1079×1921 source, with AAC at 128 kb/s', async () => {
    const odd = await makeOddSizedVideo(dir, 'odd.mp4', { width: 1079, height: 1921, durationS: 3, audio: true });
    const { rendered } = await render(
      odd,
      [
        { aspect: '9:16', durationS: 2, startS: 0 },
        { aspect: '16:9', durationS: 2, startS: 1, fit: 'blur' },
      ],
      'odd',
    );
    for (const cut of rendered) {
      await expectValidCut(cut, 25);
      expect(Number((await ffprobe(cut.file)).audio.bit_rate)).toBeGreaterThan(110_000);
      expect(Number((await ffprobe(cut.file)).audio.bit_rate)).toBeLessThan(145_000);
    }
  }, 90_000);

  it('makes a variable-frame-rate source constant: every frame 1/30 s after the one before', async () => {
    const vfr = await makeVariableRateVideo(dir, 'vfr.mp4', { width: 640, height: 360, durationS: 4, audio: true });
    const before = await videoPackets(vfr);
    const gaps = (packets: Array<{ atS: number }>) => packets.slice(1).map((p, i) => p.atS - packets[i]!.atS);
    expect(Math.max(...gaps(before)) - Math.min(...gaps(before))).toBeGreaterThan(0.01); // the fixture really varies

    const { rendered } = await render(vfr, [{ aspect: '9:16', durationS: 3, startS: 0.5 }], 'vfr');
    await expectValidCut(rendered[0]!, 30);
    for (const gap of gaps(await videoPackets(rendered[0]!.file))) expect(gap).toBeCloseTo(1 / 30, 4);
  }, 60_000);

  it('kills ffmpeg at once and rejects when aborted', async () => {
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const controller = new AbortController();
    const requests: CutRequest[] = ['9:16', '1:1', '4:5', '16:9'].map((aspect) => ({ aspect, durationS: 4, startS: 0 }) as CutRequest);
    const rendering = render(landscape, requests, 'aborted', { tools: ffmpeg.tools, signal: controller.signal, onProgress: () => controller.abort() });
    const abortedAt = new Promise<number>((resolve) => controller.signal.addEventListener('abort', () => resolve(Date.now())));
    await expect(rendering).rejects.toMatchObject({ name: 'AbortError', message: expect.stringMatching(/aborted/) });
    expect(Date.now() - (await abortedAt)).toBeLessThan(2000);

    const [renderRun, ...others] = await ffmpeg.runs();
    expect(others).toEqual([]);
    expect(() => process.kill(renderRun!.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 60_000);

  it('does not start ffmpeg for a request already aborted', async () => {
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const rendering = render(landscape, [{ aspect: '1:1', durationS: 1, startS: 0 }], 'pre-aborted', { tools: ffmpeg.tools, signal: AbortSignal.abort() });
    await expect(rendering).rejects.toMatchObject({ name: 'AbortError' });
    expect(await ffmpeg.runs()).toEqual([]);
  });

  it('kills ffmpeg and says so when the render outlasts its time limit', async () => {
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const rendering = render(landscape, [{ aspect: '9:16', durationS: 4, startS: 0 }], 'timeout', { tools: ffmpeg.tools, timeoutMs: 300 });
    await expect(rendering).rejects.toThrow('ffmpeg took longer than 0.3 s to render 1 ad cut and was stopped');
    const [renderRun] = await ffmpeg.runs();
    expect(() => process.kill(renderRun!.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 30_000);

  it("rejects with ffmpeg's reason when the source cannot be decoded, leaving no label file", async () => {
    const junk = path.join(dir, 'junk.mp4');
    await writeFile(junk, 'not a video at all');
    const outDir = path.join(dir, 'junk');
    await mkdir(outDir);
    const source: CutSource = { width: 320, height: 240, durationS: 3, frameRate: 25, hasAudio: false };
    const cuts = planCuts([{ aspect: '1:1', durationS: 1, startS: 0 }], '#ad', () => 0);
    await expect(renderAdCuts(junk, source, cuts, tools, outDir)).rejects.toThrow(
      /^ffmpeg failed to render 1 ad cut \(exit code 1\): moov atom not found; .*Invalid data found/,
    );
    expect(await readdir(outDir)).toEqual([]);
  });

  it('takes any directory and label text: quotes, colons, commas, brackets and percent signs reach ffmpeg intact', async () => {
    const small = await makeVideo(dir, 'small.mp4', { width: 320, height: 240, durationS: 2 });
    const label = "50% off: 'now'; [really], %{pts}";
    const requests: CutRequest[] = [
      { aspect: '1:1', durationS: 1, startS: 0.5, disclosure: label },
      { aspect: '1:1', durationS: 1, startS: 0.5, disclosure: null },
    ];
    const { rendered } = await render(small, requests, "it's: [odd], isn't; it");
    for (const cut of rendered) await expectValidCut(cut, 25);
    const corner = { left: 65, top: 65, width: 120, height: 80 };
    expect(distance(await pixels(rendered[0]!.poster, 24, 16, corner), await pixels(rendered[1]!.poster, 24, 16, corner))).toBeGreaterThan(40);
  }, 60_000);

  it('refuses a cut that runs past the end of the source, before starting ffmpeg', async () => {
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const source: CutSource = { width: 1920, height: 1080, durationS: 4, frameRate: 25, hasAudio: true };
    const cuts = planCuts(
      [
        { aspect: '1:1', durationS: 2, startS: 1 },
        { aspect: '1:1', durationS: 2, startS: 3 },
      ],
      null,
      () => 0,
    );
    await expect(renderAdCuts(landscape, source, cuts, ffmpeg.tools, dir)).rejects.toMatchObject({ code: 'cut_too_long', details: { index: 1 } });
    expect(await ffmpeg.runs()).toEqual([]);
  });

  it('renders nothing, without ffmpeg, for no cuts', async () => {
    const ffmpeg = await recordFfmpegRuns(dir, tools);
    const source: CutSource = { width: 320, height: 240, durationS: 3, frameRate: 25, hasAudio: false };
    expect(await renderAdCuts(landscape, source, [], ffmpeg.tools, dir)).toEqual([]);
    expect(await ffmpeg.runs()).toEqual([]);
  });
});
