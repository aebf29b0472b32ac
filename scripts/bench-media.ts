/**
 * `npm run bench:media [-- --runs 3 --cut-runs 1 --skip-cuts --skip-images]`
 *
 * Measures the media renderers against the way they replace, and prints the figures next to
 * issue 4's targets, on sources it generates in a temporary folder (removed at the end):
 * 1. ad cuts: from a 30 s 1080p30 H.264 + AAC clip, the 12-cut set (4 aspects × 6/15/30 s)
 *    rendered by renderAdCuts in ONE ffmpeg process, and as 12 separate calls of one cut each;
 * 2. images: from a 12-megapixel JPEG, the whole rendition set (every width, format and crop)
 *    from ONE decode (renderImageRenditions), and with a pipeline per output from the file.
 * A benchmark, not a test: it prints what it measured and fails only when it cannot measure.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import sharp from 'sharp';
import { loadConfig } from '../core/config';
import { locateMediaTools, type MediaTools } from '../core/media/media-tools';
import { runMain } from '../core/runtime/main-guard';
import { benchCuts, BENCH_CUT_DURATIONS_S, BENCH_DISCLOSURE, type CutBenchResult } from './bench/media-cuts';
import { benchImages, type ImageBenchResult } from './bench/media-images';
import { makeBenchPhoto, makeBenchVideo, type BenchPhoto, type BenchVideo } from './bench/media-sources';
import { timed } from './bench/media-timing';

const run = promisify(execFile);
const MB = 1_000_000;
const TARGETS = { cutSpeedup: 1.3, cutSetWallS: 90, imageSpeedup: 1.5 };

interface BenchOptions {
  /** Timed runs of each image variant (the median is reported). */
  runs: number;
  /** Timed runs of each cut variant: one by default, as a run of both takes minutes. */
  cutRuns: number;
  skipCuts: boolean;
  skipImages: boolean;
}

