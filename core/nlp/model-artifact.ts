import { gunzipSync, gzipSync } from 'node:zlib';
import { HEAD_NAMES, HEADS, type HeadName } from './comment-heads';
import type { LinearModel } from './linear-model';
import type { ReviewStacker } from './review-stacker';

/**
 * The shipped models in one compact binary file (gzip):
 *
 *   "UGCNLP1\n" | u32 header length | header JSON | per head: f32 bias[k], f32 scale,
 *   u32 columns, varint column gaps…, int8 weights[columns × k]
 *
 * The header also holds the review stacker (a few hundred numbers, review-stacker.ts).
 * Only columns with a non-zero weight are stored, weights quantised to int8 with one scale a
 * head (clipped at a high quantile so a few outliers do not flatten everything else to 0).
 * Measured (bench:nlp --float): quantising costs about 0.2 points on PolEmo and under 0.01 F1
 * on the question and topic heads; the file is under 3 MB instead of ~50 MB of float weights.
 */
const MAGIC = 'UGCNLP1\n';
const QUANTILE = 0.9999;

export type ModelSet = Record<HeadName, LinearModel> & { reviewStacker: ReviewStacker };

/** 2: the review heads and the stacker were added. */
const FORMAT = 2;

interface ArtifactHeader {
  format: typeof FORMAT;
  heads: Array<{ name: HeadName; classes: readonly string[]; bits: number }>;
  reviewStacker: ReviewStacker;
}

export function serialiseModels(models: ModelSet): Buffer {
  const header: ArtifactHeader = {
    format: FORMAT,
    heads: HEAD_NAMES.map((name) => ({ name, classes: models[name].classes, bits: models[name].bits })),
    reviewStacker: models.reviewStacker,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(headerBytes.length), headerBytes];
  for (const name of HEAD_NAMES) parts.push(encodeHead(models[name]));
  // Level 9 and no file name or time in the gzip header: the same models give the same bytes.
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function parseModels(compressed: Buffer): ModelSet {
  const bytes = gunzipSync(compressed);
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('Not a comment-model artifact (bad magic)');
  const reader = new ByteReader(bytes, MAGIC.length);
  const header = JSON.parse(reader.bytes(reader.u32()).toString('utf8')) as ArtifactHeader;
  if (header.format !== FORMAT) throw new Error(`Unsupported comment-model artifact format ${String(header.format)}: retrain with npm run nlp:train`);
  const models = { reviewStacker: header.reviewStacker } as ModelSet;
  for (const head of header.heads) {
    const expected = HEADS[head.name];
    if (!expected || expected.classes.join() !== head.classes.join()) throw new Error(`Artifact head ${head.name} has unexpected classes`);
    models[head.name] = decodeHead(reader, head.classes, head.bits);
  }
  for (const name of HEAD_NAMES) if (!models[name]) throw new Error(`Artifact lacks the ${name} head`);
  return models;
}

function encodeHead(model: LinearModel): Buffer {
  const k = model.classes.length;
  const scale = (quantileAbs(model.weights, QUANTILE) * model.scale) / 127 || 1;
  const columnCount = model.weights.length / k;
  const quantised = new Int8Array(model.weights.length);
  const gaps = new Uint8Array(columnCount * 5);
  let stored = 0;
  let gapBytes = 0;
  let previous = -1;
  for (let column = 0; column < columnCount; column++) {
    let nonZero = false;
    for (let c = 0; c < k; c++) {
      const q = Math.max(-127, Math.min(127, Math.round(((model.weights[column * k + c] as number) * model.scale) / scale)));
      quantised[stored * k + c] = q;
      nonZero ||= q !== 0;
    }
    if (!nonZero) continue;
    stored++;
    gapBytes = writeVarint(gaps, gapBytes, column - previous);
    previous = column;
  }
  const head = Buffer.alloc(4 * k + 8);
  model.bias.forEach((b, c) => head.writeFloatLE(b, 4 * c));
  head.writeFloatLE(scale, 4 * k);
  head.writeUInt32LE(stored, 4 * k + 4);
  return Buffer.concat([head, gaps.subarray(0, gapBytes), new Uint8Array(quantised.buffer, 0, stored * k)]);
}

function decodeHead(reader: ByteReader, classes: readonly string[], bits: number): LinearModel {
  const k = classes.length;
  const bias = new Float32Array(k);
  for (let c = 0; c < k; c++) bias[c] = reader.f32();
  const scale = reader.f32();
  const count = reader.u32();
  const columns = new Uint32Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    previous += reader.varint();
    columns[i] = previous;
  }
  const quantised = new Int8Array(reader.bytes(count * k));
  const weights = new Int8Array((1 << bits) * k);
  // Byte by byte: a subarray per column (hundreds of thousands) took most of the load time.
  for (let i = 0; i < count; i++) {
    const to = (columns[i] as number) * k;
    for (let c = 0; c < k; c++) weights[to + c] = quantised[i * k + c] as number;
  }
  return { classes, bits, weights, scale, bias };
}

/** The q-quantile of the non-zero |weights|, from a fine histogram: linear time on millions of weights. */
function quantileAbs(values: Float32Array | Int8Array, q: number): number {
  const BINS = 1 << 16;
  let max = 0;
  let nonZero = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] as number);
    if (v > 0) nonZero++;
    if (v > max) max = v;
  }
  if (nonZero === 0) return 0;
  const histogram = new Uint32Array(BINS);
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] as number);
    if (v === 0) continue;
    const bin = Math.min(BINS - 1, Math.floor((v / max) * BINS));
    histogram[bin] = (histogram[bin] as number) + 1;
  }
  const wanted = q * nonZero;
  let seen = 0;
  for (let bin = 0; bin < BINS; bin++) {
    seen += histogram[bin] as number;
    if (seen >= wanted) return ((bin + 1) / BINS) * max;
  }
  return max;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

class ByteReader {
  constructor(
    private readonly buffer: Buffer,
    private offset: number,
  ) {}

  u32(): number {
    const v = this.buffer.readUInt32LE(this.offset);
    this.offset += 4;
    return v;
  }

  f32(): number {
    const v = this.buffer.readFloatLE(this.offset);
    this.offset += 4;
    return v;
  }

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buffer[this.offset++];
      if (byte === undefined) throw new Error('Truncated comment-model artifact');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  bytes(n: number): Buffer {
    if (this.offset + n > this.buffer.length) throw new Error('Truncated comment-model artifact');
    const slice = this.buffer.subarray(this.offset, this.offset + n);
    this.offset += n;
    return slice;
  }
}

/** The model as it will be after shipping (int8 round trip): what benchmarks should score. */
export function quantised(model: LinearModel): LinearModel {
  return decodeHead(new ByteReader(encodeHead(model), 0), model.classes, model.bits);
}
