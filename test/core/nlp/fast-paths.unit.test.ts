import { FeatureBuffer } from '../../../core/nlp/comment-features';
import { scoresInto, type LinearModel } from '../../../core/nlp/linear-model';
import { normaliseComment } from '../../../core/nlp/normalise-comment';
import { seededRandom } from '../../../core/nlp/seeded-random';

/**
 * The classifier's speed paths must give what the plain code gave, to the bit (outputs are
 * compared byte for byte before and after a speed change: scripts/bench/nlp-output-check.ts).
 * These pin the two that are easiest to get subtly wrong.
 */
describe('scoresInto', () => {
  /** The straightforward loop the blocked version replaced. */
  function reference(model: LinearModel, features: FeatureBuffer): number[] {
    const k = model.classes.length;
    const out = Array.from(model.bias);
    for (let f = 0; f < features.length; f++) {
      const value = (features.values[f] as number) * model.scale;
      const base = ((features.hashes[f] as number) & ((1 << model.bits) - 1)) * k;
      for (let c = 0; c < k; c++) out[c] = (out[c] as number) + value * (model.weights[base + c] as number);
    }
    return out;
  }

  it.each([1, 2, 3, 4, 5, 7, 10])('gives the same bits as one plain loop with %i classes, int8 and float weights', (k) => {
    const random = seededRandom(k);
    const bits = 8;
    const features = new FeatureBuffer();
    for (let i = 0; i < 300; i++) features.push(Math.floor(random() * 2 ** 32), Math.fround(random() * 2 - 1));
    for (const weights of [
      Int8Array.from({ length: k << bits }, () => Math.round(random() * 254 - 127)),
      Float32Array.from({ length: k << bits }, () => random() - 0.5),
    ]) {
      const model: LinearModel = {
        classes: Array.from({ length: k }, (_, c) => `c${c}`),
        bits,
        weights,
        scale: 0.0123,
        bias: Float32Array.from({ length: k }, () => random()),
      };
      const out = new Float64Array(k);
      scoresInto(model, features, out);
      expect(Array.from(out)).toEqual(reference(model, features));
    }
  });
});

describe('normaliseComment signals', () => {
  const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;

  it.each(['Zażółć GĘŚLĄ jaźń', 'ПРИВЕТ мир', '𝐁𝐎𝐋𝐃 𝐓𝐄𝐗𝐓', 'Ǆǅǆ ⅠⅡ ª º', 'lone \ud800 and \udc00 surrogates', '東京 is big', 'Ωmega ÆSIR'])(
    'counts letters as \\p{L}, \\p{Lu} and \\p{Script=Latin} do: %s',
    (text) => {
      const { signals } = normaliseComment(text);
      const letters = count(text, /\p{L}/gu);
      expect(signals.letters).toBe(letters);
      expect(signals.shouting).toBe(letters >= 4 && count(text, /\p{Lu}/gu) >= 0.7 * letters);
      expect(signals.nonLatinScript).toBe(letters > 0 && count(text, /\p{Script=Latin}/gu) < 0.5 * letters);
    },
  );

  it('still masks links whose domain ending matches only by Unicode case folding', () => {
    // U+212A KELVIN SIGN folds to "k" under the link pattern's /iu flags: "shop.u\u212A" ends in ".uk".
    expect(normaliseComment('see shop.u\u212A now').tokens).toEqual(['see', '<url>', 'now']);
    expect(normaliseComment('SEE WWW.SHOP.PL').tokens).toEqual(['see', '<url>']);
  });
});
