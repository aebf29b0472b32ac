import { withoutLeaks, type RealComment } from '../../../core/nlp/evaluation/real-comments';
import type { CorpusName, CorpusRow } from '../../../core/nlp/training/training-corpora';
import type { TrainingData } from '../../../core/nlp/training/training-data';

const real = (text: string, source: string): RealComment => ({
  text,
  lang: 'pl',
  source,
  is_question: false,
  topic: 'quality',
  sentiment: 'positive',
  substantive: true,
  spam: false,
});

const rows: Partial<Record<CorpusName, CorpusRow[]>> = {
  allegro: [
    { text: 'Bateria trzyma tydzień. Zgodna z opisem.  Polecam.', lang: 'pl', source: 'allegro' },
    { text: 'Szybka wysyłka, polecam.', lang: 'pl', source: 'allegro' },
  ],
  plTweets: [
    { text: 'Jak tam u Was?', lang: 'pl', source: 'plTweets' },
    { text: 'Zgodna z opisem. To tweet, nie recenzja.', lang: 'pl', source: 'plTweets' },
  ],
};
const data: TrainingData = {
  corpus: (name) => rows[name] ?? [],
  seeds: [
    { text: 'JAK TAM U WAS', lang: 'pl', set: 'product-comments-pl' },
    { text: 'super', lang: 'pl', set: 'generic-comments' },
  ],
  corrections: [],
};

it('leaves out every row that would leak a real comment into training, and nothing else', () => {
  const { data: kept, leakingRows } = withoutLeaks(data, [
    real('zgodna z  opisem.', 'Allegro Reviews training split (sentence)'),
    real('Jak tam u Was', 'Polish tweets training part'),
  ]);
  // The review the sentence was cut from goes; a tweet that merely contains it is no review.
  expect(kept.corpus('allegro').map((r) => r.text)).toEqual(['Szybka wysyłka, polecam.']);
  // Same text whatever the case, spacing or "?".
  expect(kept.corpus('plTweets').map((r) => r.text)).toEqual(['Zgodna z opisem. To tweet, nie recenzja.']);
  expect(kept.seeds.map((s) => s.text)).toEqual(['super']);
  expect(leakingRows).toBe(3);
});
