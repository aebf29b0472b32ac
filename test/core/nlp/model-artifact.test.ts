import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureBuffer, extractFeatures } from '../../../core/nlp/comment-features';
import { HEAD_NAMES, HEADS } from '../../../core/nlp/comment-heads';
import { predictInto, type LinearModel } from '../../../core/nlp/linear-model';
import { DEFAULT_MODEL_DIR, loadCommentClassifier } from '../../../core/nlp/load-comment-classifier';
import { parseModels, serialiseModels, type ModelSet } from '../../../core/nlp/model-artifact';
import { MANIFEST_FILE, MODEL_FILE } from '../../../core/nlp/model-manifest';
import { normaliseComment } from '../../../core/nlp/normalise-comment';
import { summaryLength } from '../../../core/nlp/review-stacker';
import { seededRandom } from '../../../core/nlp/seeded-random';

/** Small random models (10 bits), sparse like trained ones: a third of the columns are zero. */
function randomModels(seed: number): ModelSet {
  const random = seededRandom(seed);
  const classes = HEADS.sentimentPl.classes;
  const d = summaryLength(classes.length);
  const reviewStacker = {
    classes,
    mean: Array.from({ length: d }, () => random()),
    deviation: Array.from({ length: d }, () => 0.5 + random()),
    weights: Array.from({ length: d * classes.length }, () => random() - 0.5),
    bias: Array.from({ length: classes.length }, () => random() - 0.5),
  };
  const models = { reviewStacker } as ModelSet;
  for (const name of HEAD_NAMES) {
    const k = HEADS[name].classes.length;
    const weights = Float32Array.from({ length: 1024 * k }, (_, i) => (Math.floor(i / k) % 3 === 0 ? 0 : (random() - 0.5) * 4));
    models[name] = { classes: HEADS[name].classes, bits: 10, weights, scale: 1, bias: Float32Array.from({ length: k }, () => random() - 0.5) };
  }
  return models;
}

const probabilities = (model: LinearModel, text: string): number[] => {
  const features = new FeatureBuffer();
  extractFeatures(normaliseComment(text), features);
  return Array.from(predictInto(model, features, new Float64Array(model.classes.length)));
};

describe('model artifact', () => {
  it('round-trips every head to int8 with probabilities within two hundredths, and the review stacker exactly', () => {
    const original = randomModels(1);
    const parsed = parseModels(serialiseModels(original));
    expect(parsed.reviewStacker).toEqual(original.reviewStacker);
    for (const name of HEAD_NAMES) {
      expect(parsed[name].classes).toEqual(original[name].classes);
      expect(parsed[name].bits).toBe(10);
      expect(Array.from(parsed[name].bias)).toEqual(Array.from(original[name].bias));
      for (const text of ['Czy ta kurtka jest wodoodporna?', 'love it 😍', 'rozmiar za maly']) {
        const before = probabilities(original[name], text);
        probabilities(parsed[name], text).forEach((p, c) => expect(Math.abs(p - (before[c] as number))).toBeLessThan(0.02));
      }
    }
  });

  it('stores only non-zero columns and is byte-identical for the same models', () => {
    const bytes = serialiseModels(randomModels(2));
    expect(bytes.equals(serialiseModels(randomModels(2)))).toBe(true);
    expect(bytes.equals(serialiseModels(randomModels(3)))).toBe(false);
    const int8Weights = HEAD_NAMES.reduce((n, name) => n + 1024 * HEADS[name].classes.length, 0);
    expect(bytes.length).toBeLessThan(int8Weights);
  });

  it('rejects what is not an artifact, or is cut short', () => {
    expect(() => parseModels(gzipSync(Buffer.from('hello world')))).toThrow('Not a comment-model artifact');
    const whole = serialiseModels(randomModels(4));
    const raw = gunzipSync(whole);
    expect(() => parseModels(gzipSync(raw.subarray(0, raw.length - 100)))).toThrow('Truncated comment-model artifact');
  });
});

describe('loadCommentClassifier', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nlp-models-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads the shipped models by default', () => {
    const manifest = JSON.parse(readFileSync(path.join(DEFAULT_MODEL_DIR, MANIFEST_FILE), 'utf8')) as { modelVersion: string };
    expect(loadCommentClassifier().modelVersion).toBe(manifest.modelVersion);
  });

  it('says where it looked when there are no models', () => {
    expect(() => loadCommentClassifier(path.join(dir, 'nothing-here'))).toThrow(/Cannot read the comment models at .*nothing-here.*ENOENT.*npm run nlp:train/);
  });

  it('refuses a manifest that belongs to other models', async () => {
    await copyFile(path.join(DEFAULT_MODEL_DIR, MODEL_FILE), path.join(dir, MODEL_FILE));
    const manifest = JSON.parse(await readFile(path.join(DEFAULT_MODEL_DIR, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, modelVersion: 'comments-1-000000000000' }));
    expect(() => loadCommentClassifier(dir)).toThrow(/says comments-1-000000000000 but comment-models\.bin\.gz is comments-1-[0-9a-f]{12}/);
  });
});
