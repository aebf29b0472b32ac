import type { CommentLang } from '../comment-classification';
import { foldDiacritics } from '../diacritics';
import { seededRandom } from '../seeded-random';
import { CORRECTION_WEIGHT, SEED_WEIGHT, type TrainingData } from './training-data';
import type { TrainingExample } from './training-example';
import { sampleOf, splitSentences, withoutFinalMarks, withoutQuestionMarks } from './text-sampling';
import type { CorpusName } from './training-corpora';

/**
 * Is the comment asking something? Sources:
 * - semiPQA: real product questions (all questions);
 * - Bitext: customer-support messages, every one a request for help ("I need information
 *   about the shipping period", "help me check my refund"), which LABELS.md counts as asking;
 * - review and comment sentences: a question when they end in "?", a statement when they
 *   neither end in "?" nor open like a question (weak labels);
 * - the seeds, which hold the Polish questions no corpus has, many without "?".
 * Half the questions lose their "?" and half the statements their final "." or "!" (seeded),
 * so the model learns the words that ask ("czy", "ile", "jaki", "does it", "is there") and
 * neither the mark nor, as it did before, the missing full stop.
 */
export function questionExamples(data: TrainingData, seed: number): TrainingExample[] {
  const random = seededRandom(seed ^ 0x51);
  const examples: TrainingExample[] = [];
  const add = (text: string, lang: CommentLang | undefined, isQuestion: boolean, weight: number, source: string): void => {
    const shown = random() < 0.5 ? text : isQuestion ? withoutQuestionMarks(text) : withoutFinalMarks(text);
    if (shown !== '') examples.push({ text: shown, lang, label: isQuestion ? 'yes' : 'no', weight, source });
  };
  for (const row of data.corpus('semiPqa')) add(row.text, 'en', true, 1, 'semiPqa');
  for (const row of data.corpus('bitext')) add(row.text, 'en', true, 1, 'bitext');
  for (const [name, lang, perCorpus, everyQuestion] of SENTENCE_SOURCES) {
    const sentences = data.corpus(name).flatMap((row) => splitSentences(row.text));
    const asks = (sentence: string): boolean => /[?？]\s*$/u.test(sentence);
    const sample = sampleOf(sentences, perCorpus, seed);
    // Polish questions are rare in a sample (~1 sentence in 50): take every one there is.
    const chosen = everyQuestion ? [...sample.filter((s) => !asks(s)), ...sentences.filter(asks)] : sample;
    for (const sentence of chosen) {
      // No "?" but opens like a question ("who sings this", "czy ktoś wie"): the weak label
      // would too often be wrong, so the row is left out rather than called a statement.
      if (asks(sentence) || !opensLikeQuestion(sentence)) add(sentence, lang, asks(sentence), 0.5, name);
    }
  }
  // Whole tweets that ask somewhere, not only at the end ("Dzisiaj trójka. Jak tam u Was?"):
  // real Polish questions come like that, and with the "?" gone no sentence split finds them.
  for (const row of data.corpus('plTweets')) {
    if (/[?？]/u.test(row.text) && splitSentences(row.text).length > 1) add(row.text, 'pl', true, 0.5, 'plTweets');
  }
  for (const s of data.seeds) if (s.isQuestion !== undefined) add(s.text, s.lang, s.isQuestion, SEED_WEIGHT, `seeds:${s.set}`);
  for (const c of data.corrections) if (c.isQuestion !== undefined) add(c.text, c.lang, c.isQuestion, CORRECTION_WEIGHT, 'correction');
  return examples;
}

/** Sentences of reviews and comments, and how many to take from each corpus. */
const SENTENCE_SOURCES: Array<[CorpusName, 'pl' | 'en', number, boolean]> = [
  ['allegro', 'pl', 8000, true],
  ['polemo', 'pl', 4000, true],
  ['plTweets', 'pl', 4000, true],
  ['senTube', 'en', 6000, false],
  ['goEmotions', 'en', 6000, false],
];

const ASKING_OPENINGS =
  /^(how|what|what's|whats|where|when|why|which|who|whom|whose|can|could|would|will|do|does|did|is|are|am|was|were|should|may|might|have|has|any|anyone)\b/i;

const POLISH_ASKING_OPENINGS = /^(czy|jak|jaki|jaka|jakie|jakiego|jakim|ile|gdzie|kiedy|co|dlaczego|czemu|ktory|ktora|ktore|kto|skad|dokad|mozna|da sie)\b/i;

const opensLikeQuestion = (text: string): boolean => {
  const opening = foldDiacritics(text.trim());
  return ASKING_OPENINGS.test(opening) || POLISH_ASKING_OPENINGS.test(opening);
};
