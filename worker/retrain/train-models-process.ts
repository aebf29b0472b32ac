/**
 * Runs trainCommentModels in a child process, given its options as a JSON file:
 * `node --import tsx worker/retrain/train-models-process.ts <options.json>`. Prints one JSON line
 * per training stage (`{ "stage": … }`) as it starts, then the result (`{ "result": … }`) as the
 * last line. See retrain-models.ts for why training gets a process of its own.
 */
import { readFile } from 'node:fs/promises';
import { trainCommentModels, type TrainCommentModelsOptions } from '../../core/nlp/training/train-comment-models';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: train-models-process.ts <options.json>');
  const options = JSON.parse(await readFile(file, 'utf8')) as TrainCommentModelsOptions;
  const result = await trainCommentModels({
    ...options,
    log: (line) => console.error(line),
    onStage: (stage) => console.log(JSON.stringify({ stage })),
  });
  const { manifest } = result;
  console.log(
    JSON.stringify({ result: { modelVersion: result.modelVersion, corrections: manifest.corrections, trainSeconds: manifest.figures.trainSeconds } }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
