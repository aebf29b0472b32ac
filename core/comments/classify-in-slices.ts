import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CommentClassification, CommentClassifier } from '../nlp/comment-classification';

/**
 * Under `npm start` the API and the workers share one process (PGlite is single-process), and a
 * batch of 1,000 long reviews is seconds of synchronous arithmetic on a slow machine: classified
 * in one go it holds every request and every Redis deadline of the process until it is done
 * (seen: the API's 3.5 s job read timing out while a batch ran). Slices of SLICE comments with a
 * turn of the event loop between them keep the process answering.
 */
export const SLICE = 100;

export async function classifyInSlices(
  classifier: CommentClassifier,
  texts: ReadonlyArray<{ id: string; text: string }>,
): Promise<Array<{ id: string; labels: CommentClassification }>> {
  const results: Array<{ id: string; labels: CommentClassification }> = [];
  for (let start = 0; start < texts.length; start += SLICE) {
    if (start > 0) await nextTurn();
    for (const { id, text } of texts.slice(start, start + SLICE)) results.push({ id, labels: classifier.classify({ text }) });
  }
  return results;
}
