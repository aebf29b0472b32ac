import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '../../core/media/image-header';
import { imageRenditionKey, planImageRenditions, renderImageRenditions, renderImageSpec, type RenderedImage } from '../../core/media/image-renditions';
import { median, medianOrNull, timed } from './media-timing';

export interface ImageVariantResult {
  name: string;
  /** Wall time of each timed run of the whole set. */
  seconds: number[];
  medianS: number;
  /** Median CPU time of a run (all threads); null where it cannot be read. */
  medianCpuS: number | null;
  imagesPerS: number;
  bytes: number;
}

export interface ImageBenchResult {
  outputs: number;
  oneDecode: ImageVariantResult;
  perOutput: ImageVariantResult;
}

type Renderer = (file: string) => Promise<RenderedImage[]>;

/**
 * The baseline the product's one-decode renderer is measured against: every planned output from
 * its own pipeline on the file (decode, EXIF turn, resize or crop, encode), with the product's
 * exact encode settings, all started at once as the product starts its outputs. Only the decode
 * differs; libvips still shrinks each JPEG while decoding it, as any per-output pipeline would.
 */
export async function renderPerOutputPipelines(file: string): Promise<RenderedImage[]> {
  const { autoOrient } = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  const specs = planImageRenditions(autoOrient.width, autoOrient.height);
  return Promise.all(specs.map((spec) => renderImageSpec(sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate(), spec)));
}

/**
 * Renders the whole image set both ways, once each untimed (libvips and the codecs load and warm
 * their caches), then `runs` times each, alternating which goes first so neither always runs on
 * a machine the other has just warmed or heated.
 */
export async function benchImages(file: string, runs: number, log: (line: string) => void = () => {}): Promise<ImageBenchResult> {
  const variants: Array<{ name: string; render: Renderer; seconds: number[]; cpuSeconds: Array<number | null>; last?: RenderedImage[] }> = [
    { name: 'one decode (product)', render: renderImageRenditions, seconds: [], cpuSeconds: [] },
    { name: 'a pipeline per output', render: renderPerOutputPipelines, seconds: [], cpuSeconds: [] },
  ];
  log('  warm-up: one run of each, untimed…');
  for (const variant of variants) variant.last = await variant.render(file);
  assertSameOutputs(variants[0]!.last!, variants[1]!.last!);
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const { result, seconds, cpuSeconds } = await timed(() => variant.render(file));
      log(`  run ${run + 1}/${runs}: ${variant.name} ${seconds.toFixed(2)} s${cpuSeconds === null ? '' : ` (CPU ${cpuSeconds.toFixed(2)} s)`}`);
      variant.seconds.push(seconds);
      variant.cpuSeconds.push(cpuSeconds);
      variant.last = result;
    }
  }
  const [oneDecode, perOutput] = variants.map(({ name, seconds, cpuSeconds, last }) => summarise(name, seconds, cpuSeconds, last!));
  return { outputs: variants[0]!.last!.length, oneDecode: oneDecode!, perOutput: perOutput! };
}

function summarise(name: string, seconds: number[], cpuSeconds: Array<number | null>, outputs: RenderedImage[]): ImageVariantResult {
  const medianS = median(seconds);
  return {
    name,
    seconds,
    medianS,
    medianCpuS: medianOrNull(cpuSeconds),
    imagesPerS: outputs.length / medianS,
    bytes: outputs.reduce((sum, image) => sum + image.bytes.length, 0),
  };
}

/** A comparison is only fair when both made the same files: same specs, same pixel sizes. */
export function assertSameOutputs(a: RenderedImage[], b: RenderedImage[]): void {
  const describe = (images: RenderedImage[]) => images.map((i) => `${imageRenditionKey('bench', i.spec)} ${i.width}x${i.height}`).sort();
  const [left, right] = [describe(a), describe(b)];
  if (left.join('\n') !== right.join('\n')) throw new Error(`The two image renderers made different outputs:\n${left.join('\n')}\n---\n${right.join('\n')}`);
}
