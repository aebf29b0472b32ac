/**
 * Runs trainCommentModels in a child process, given its options as a JSON file:
 * `node --import tsx worker/retrain/train-models-process.ts <options.json>`; prints the result as
 * JSON on its last line. See retrain-models.ts for why training gets a process of its own.
 */
import { readFile } from 'node:fs/promises';
import { trainCommentModels, type TrainCommentModelsOptions } from '../../core/nlp/training/train-comment-models';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: train-models-process.ts <options.json>');
  const options = JSON.parse(await readFile(file, 'utf8')) as TrainCommentModelsOptions;
  const result = await trainCommentModels({ ...options, log: (line) => console.error(line) });
  console.log(
    JSON.stringify({ modelVersion: result.modelVersion, corrections: result.manifest.corrections, trainSeconds: result.manifest.figures.trainSeconds }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
