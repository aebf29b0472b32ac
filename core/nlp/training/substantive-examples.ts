import { SEED_WEIGHT, type TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import { sampleOf, splitSentences } from './text-sampling';

/**
 * Substantive (says something a brand can learn from or answer) versus generic ("super!!!",
 * "😍😍", "wow", "piękne ❤️"). The generic side exists only in the seeds; the substantive side
 * adds real product questions and review sentences, including short ones ("za mały rozmiar"),
 * so length alone does not decide.
 */
export function substantiveExamples(data: TrainingData, seed: number): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const s of data.seeds) {
    if (s.substantive !== undefined)
      examples.push({ text: s.text, lang: s.lang, label: s.substantive ? 'yes' : 'no', weight: SEED_WEIGHT, source: `seeds:${s.set}` });
  }
  for (const row of sampleOf(data.corpus('semiPqa'), 800, seed)) examples.push({ text: row.text, lang: 'en', label: 'yes', weight: 0.5, source: 'semiPqa' });
  const reviewSentences = data
    .corpus('allegro')
    .flatMap((row) => splitSentences(row.text))
    .filter(isInformative);
  for (const text of sampleOf(reviewSentences, 1500, seed)) examples.push({ text, lang: 'pl', label: 'yes', weight: 0.5, source: 'allegro' });
  const comments = data.corpus('senTube').filter((row) => isInformative(row.text));
  for (const row of sampleOf(comments, 1500, seed)) examples.push({ text: row.text, lang: 'en', label: 'yes', weight: 0.5, source: 'senTube' });
  return examples;
}

/** Six words or more: long enough that a corpus sentence is very likely more than a reaction. */
const isInformative = (text: string): boolean => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 6;
