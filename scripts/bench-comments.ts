/**
 * `npm run bench:comments [-- --count 100000]`: the comment pipeline end to end on a fresh
 * embedded setup. Generates a CSV export of realistic comments (Polish and English, questions,
 * praise, complaints, spam; not timed), imports it through the real import path (streamed,
 * checked row by row, batched inserts) into a new PGlite in a temporary DATA_DIR, then runs the
 * real nlp worker in this process until every comment is classified and every question filed
 * into FAQ entries. Prints wall times, comments per second for each stage, and whether the whole
 * fits the target of 100,000 comments in two minutes. Removes its folder and queue keys after.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { loadConfig } from '../core/config';
import { importCommentFile } from '../core/comments/import/run-import';
import { comments, faqEntries } from '../core/db';
import { openServices, type Services } from '../core/runtime/services';
import { startWorkers } from '../worker/run-workers';
import { commentsCsv, generateComments } from './comments/comment-corpus';
import { waitForJob } from './comments/wait-for-job';
import { ensureRedis } from './lib/redis-service';

const TARGET = { comments: 100_000, seconds: 120 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: String(TARGET.comments) } } });
  const total = Number(values.count);
  if (!Number.isInteger(total) || total < 1) throw new Error('--count must be a positive whole number');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-bench-comments-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    QUEUE_PREFIX: `bench-comments-${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  const redis = await ensureRedis(config.redisUrl, dataDir);
  let services: Services | undefined;
  try {
    const file = path.join(dataDir, 'comments.csv');
    await pipeline(Readable.from(commentsCsv(generateComments(total))), createWriteStream(file));
    console.log(`Generated ${total.toLocaleString('en')} comments as CSV (${((await stat(file)).size / 1e6).toFixed(1)} MB); PGlite in ${dataDir}`);
    services = await openServices(config);
    const figures = await run(services, file, total);
    print(figures, total);
  } finally {
    if (services) {
      await deleteQueueKeys(services);
      await services.close();
    }
    await redis.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Figures {
  importS: number;
  classifyS: number;
  accepted: number;
  classified: number;
  questions: number;
  faqEntries: number;
  rssMb: number;
}

async function run(services: Services, file: string, total: number): Promise<Figures> {
  const began = performance.now();
  const report = await importCommentFile(services, createReadStream(file));
  const imported = performance.now();
  if (report.accepted !== total || !report.jobId) throw new Error(`Expected ${total} new comments, got ${report.accepted} (${report.rejectedCount} refused)`);
  const workers = await startWorkers(services, ['nlp']);
  try {
    const job = await waitForJob(services, report.jobId, undefined, 100);
    if (job.state === 'failed') throw new Error(`Classification failed: ${job.error}`);
    const done = performance.now();
    const result = job.result as { classified: number; questions: number };
    const db = services.database.db;
    const [[stored], [entries]] = await Promise.all([db.select({ n: count() }).from(comments), db.select({ n: count() }).from(faqEntries)]);
    if (stored!.n !== total) throw new Error(`Expected ${total} stored comments, found ${stored!.n}`);
    return {
      importS: (imported - began) / 1000,
      classifyS: (done - imported) / 1000,
      accepted: report.accepted,
      classified: result.classified,
      questions: result.questions,
      faqEntries: entries!.n,
      rssMb: process.memoryUsage().rss / 1e6,
    };
  } finally {
    await workers.close();
  }
}

function print(f: Figures, total: number): void {
  const wall = f.importS + f.classifyS;
  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')}/s`;
  const scaledTarget = (TARGET.seconds * total) / TARGET.comments;
  console.log(
    [
      `import:          ${f.accepted.toLocaleString('en')} comments in ${f.importS.toFixed(1)} s (${rate(f.accepted, f.importS)})`,
      `classify + FAQ:  ${f.classified.toLocaleString('en')} comments in ${f.classifyS.toFixed(1)} s (${rate(f.classified, f.classifyS)}); ${f.questions.toLocaleString('en')} questions, ${f.faqEntries} FAQ entries`,
      `end to end:      ${wall.toFixed(1)} s (${rate(total, wall)}), process RSS ${Math.round(f.rssMb)} MB`,
      `target:          ${TARGET.comments.toLocaleString('en')} comments in ${TARGET.seconds} s${total === TARGET.comments ? '' : ` (${scaledTarget.toFixed(0)} s for ${total.toLocaleString('en')})`}: ${wall <= scaledTarget ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
}

async function deleteQueueKeys({ redis, config }: Services): Promise<void> {
  if (redis.status !== 'ready') return;
  for await (const keys of redis.scanStream({ match: `${config.queuePrefix}:*`, count: 1000 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:comments] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
