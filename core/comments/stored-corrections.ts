import type { Config } from '../config';
import { migrateDatabase, openDatabase } from '../db';
import type { CorrectionExample as TrainingCorrection } from '../nlp/training/labelled-comment';
import { asTrainingExample, correctionExamples } from './comment-corrections';

/**
 * The corrections people made in the product (the configured database: DATABASE_URL, else
 * DATA_DIR's PGlite) as training examples, for `npm run nlp:train -- --from-db`. Opens the
 * database only, not Redis or storage, and closes it again. PGlite serves one process, so with
 * `npm start` holding DATA_DIR this fails with the owner's pid; the retrain job
 * (POST /api/v1/comments/retrain) is the way while it runs.
 */
export async function storedCorrections(config: Pick<Config, 'databaseUrl' | 'dbDir'>): Promise<TrainingCorrection[]> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dbDir: config.dbDir });
  try {
    await migrateDatabase(database);
    return (await correctionExamples(database.db)).map(asTrainingExample);
  } finally {
    await database.close();
  }
}
