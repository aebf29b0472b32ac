import type { CommentSentiment } from '../../db/schema/comment-labels';
import { CORRECTION_WEIGHT, SEED_WEIGHT, type TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import type { CorpusName, CorpusRow } from './training-corpora';

/**
 * Sentiment is learnt per language (see comment-heads.ts). How much each corpus counts, and why:
 * - PolEmo 2.0 is the only corpus with all four classes (its "amb" is our "mixed");
 * - Allegro reviews bring shop vocabulary; a 3-star review is ambivalent, so "mixed" (PolEmo's
 *   "neutral" means no opinion at all); weighted down, as its star labels are noisy;
 * - Polish tweets at 0.7: of 0.3, 0.5, 0.7 and 1 (5-fold CV), the best for PolEmo and the
 *   tweets together (at full weight they cost PolEmo about half a point);
 * - SST-2 is 60k short film-review phrases: useful polarity, but not how comments read.
 */
const CORPUS_WEIGHTS: Record<'pl' | 'en', Partial<Record<CorpusName, number>>> = {
  pl: { polemo: 1, allegro: 0.3, plTweets: 0.7 },
  en: { semEval: 1, tweetEval: 1, goEmotions: 0.5, senTube: 0.5, sst2: 0.3 },
};

export function sentimentExamples(data: TrainingData, lang: 'pl' | 'en'): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const [name, weight] of Object.entries(CORPUS_WEIGHTS[lang]) as Array<[CorpusName, number]>) {
    for (const row of data.corpus(name)) {
      const label = corpusSentiment(name, row);
      if (label) examples.push({ text: row.text, lang, label, weight, source: name });
    }
  }
  for (const seed of data.seeds) {
    if (seed.sentiment && seed.lang === lang) examples.push({ text: seed.text, lang, label: seed.sentiment, weight: SEED_WEIGHT, source: `seeds:${seed.set}` });
  }
  for (const correction of data.corrections) {
    if (correction.sentiment && correction.lang === lang) {
      examples.push({ text: correction.text, lang, label: correction.sentiment, weight: CORRECTION_WEIGHT, source: 'correction' });
    }
  }
  return examples;
}

function corpusSentiment(name: CorpusName, row: CorpusRow): CommentSentiment | undefined {
  if (name === 'allegro' && row.sentiment === 'neutral') return 'mixed';
  const label = row.sentiment;
  return label === 'negative' || label === 'neutral' || label === 'positive' || label === 'mixed' ? label : undefined;
}
