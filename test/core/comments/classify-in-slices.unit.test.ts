import { classifyInSlices, SLICE } from '../../../core/comments/classify-in-slices';
import { DEFAULT_MODEL_DIR, loadCommentClassifier } from '../../../core/nlp/load-comment-classifier';

const classifier = loadCommentClassifier(DEFAULT_MODEL_DIR);
const texts = Array.from({ length: 2 * SLICE + 50 }, (_, i) => ({ id: `c${i}`, text: i % 2 ? `Jaki rozmiar wybrać przy ${150 + i} cm` : `love it #${i}` }));

it('gives every comment the labels the classifier gives it, in order', async () => {
  const results = await classifyInSlices(classifier, texts);
  expect(results.map((r) => r.id)).toEqual(texts.map((t) => t.id));
  for (const [i, r] of results.entries()) expect(r.labels).toEqual(classifier.classify({ text: texts[i]!.text }));
});

it('lets the event loop turn between slices, so a shared API process keeps answering', async () => {
  let turns = 0;
  let ticking = true;
  const tick = (): void => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  await classifyInSlices(classifier, texts);
  ticking = false;
  // Three slices: the loop turned at least once between each (in one go it would not turn at all).
  expect(turns).toBeGreaterThanOrEqual(2);
});