runMain(async () => {
  const options = parseOptions(process.argv.slice(2));
  const tools = locateMediaTools(loadConfig());
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-bench-media-'));
  try {
    await printMachine(tools, options);
    console.log(`Generating the sources in ${workDir} (removed at the end)…`);
    const video = options.skipCuts ? undefined : await timed(() => makeBenchVideo(workDir, tools));
    if (video) printVideo(video.result, video.seconds);
    const photo = options.skipImages ? undefined : await timed(() => makeBenchPhoto(workDir));
    if (photo) printPhoto(photo.result, photo.seconds);
    if (video) {
      console.log(`\nAd cuts: ${options.cutRuns} timed run(s) of each variant…`);
      printCuts(await benchCuts(video.result.file, video.result.source, tools, workDir, options.cutRuns, (line) => console.log(line)));
    }
    if (photo) {
      console.log(`\nImage set: ${options.runs} timed run(s) of each variant…`);
      printImages(await benchImages(photo.result.file, options.runs, (line) => console.log(line)), photo.result);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
});

function parseOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string', default: '3' },
      'cut-runs': { type: 'string', default: '1' },
      'skip-cuts': { type: 'boolean', default: false },
      'skip-images': { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min} (got ${text})`);
    return n;
  };
  return {
    runs: whole('runs', values.runs, 1),
    cutRuns: whole('cut-runs', values['cut-runs'], 1),
    skipCuts: values['skip-cuts'],
    skipImages: values['skip-images'],
  };
}

async function printMachine(tools: MediaTools, options: BenchOptions): Promise<void> {
  const cpus = os.cpus();
  const { stdout } = await run(tools.ffmpegPath, ['-version']);
  const [load1, load5] = os.loadavg();
  console.log(
    [
      'UGC rights library: media benchmark',
      `  date      ${new Date().toISOString()}`,
      `  machine   ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
      `  load      ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) before the run: anything else running skews the figures`,
      `  node      ${process.version}`,
      `  ffmpeg    ${stdout.split('\n')[0]?.trim() ?? 'unknown'}`,
      `            ${tools.ffmpegPath}`,
      `  sharp     ${sharp.versions.sharp ?? '?'} (libvips ${sharp.versions.vips}), sharp.concurrency() = ${sharp.concurrency()}, libuv threadpool ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
      `  runs      images ${options.runs} of each variant, cuts ${options.cutRuns} of each; the median is reported\n`,
    ].join('\n'),
  );
}

function printVideo({ bytes, source }: BenchVideo, seconds: number): void {
  const mbits = (bytes * 8) / source.durationS / MB;
  console.log(
    `  video     ${source.width}×${source.height}, ${source.frameRate ?? '?'} fps, ${source.durationS.toFixed(2)} s, H.264 + ${source.hasAudio ? 'AAC' : 'no audio'}, ` +
      `${(bytes / MB).toFixed(1)} MB (${mbits.toFixed(1)} Mbit/s), made in ${seconds.toFixed(1)} s`,
  );
}

function printPhoto({ bytes, width, height }: BenchPhoto, seconds: number): void {
  console.log(
    `  photo     ${width}×${height} JPEG (${((width * height) / 1e6).toFixed(1)} megapixels), ${(bytes / MB).toFixed(1)} MB, made in ${seconds.toFixed(1)} s`,
  );
}

function printCuts({ cuts, outputS, oneProcess, separate }: CutBenchResult): void {
  console.log(
    `\nAd cuts: ${cuts.length} cuts (${new Set(cuts.map((c) => c.aspect)).size} aspects × ${BENCH_CUT_DURATIONS_S.join('/')} s, fit crop, from 0 s, label "${BENCH_DISCLOSURE}"), ` +
      `${outputS} s of output, renderAdCuts (poster and ffprobe of every cut included)`,
  );
  const header = `  ${'variant'.padEnd(34)}${'runs (s)'.padEnd(22)}${'median s'.padStart(9)}${'CPU s'.padStart(8)}${'output-s/wall-s'.padStart(17)}${'output MB'.padStart(11)}${'worst Δduration s'.padStart(19)}`;
  const row = (v: CutBenchResult['oneProcess']) =>
    `  ${v.name.padEnd(34)}${v.seconds
      .map((s) => s.toFixed(1))
      .join(' ')
      .padEnd(22)}${v.medianS.toFixed(1).padStart(9)}${cpu(v.medianCpuS, 1).padStart(8)}` +
    `${v.outputSPerWallS.toFixed(2).padStart(17)}${(v.bytes / MB).toFixed(1).padStart(11)}${v.worstDurationErrorS.toFixed(3).padStart(19)}`;
  console.log([header, row(oneProcess), row(separate)].join('\n'));
  const speedup = separate.medianS / oneProcess.medianS;
  console.log(verdict(`one process is ${speedup.toFixed(2)}× as fast as separate runs`, `target ≥ ${TARGETS.cutSpeedup}×`, speedup >= TARGETS.cutSpeedup));
  console.log(
    verdict(
      `the ${cuts.length}-cut set in one process: ${oneProcess.medianS.toFixed(1)} s`,
      `target < ${TARGETS.cutSetWallS} s`,
      oneProcess.medianS < TARGETS.cutSetWallS,
    ),
  );
}

function printImages({ outputs, oneDecode, perOutput }: ImageBenchResult, photo: BenchPhoto): void {
  console.log(
    `\nImage set: ${outputs} outputs (every width, format and crop planned for ${photo.width}×${photo.height}), all started at once in both variants`,
  );
  const header = `  ${'variant'.padEnd(34)}${'runs (s)'.padEnd(22)}${'median s'.padStart(9)}${'CPU s'.padStart(8)}${'images/s'.padStart(10)}${'output MB'.padStart(11)}`;
  const row = (v: ImageBenchResult['oneDecode']) =>
    `  ${v.name.padEnd(34)}${v.seconds
      .map((s) => s.toFixed(2))
      .join(' ')
      .padEnd(22)}${v.medianS.toFixed(2).padStart(9)}${cpu(v.medianCpuS, 2).padStart(8)}` +
    `${v.imagesPerS.toFixed(2).padStart(10)}${(v.bytes / MB).toFixed(2).padStart(11)}`;
  console.log([header, row(oneDecode), row(perOutput)].join('\n'));
  const speedup = oneDecode.imagesPerS / perOutput.imagesPerS;
  console.log(
    verdict(`one decode is ${speedup.toFixed(2)}× as fast as a pipeline per output`, `target ≥ ${TARGETS.imageSpeedup}×`, speedup >= TARGETS.imageSpeedup),
  );
}

const cpu = (seconds: number | null, digits: number): string => (seconds === null ? 'n/a' : seconds.toFixed(digits));
const verdict = (measured: string, target: string, met: boolean): string => `  ${measured}  (${target}: ${met ? 'met' : 'NOT met'})`;
