import { access } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Config } from '../../core/config';
import { instanceSettings, migrateDatabase, openDatabase, type Database, type Db } from '../../core/db';
import { instanceId } from '../../core/queue/instance-queue-prefix';
import { createStorage } from '../../core/storage';
import { copyObjects, type ObjectCopyTally, type ObjectProgress } from './copy-objects';
import { copyTables, rowsInAllTables, unverifiedTables, type TableCopy } from './copy-tables';

/**
 * Copies an embedded instance (PGlite in DATA_DIR/db, the fs driver's files in DATA_DIR/media)
 * into a PostgreSQL database and an S3 bucket. The source is only read (its directory lock
 * keeps `npm start` away meanwhile). The target database is migrated first; if it already
 * holds rows it must be an earlier, interrupted copy of this same instance (its instance id,
 * copied first, says so), anything else is refused.
 */
export interface MigrateEmbeddedOptions {
  /** DATA_DIR's paths: `dbDir` and an fs `storage`. */
  source: Pick<Config, 'dbDir' | 'storage'>;
  /** A `databaseUrl` and an s3 `storage`. */
  target: Pick<Config, 'databaseUrl' | 'storage'>;
  onTable?: (table: string, copied: number, total: number) => void;
  onObject?: ObjectProgress;
  /** Rows per insert (tests make it small to copy in many batches). */
  batchRows?: number;
}

export interface MigrateEmbeddedReport {
  /** True when the target already held part of this instance's copy. */
  resumed: boolean;
  tables: TableCopy[];
  objects: ObjectCopyTally;
}

/** Copied before every other table, so that even a copy interrupted at once is known as this instance's. */
const IDENTITY_TABLE = 'instance_settings';
/** The drivers want one to sign download URLs; copying makes none. */
const NO_SIGNING_SECRET = 'copying-makes-no-download-urls';

export async function migrateEmbedded(opts: MigrateEmbeddedOptions): Promise<MigrateEmbeddedReport> {
  const { source, target } = opts;
  if (source.storage.driver !== 'fs') throw new Error('The source must be an embedded instance (files storage)');
  if (target.storage.driver !== 's3')
    throw new Error('The target storage must be S3 (set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY or pass --s3-*)');
  if (!target.databaseUrl) throw new Error('The target database is missing: pass --to-database postgres://…');
  const from = await openSource(source.dbDir);
  const to = await openDatabase({ databaseUrl: target.databaseUrl }).catch((err: Error) => {
    void from.close();
    throw new Error(`Cannot reach the target database: ${err.message}`, { cause: err });
  });
  try {
    await migrateDatabase(to);
    const resumed = await checkTarget(from.db, to.db);
    const tables = await copyTables(from.db, to.db, opts.onTable ?? (() => {}), { first: [IDENTITY_TABLE], batchRows: opts.batchRows });
    const unequal = unverifiedTables(tables);
    if (unequal.length) throw new Error(`Row counts differ after copying: ${unequal.map((t) => `${t.table} ${t.sourceRows}→${t.targetRows}`).join(', ')}`);
    const signing = { signingSecret: NO_SIGNING_SECRET };
    const objects = await copyObjects(await createStorage(source.storage, signing), await createStorage(target.storage, signing), opts.onObject ?? (() => {}));
    return { resumed, tables, objects };
  } finally {
    await Promise.allSettled([from.close(), to.close()]);
  }
}

async function openSource(dbDir: string): Promise<Database> {
  await access(dbDir).catch(() => {
    throw new Error(`No embedded database at ${dbDir}: set DATA_DIR (or --data-dir) to the instance's data directory`);
  });
  const database = await openDatabase({ dbDir }).catch((err: Error) => {
    const owner = /already open in process (\d+)/.exec(err.message)?.[1];
    throw owner ? new Error(`The database in ${dbDir} is in use by process ${owner} (npm start?): stop it, then copy`, { cause: err }) : err;
  });
  // The same schema on both sides: the source at the version this code migrates the target to.
  await migrateDatabase(database);
  return database;
}

/** Whether the target holds an earlier copy of this source; throws when it holds anything else. */
async function checkTarget(source: Db, target: Db): Promise<boolean> {
  // Made now if the source never had one, so that it is copied first and marks the copy as this instance's.
  const sourceId = await instanceId(source);
  const rows = await rowsInAllTables(target);
  if (rows === 0) return false;
  const [targetId] = await target.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, 'instance_id'));
  if (targetId?.value === sourceId) return true;
  throw new Error(
    `The target database already holds ${rows} rows of another instance (${targetId ? `instance ${targetId.value}` : 'no instance id'}; this one is ${sourceId}): refusing to copy into it. Use an empty database.`,
  );
}
