import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom, shuffleInPlace } from '../../core/nlp/seeded-random';

/**
 * The input files the throughput benchmark and the output check classify, built from the
 * public corpora (../shared/data/nlp) with a seeded shuffle: the same seed gives the same
 * files, so figures and outputs can be compared across code changes.
 */
export interface BenchFile {
  name: string;
  /** What it holds, in the printed table. */
  description: string;
  texts: string[];
}

interface Share {
  file: string;
  share: number;
}

/**
 * The mix the issue timed: short tweets and comments, with long reviews making up a quarter
 * (PolEmo about 770 characters, Allegro about 400). Stated here so the figure says what it measured.
 */
export const MIXED_SHARES: Share[] = [
  { file: 'sentiment-en-semeval-train.jsonl', share: 0.25 },
  { file: 'sentiment-pl-tweets-train.jsonl', share: 0.2 },
  { file: 'sentiment-en-sentube-train.jsonl', share: 0.3 },
  { file: 'sentiment-pl-polemo-train.jsonl', share: 0.1 },
  { file: 'sentiment-pl-allegro-reviews-train.jsonl', share: 0.15 },
];
const LONG_SHARES: Share[] = [{ file: 'sentiment-pl-polemo-train.jsonl', share: 1 }];
const SHORT_SHARES: Share[] = [
  { file: 'sentiment-en-semeval-train.jsonl', share: 0.35 },
  { file: 'sentiment-pl-tweets-train.jsonl', share: 0.3 },
  { file: 'sentiment-en-sentube-train.jsonl', share: 0.35 },
];

export interface InputSizes {
  mixed: number;
  long: number;
  short: number;
}

export function benchFiles(dataDir: string, sizes: InputSizes, seed: number): BenchFile[] {
  const corpora = new Map<string, string[]>();
  const textsOf = (file: string): string[] => {
    let texts = corpora.get(file);
    if (!texts) {
      texts = readFileSync(path.join(dataDir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => (JSON.parse(line) as { text: string }).text);
      corpora.set(file, texts);
    }
    return texts;
  };
  const describe = (shares: Share[]): string =>
    shares.map((s) => `${Math.round(s.share * 100)} % ${s.file.replace(/^sentiment-|-train\.jsonl$/g, '')}`).join(', ');
  return [
    { name: 'mixed', description: describe(MIXED_SHARES), texts: sample(MIXED_SHARES, sizes.mixed, textsOf, seed) },
    { name: 'long reviews', description: describe(LONG_SHARES), texts: sample(LONG_SHARES, sizes.long, textsOf, seed) },
    { name: 'short comments', description: describe(SHORT_SHARES), texts: sample(SHORT_SHARES, sizes.short, textsOf, seed) },
  ];
}

/** `size` texts drawn in the given shares (with repetition if a corpus is smaller), shuffled together. */
function sample(shares: Share[], size: number, textsOf: (file: string) => string[], seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (const { file, share } of shares) {
    const texts = shuffleInPlace([...textsOf(file)], random);
    const wanted = Math.round(size * share);
    for (let i = 0; i < wanted; i++) out.push(texts[i % texts.length] as string);
  }
  return shuffleInPlace(out, random);
}

/** JSON Lines as nlp:classify reads them: an id and the text, the language left to detection. */
export function writeJsonl(file: string, texts: readonly string[]): void {
  writeFileSync(file, texts.map((text, i) => `${JSON.stringify({ id: i + 1, text })}\n`).join(''));
}

export const meanChars = (texts: readonly string[]): number => texts.reduce((sum, t) => sum + t.length, 0) / Math.max(1, texts.length);
