import type { TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import { sampleOf, splitSentences } from './text-sampling';
import type { CorpusName } from './training-corpora';

/**
 * A restricted language detector: Polish, English, or other. Polish and English come from the
 * corpora (sentences, as comments are short); "other" from the seeds written in German,
 * Spanish, Czech… Features are diacritic-folded, so Polish typed without diacritics looks
 * exactly like Polish with them.
 */
export function languageExamples(data: TrainingData, seed: number): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const [name, lang, count] of LANGUAGE_SOURCES) {
    const sentences = data.corpus(name).flatMap((row) => splitSentences(row.text));
    for (const text of sampleOf(sentences, count, seed)) examples.push({ text, label: lang, weight: 1, source: name });
  }
  for (const s of data.seeds) if (s.lang) examples.push({ text: s.text, label: s.lang, weight: s.lang === 'other' ? 4 : 2, source: `seeds:${s.set}` });
  return examples;
}

const LANGUAGE_SOURCES: Array<[CorpusName, 'pl' | 'en', number]> = [
  ['polemo', 'pl', 3000],
  ['allegro', 'pl', 3000],
  ['plTweets', 'pl', 3000],
  ['semEval', 'en', 3000],
  ['goEmotions', 'en', 3000],
  ['senTube', 'en', 2000],
  ['semiPqa', 'en', 1000],
];
