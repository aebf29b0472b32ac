import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { planCuts } from '../../core/ads/ad-cut-plan';
import type { CutSource, PlannedCut, RenderedCut } from '../../core/media/planned-cut';
import { CUT_ASPECTS, type CutRequest } from '../../core/vocabulary/ad-cut-request';
import type { MediaTools } from '../../core/media/media-tools';
import { renderAdCuts } from '../../core/media/render-ad-cuts';
import { median, medianOrNull, timed } from './media-timing';

/** Issue 4's set: every ad format at the three lengths platforms ask for most. */
export const BENCH_CUT_DURATIONS_S = [6, 15, 30] as const;
export const BENCH_DISCLOSURE = '#ad';

export interface CutVariantResult {
  name: string;
  /** Wall time of each timed run of the whole set. */
  seconds: number[];
  medianS: number;
  /** Median CPU time of a run (ffmpeg, ffprobe and this process); null where it cannot be read. */
  medianCpuS: number | null;
  /** Seconds of finished video per second of wall time. */
  outputSPerWallS: number;
  bytes: number;
  /** The largest gap between a cut's planned and measured duration. */
  worstDurationErrorS: number;
}

export interface CutBenchResult {
  cuts: PlannedCut[];
  outputS: number;
  oneProcess: CutVariantResult;
  separate: CutVariantResult;
}

/** The 12 cuts (4 aspects × 6/15/30 s), all from the start, cropped to fill, labelled "#ad". */
export function benchCutSet(): PlannedCut[] {
  const requests: CutRequest[] = CUT_ASPECTS.flatMap((aspect) =>
    BENCH_CUT_DURATIONS_S.map((durationS) => ({ aspect, durationS, startS: 0, fit: 'crop' as const, disclosure: BENCH_DISCLOSURE })),
  );
  return planCuts(requests, BENCH_DISCLOSURE, () => 0);
}

type CutRenderer = (outDir: string) => Promise<RenderedCut[]>;

/**
 * The product's renderer both ways: one call with all 12 cuts (one ffmpeg process decodes the
 * source once for every encoder), and 12 calls with one cut each, one after the other (the same
 * settings by construction, but a decode and a process per cut). Each run writes into its own
 * folder under `workDir`, removed once measured.
 */
export async function benchCuts(
  file: string,
  source: CutSource,
  tools: MediaTools,
  workDir: string,
  runs: number,
  log: (line: string) => void = () => {},
): Promise<CutBenchResult> {
  const cuts = benchCutSet();
  const oneProcess: CutRenderer = (outDir) => renderAdCuts(file, source, cuts, tools, outDir);
  const separate: CutRenderer = async (outDir) => {
    const rendered: RenderedCut[] = [];
    for (const [i, cut] of cuts.entries()) {
      const cutDir = path.join(outDir, `cut-${i}`);
      await mkdir(cutDir);
      rendered.push(...(await renderAdCuts(file, source, [cut], tools, cutDir)));
    }
    return rendered;
  };
  const variants = [
    { id: 'one-process', name: `one ffmpeg process, ${cuts.length} outputs`, render: oneProcess, runs: [] as RunMeasure[] },
    { id: 'separate', name: `${cuts.length} separate ffmpeg runs`, render: separate, runs: [] as RunMeasure[] },
  ];
  // Alternating which goes first, so neither always runs on a machine the other has just heated.
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      log(`  run ${run + 1}/${runs}: ${variant.name}…`);
      const measured = await measureRun(variant.render, path.join(workDir, `${variant.id}-${run}`));
      log(`    ${measured.seconds.toFixed(1)} s${measured.cpuSeconds === null ? '' : ` (CPU ${measured.cpuSeconds.toFixed(1)} s)`}`);
      variant.runs.push(measured);
    }
  }
  const outputS = cuts.reduce((sum, cut) => sum + cut.durationS, 0);
  const [one, apart] = variants.map(({ name, runs: measured }) => summarise(name, measured, outputS));
  return { cuts, outputS, oneProcess: one!, separate: apart! };
}

interface RunMeasure {
  seconds: number;
  cpuSeconds: number | null;
  bytes: number;
  worstDurationErrorS: number;
}

async function measureRun(render: CutRenderer, outDir: string): Promise<RunMeasure> {
  await mkdir(outDir, { recursive: true });
  try {
    const { result, seconds, cpuSeconds } = await timed(() => render(outDir));
    const sizes = await Promise.all(result.map(async (cut) => (await stat(cut.file)).size));
    const worstDurationErrorS = Math.max(...result.map((r) => Math.abs(r.durationS - r.cut.durationS)));
    return { seconds, cpuSeconds, bytes: sizes.reduce((a, b) => a + b, 0), worstDurationErrorS };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function summarise(name: string, runs: RunMeasure[], outputS: number): CutVariantResult {
  const seconds = runs.map((r) => r.seconds);
  const medianS = median(seconds);
  return {
    name,
    seconds,
    medianS,
    medianCpuS: medianOrNull(runs.map((r) => r.cpuSeconds)),
    outputSPerWallS: outputS / medianS,
    bytes: median(runs.map((r) => r.bytes)),
    worstDurationErrorS: Math.max(...runs.map((r) => r.worstDurationErrorS)),
  };
}
