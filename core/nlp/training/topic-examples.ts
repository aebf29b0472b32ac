import { bitextTopic, semiPqaTopic } from './corpus-topic-mappings';
import { CORRECTION_WEIGHT, SEED_WEIGHT, type TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import { sampleOf } from './text-sampling';

/**
 * Which of the ten topics a comment is about. Real product questions come from semiPQA and
 * Bitext through the mappings in corpus-topic-mappings.ts (English only); the seeds carry
 * Polish and every topic those corpora lack (availability, quality, price of a product);
 * a sample of tweets stands for the chatter that is about none of them ("other").
 */
export function topicExamples(data: TrainingData, seed: number): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const row of data.corpus('semiPqa')) {
    const topic = semiPqaTopic(row.attributes);
    if (topic) examples.push({ text: row.text, lang: 'en', label: topic, weight: 1, source: 'semiPqa' });
  }
  for (const row of data.corpus('bitext')) {
    const topic = bitextTopic(row.intent);
    if (topic) examples.push({ text: row.text, lang: 'en', label: topic, weight: 0.5, source: 'bitext' });
  }
  for (const row of sampleOf(data.corpus('plTweets'), 500, seed)) examples.push({ text: row.text, lang: 'pl', label: 'other', weight: 0.3, source: 'plTweets' });
  for (const row of sampleOf(data.corpus('semEval'), 500, seed)) examples.push({ text: row.text, lang: 'en', label: 'other', weight: 0.3, source: 'semEval' });
  for (const s of data.seeds) if (s.topic) examples.push({ text: s.text, lang: s.lang, label: s.topic, weight: SEED_WEIGHT, source: `seeds:${s.set}` });
  for (const c of data.corrections) if (c.topic) examples.push({ text: c.text, lang: c.lang, label: c.topic, weight: CORRECTION_WEIGHT, source: 'correction' });
  return examples;
}
