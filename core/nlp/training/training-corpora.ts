import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The public corpora the models learn from (../shared/data/nlp, see its README): read, never
 * copied into the repository. Each file is JSON Lines with `text`, `lang` and a label field.
 */
export const CORPORA = {
  polemo: { file: 'sentiment-pl-polemo-train.jsonl', name: 'PolEmo 2.0 (KLEJ)', licence: 'CC BY-SA 4.0' },
  allegro: { file: 'sentiment-pl-allegro-reviews-train.jsonl', name: 'Allegro Reviews (KLEJ)', licence: 'CC BY-SA 4.0' },
  plTweets: { file: 'sentiment-pl-tweets-train.jsonl', name: 'Polish tweets, Mozetič et al. 2016', licence: "labels CC BY-SA 4.0; text under X's terms" },
  sst2: { file: 'sentiment-en-sst2-train.jsonl', name: 'Stanford Sentiment Treebank (SST-2)', licence: 'as distributed with GLUE' },
  tweetEval: { file: 'sentiment-en-tweeteval-val.jsonl', name: 'TweetEval sentiment (validation)', licence: 'research use, SemEval and X terms' },
  semEval: { file: 'sentiment-en-semeval-train.jsonl', name: 'SemEval Twitter sentiment 2013–2016', licence: "code MIT; tweets under X's terms" },
  goEmotions: { file: 'sentiment-en-goemotions-train.jsonl', name: 'GoEmotions (train)', licence: 'Apache-2.0' },
  senTube: { file: 'sentiment-en-sentube-train.jsonl', name: 'SenTube YouTube comments', licence: 'research and commercial use' },
  youtubeSpam: { file: 'spam-en-youtube-train.jsonl', name: 'UCI YouTube Spam Collection', licence: 'CC BY 4.0' },
  bitext: { file: 'intents-en-bitext.jsonl', name: 'Bitext customer-support sample', licence: 'CDLA-Sharing-1.0' },
  semiPqa: { file: 'questions-en-semipqa.jsonl', name: 'semiPQA (Amazon product questions)', licence: 'CDLA-Sharing-1.0' },
} as const;

export type CorpusName = keyof typeof CORPORA;

export interface CorpusRow {
  text: string;
  lang: 'pl' | 'en';
  source: string;
  sentiment?: string;
  stars?: number;
  spam?: boolean;
  intent?: string;
  category?: string;
  attributes?: string[];
}

/** Thrown when ../shared/data/nlp is absent (a fresh clone): training says so and stops. */
export class MissingCorporaError extends Error {
  constructor(
    readonly dataDir: string,
    readonly missing: string[],
  ) {
    super(
      `The training corpora are not at ${dataDir} (missing: ${missing.join(', ')}). ` +
        'Training needs ../shared/data/nlp (see its README) or --data <dir>; classification keeps working from the shipped models in models/nlp.',
    );
    this.name = 'MissingCorporaError';
  }
}

/** Fails with one clear message listing every missing file, before any work starts. */
export function assertCorporaPresent(dataDir: string): void {
  const missing = Object.values(CORPORA)
    .map((c) => c.file)
    .filter((file) => !existsSync(path.join(dataDir, file)));
  if (missing.length > 0) throw new MissingCorporaError(dataDir, missing);
}

/** Rows of one corpus in file order; blank lines skipped, a malformed line names its number. */
export function readCorpus(dataDir: string, name: CorpusName): CorpusRow[] {
  const file = path.join(dataDir, CORPORA[name].file);
  if (!existsSync(file)) throw new MissingCorporaError(dataDir, [CORPORA[name].file]);
  return parseJsonLines<CorpusRow>(readFileSync(file, 'utf8'), file).filter((row) => typeof row.text === 'string' && row.text.trim() !== '');
}

export function parseJsonLines<T>(content: string, origin: string): T[] {
  const rows: T[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      throw new Error(`${origin}:${i + 1}: not a JSON object`);
    }
  });
  return rows;
}
