import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import Redis from 'ioredis';
import { comments, openDatabase } from '../../core/db';
import { TEST_REDIS_URL } from '../helpers/test-services';

/** `npm run import:comments` end to end: the real command in a child process, on a temp DATA_DIR. */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

let dataDir: string;
let prefix: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-test-'));
  prefix = `test-${randomUUID().slice(0, 8)}`;
});
afterEach(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const redis = new Redis(TEST_REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) if ((keys as string[]).length) await redis.del(...(keys as string[]));
  } finally {
    await redis.quit();
  }
});

function runImport(args: string[]): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, QUEUE_PREFIX: prefix, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(tsx, ['scripts/import-comments.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const CSV = [
  'comment_id,message,created_time,username',
  '1,"Jaki rozmiar wybrać?",2026-01-05T10:00:00Z,kasia',
  '2,,2026-01-05T10:00:00Z,x',
  '3,"What size should I get?",yesterday,y',
  '4,"Czy wysyłacie do Niemiec?",,',
].join('\n');

test('imports a CSV export with defaults from the command line, reports refused rows by line, and is idempotent', async () => {
  const file = path.join(dataDir, 'export.csv');
  fs.writeFileSync(file, CSV);
  const first = await runImport(['--file', file, '--product', 'SKU-CLI', '--platform', 'Instagram', '--no-wait']);
  expect(first.code).toBe(0);
  expect(first.output).toContain('Imported CSV: 4 rows, 2 new comments, 0 already there, 2 refused');
  expect(first.output).toContain('line 3 (row 2): missing_text');
  expect(first.output).toContain('line 4 (row 3): invalid_posted_at');
  expect(first.output).toMatch(/Classification queued as job nlp\.\S+/);
  const second = await runImport(['--file', file, '--product', 'SKU-CLI', '--platform', 'instagram', '--no-wait']);
  expect(second.output).toContain('4 rows, 0 new comments, 2 already there, 2 refused');
  const database = await openDatabase({ dbDir: path.join(dataDir, 'db') });
  try {
    const rows = await database.db
      .select({ platform: comments.platform, id: comments.externalId, sku: comments.productSku })
      .from(comments)
      .orderBy(asc(comments.externalId));
    expect(rows).toEqual([
      { platform: 'instagram', id: '1', sku: 'SKU-CLI' },
      { platform: 'instagram', id: '4', sku: 'SKU-CLI' },
    ]);
  } finally {
    await database.close();
  }
}, 60_000);

test('says what to do when npm start holds the database, and fails without a file', async () => {
  const file = path.join(dataDir, 'export.csv');
  fs.writeFileSync(file, CSV);
  const held = await openDatabase({ dbDir: path.join(dataDir, 'db') });
  try {
    const busy = await runImport(['--file', file, '--product', 'SKU-CLI', '--platform', 'instagram']);
    expect(busy.code).toBe(1);
    expect(busy.output).toContain(`is in use by process ${process.pid} (npm start?)`);
    expect(busy.output).toContain('/api/v1/comments/import?productSku=SKU-CLI&platform=instagram');
  } finally {
    await held.close();
  }
  const missing = await runImport(['--file', path.join(dataDir, 'nope.csv')]);
  expect([missing.code, missing.output]).toEqual([1, expect.stringContaining('No file at')]);
}, 60_000);

test('by default runs a worker until the new comments are classified and filed into FAQ entries', async () => {
  const file = path.join(dataDir, 'export.ndjson');
  const rows = ['Jaki rozmiar wybrać przy 180 cm?', 'What size should I get for 180 cm?', 'Win a free iPhone!!! DM me now 💰💰💰'].map((text, i) =>
    JSON.stringify({ id: `w-${i}`, text }),
  );
  fs.writeFileSync(file, rows.join('\n'));
  const run = await runImport(['--file', file, '--product', 'SKU-CLI', '--platform', 'tiktok']);
  expect(run.code).toBe(0);
  expect(run.output).toContain('Imported NDJSON: 3 rows, 3 new comments');
  expect(run.output).toMatch(/Classified 3 comments \(2 questions, 1 spam\) with comments-\S+; 2 questions filed into FAQ entries, 2 new entries/); // one entry per language
  const database = await openDatabase({ dbDir: path.join(dataDir, 'db') });
  try {
    const rows = await database.db.select({ version: comments.modelVersion, entry: comments.faqEntryId }).from(comments);
    expect(rows.every((r) => r.version !== null)).toBe(true);
    const filed = rows.filter((r) => r.entry !== null);
    expect(filed).toHaveLength(2);
    expect(new Set(filed.map((r) => r.entry)).size).toBe(2); // the Polish and the English question apart
  } finally {
    await database.close();
  }
}, 60_000);
