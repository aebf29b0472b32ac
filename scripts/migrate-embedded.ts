/**
 * `npm run migrate:embedded -- --to-database postgres://… [--data-dir ./data] [--s3-endpoint URL
 * --s3-bucket NAME --s3-region R --s3-access-key K --s3-secret-key S]`: copies the embedded
 * instance in DATA_DIR (its PGlite database and stored files) into a PostgreSQL database and an
 * S3 bucket (S3_* settings unless given as flags), verifying row counts per table and every
 * object's checksum. Run it again after an interruption: it continues where it stopped.
 * Stop `npm start` first (PGlite serves one process).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config';
import { redactUrl } from './lib/redact-url';
import { migrateEmbedded, type MigrateEmbeddedReport } from './migrate/migrate-embedded';

const USAGE =
  'Usage: npm run migrate:embedded -- --to-database postgres://user:pass@host/db [--data-dir ./data] [--s3-endpoint URL] [--s3-bucket NAME] [--s3-region REGION] [--s3-access-key KEY] [--s3-secret-key SECRET]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'to-database': { type: 'string' },
      'data-dir': { type: 'string' },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
      's3-region': { type: 'string' },
      's3-access-key': { type: 'string' },
      's3-secret-key': { type: 'string' },
    },
  });
  if (!values['to-database']) throw new Error(`--to-database is required.\n${USAGE}`);
  const env: Record<string, string | undefined> = { ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) };
  // loadConfig checks both ends as it checks any start-up: a postgres URL, a complete S3 setting.
  const source = loadConfig({ ...env, DATABASE_URL: '', STORAGE_DRIVER: 'fs' });
  const target = loadConfig({
    ...env,
    DATABASE_URL: values['to-database'],
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: values['s3-endpoint'] ?? env.S3_ENDPOINT,
    S3_BUCKET: values['s3-bucket'] ?? env.S3_BUCKET,
    S3_REGION: values['s3-region'] ?? env.S3_REGION,
    S3_ACCESS_KEY: values['s3-access-key'] ?? env.S3_ACCESS_KEY,
    S3_SECRET_KEY: values['s3-secret-key'] ?? env.S3_SECRET_KEY,
  });
  const bucket = target.storage.driver === 's3' ? `${target.storage.endpoint} bucket ${target.storage.bucket}` : '';
  console.log(`Copying ${source.dataDir} into ${redactUrl(target.databaseUrl!)} and ${bucket}`);
  const report = await migrateEmbedded({ source, target, onTable: printTable(), onObject: printObjects() });
  printReport(report);
}

/** One line per table when it is done; batches of a big table as they go. */
function printTable(): (table: string, copied: number, total: number) => void {
  return (table, copied, total) => {
    if (copied === total) console.log(`  table ${table}: ${total} rows`);
    else if (copied % 10_000 === 0) console.log(`  table ${table}: ${copied}/${total} rows…`);
  };
}

function printObjects(): (done: number, bytes: number) => void {
  return (done, bytes) => {
    if (done % 100 === 0) console.log(`  objects: ${done} (${megabytes(bytes)})…`);
  };
}

function printReport({ resumed, tables, objects }: MigrateEmbeddedReport): void {
  const rows = tables.reduce((sum, t) => sum + t.targetRows, 0);
  const skipped = tables.filter((t) => t.skipped).length;
  console.log(
    [
      resumed ? 'Resumed an earlier copy of this instance.' : 'Copied into an empty database.',
      `Database: ${tables.length} tables, ${rows} rows, row counts equal on both sides (${skipped} tables were already complete).`,
      `Storage: ${objects.objects} objects, ${megabytes(objects.bytes)}, every checksum equal (${objects.copied} copied, ${objects.alreadyThere} already there).`,
      'Now start the API and workers with DATABASE_URL, STORAGE_DRIVER=s3 and the S3_* settings, and the same URL_SIGNING_SECRET',
      '(DATA_DIR/url-signing-secret) and ADMIN_API_KEY (DATA_DIR/admin-key), so that links and keys keep working.',
    ].join('\n'),
  );
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Every failure here is about the input (flags, settings, the target's state): its message alone says what to fix.
main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
