import type { CommentTopic } from '../../vocabulary/comment-labels';
import { bitextTopic, semiPqaTopic } from './corpus-topic-mappings';
import { CORRECTION_WEIGHT, SEED_WEIGHT, type TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import { sampleOf, splitSentences } from './text-sampling';
import { aspectTopic, isAboutTheVideo } from './topic-keywords';
import type { CorpusName } from './training-corpora';

/**
 * Review and comment sentences labelled by the aspect they name (topic-keywords.ts), and how
 * many of each corpus to read. Their weight barely matters (0.3, 0.5, 1 and 2 within 0.01
 * topic macro-F1 on the real file), nor do three times as many sentences.
 */
const WEAK_WEIGHT = 0.5;
const WEAKLY_LABELLED: Array<[CorpusName, 'pl' | 'en', number]> = [
  ['allegro', 'pl', 20000],
  ['polemo', 'pl', 10000],
  ['senTube', 'en', 10000],
];

/**
 * Which of the ten topics a comment is about. Real product questions come from semiPQA and
 * Bitext through the mappings in corpus-topic-mappings.ts (English only); review and comment
 * sentences (Allegro, PolEmo, SenTube) get the aspect they name, and an Allegro sentence that
 * names none judges the product (quality, LABELS.md), a SenTube one about the video is other;
 * the seeds carry Polish questions and every topic those corpora lack; a sample of tweets
 * stands for the chatter that is about none of them ("other"). Polish tweets: 3,000 at 0.5
 * rather than 500 at 0.3, as real Polish chatter was read as quality (real file, never seen:
 * topic macro-F1 +0.01, `other` F1 0.70 → 0.74).
 */
export function topicExamples(data: TrainingData, seed: number): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const row of data.corpus('semiPqa')) {
    const topic = semiPqaTopic(row.attributes, row.text);
    if (topic) examples.push({ text: row.text, lang: 'en', label: topic, weight: 1, source: 'semiPqa' });
  }
  for (const row of data.corpus('bitext')) {
    const topic = bitextTopic(row.intent);
    if (topic) examples.push({ text: row.text, lang: 'en', label: topic, weight: 0.5, source: 'bitext' });
  }
  for (const [name, lang, count] of WEAKLY_LABELLED) {
    const sentences = data.corpus(name).flatMap((row) => splitSentences(row.text));
    for (const sentence of sampleOf(sentences, count, seed)) {
      const topic = weakTopic(name, sentence);
      if (topic) examples.push({ text: sentence, lang, label: topic, weight: WEAK_WEIGHT, source: `${name}:keywords` });
    }
  }
  for (const row of sampleOf(data.corpus('plTweets'), 3000, seed))
    examples.push({ text: row.text, lang: 'pl', label: 'other', weight: 0.5, source: 'plTweets' });
  for (const row of sampleOf(data.corpus('semEval'), 500, seed)) examples.push({ text: row.text, lang: 'en', label: 'other', weight: 0.3, source: 'semEval' });
  for (const s of data.seeds) if (s.topic) examples.push({ text: s.text, lang: s.lang, label: s.topic, weight: SEED_WEIGHT, source: `seeds:${s.set}` });
  for (const c of data.corrections) if (c.topic) examples.push({ text: c.text, lang: c.lang, label: c.topic, weight: CORRECTION_WEIGHT, source: 'correction' });
  return examples;
}

/** The weak label of one review or comment sentence, or undefined to leave it out. */
function weakTopic(corpus: CorpusName, sentence: string): CommentTopic | undefined {
  const aspect = aspectTopic(sentence);
  if (aspect) return aspect;
  if (corpus === 'senTube' && isAboutTheVideo(sentence)) return 'other';
  // Allegro is a shop's product reviews: a sentence naming no aspect still judges the product.
  return corpus === 'allegro' ? 'quality' : undefined;
}
