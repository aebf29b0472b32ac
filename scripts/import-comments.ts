/**
 * `npm run import:comments -- --file export.csv --product SKU [--platform P] [--asset ID] [--no-wait]`:
 * imports a platform's comments export (JSON array, NDJSON or CSV) the way the API does, without
 * the server: rows checked one by one (bad ones listed with their line), stored idempotently,
 * classification queued. Then, unless --no-wait, it runs an nlp worker here until the new
 * comments are classified and filed into FAQ entries. A progress bar at a terminal, one summary
 * line otherwise.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../core/config';
import type { ImportDefaults } from '../core/comments/import/import-row';
import type { ImportTally } from '../core/comments/import/import-comments';
import { importCommentFile, type ImportReport } from '../core/comments/import/run-import';
import { isDomainError } from '../core/errors/domain-error';
import type { Services } from '../core/runtime/services';
import { startWorkers } from '../worker/run-workers';
import { waitForJob } from './comments/wait-for-job';
import { ensureRedis } from './lib/redis-service';
import { openScriptServices } from './lib/open-script-services';

const USAGE = 'Usage: npm run import:comments -- --file <export.json|.ndjson|.csv> [--product SKU] [--platform instagram] [--asset <asset id>] [--no-wait]';
const SHOWN_REJECTS = 10;

const stops: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const args = parseCommandLine();
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const size = (await stat(args.file).catch(() => null))?.size;
  if (size === undefined) throw new Error(`No file at ${args.file}`);
  const redis = await ensureRedis(config.redisUrl, config.dataDir);
  stops.push(() => redis.stop());
  const services = await openScriptServices(
    config,
    'npm run import:comments',
    `send the file to the running server: curl -H "Authorization: Bearer <key>" -F file=@${args.file} 'http://127.0.0.1:${config.port}/api/v1/comments/import${defaultsQuery(args.defaults)}'`,
  );
  stops.push(() => services.close());
  const report = await importWithProgress(services, args.file, size, args.defaults);
  printReport(report);
  if (report.jobId && args.wait) await classifyHere(services, report.jobId);
  else if (report.jobId) console.log(`Classification queued as job ${report.jobId}: the next worker to run (npm start) does it.`);
}

interface Args {
  file: string;
  defaults: ImportDefaults;
  wait: boolean;
}

function parseCommandLine(): Args {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      product: { type: 'string' },
      platform: { type: 'string' },
      asset: { type: 'string' },
      'no-wait': { type: 'boolean', default: false },
    },
  });
  if (!values.file) throw new Error(USAGE);
  const defaults: ImportDefaults = {};
  if (values.product) defaults.productSku = values.product;
  if (values.platform) defaults.platform = values.platform.toLowerCase();
  if (values.asset) defaults.assetId = values.asset;
  return { file: values.file, defaults, wait: !values['no-wait'] };
}

const defaultsQuery = (d: ImportDefaults): string => {
  const params = new URLSearchParams(Object.entries(d).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return params.size ? `?${params}` : '';
};

/** Streams the file through the import, drawing how far into it the import is. */
async function importWithProgress(services: Services, file: string, size: number, defaults: ImportDefaults): Promise<ImportReport> {
  const bar = process.stdout.isTTY
    ? new SingleBar({
        format: 'Importing   [{bar}] {percentage}% | {rows} rows: {accepted} new, {duplicates} already there, {rejectedCount} refused',
        hideCursor: true,
      })
    : null;
  let read = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      read += chunk.length;
      yield chunk;
    }
  }
  bar?.start(size, 0, { rows: 0, accepted: 0, duplicates: 0, rejectedCount: 0 });
  try {
    return await importCommentFile(services, counted(), { defaults, onBatch: (tally: ImportTally) => bar?.update(read, { ...tally }) });
  } finally {
    bar?.update(read);
    bar?.stop();
  }
}

function printReport(r: ImportReport): void {
  console.log(`Imported ${r.format.toUpperCase()}: ${r.rows} rows, ${r.accepted} new comments, ${r.duplicates} already there, ${r.rejectedCount} refused`);
  for (const row of r.rejected.slice(0, SHOWN_REJECTS)) console.log(`  line ${row.line ?? '?'} (row ${row.row}): ${row.code}: ${row.message}`);
  if (r.rejectedCount > SHOWN_REJECTS) console.log(`  … and ${r.rejectedCount - SHOWN_REJECTS} more`);
}

/** Runs an nlp worker in this process until the import's classification flow has finished. */
async function classifyHere(services: Services, jobId: string): Promise<void> {
  const workers = await startWorkers(services, ['nlp']);
  stops.push(() => workers.close());
  const bar = process.stdout.isTTY ? new SingleBar({ format: 'Classifying [{bar}] {percentage}% | job {job}', hideCursor: true }) : null;
  bar?.start(100, 0, { job: jobId });
  const job = await waitForJob(services, jobId, (progress) => bar?.update(progress)).finally(() => bar?.stop());
  if (job.state === 'failed') throw new Error(`Classification failed: ${job.error}`);
  const result = job.result as { classified: number; questions: number; spam: number; faqJoined: number; faqEntriesCreated: number; modelVersions: string[] };
  console.log(
    `Classified ${result.classified} comments (${result.questions} questions, ${result.spam} spam) with ${result.modelVersions.join(', ')}; ` +
      `${result.faqJoined} questions filed into FAQ entries, ${result.faqEntriesCreated} new entries`,
  );
}

async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop().catch((err: unknown) => console.error(`[import] stopping failed: ${(err as Error).message}`));
}

process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
main()
  .catch((err: unknown) => {
    console.error(`[import] ${isDomainError(err) ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
