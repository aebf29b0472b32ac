import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { commentCorrections, comments, migrateDatabase, openDatabase } from '../../core/db';
import { loadCommentClassifier } from '../../core/nlp/load-comment-classifier';
import { MANIFEST_FILE, MODEL_FILE, type ModelManifest } from '../../core/nlp/model-manifest';

/**
 * `nlp:train` as people run it, in a child process (training inside jest's module sandbox
 * runs several times slower), on the real corpora (../shared/data/nlp) sampled to 100 rows
 * each so a run takes seconds.
 */
const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nlp-train-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function trainCommand(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/nlp-train.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function train(out: string, ...args: string[]): Promise<string> {
  return trainWith({}, out, ...args);
}

async function trainWith(env: Record<string, string>, out: string, ...args: string[]): Promise<string> {
  const run = await trainCommand(['--rows-per-corpus', '100', '--out', path.join(dir, out), ...args], env);
  expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

const modelBytes = (out: string): Promise<Buffer> => readFile(path.join(dir, out, MODEL_FILE));

it('is deterministic: the same seed gives a byte-identical model file, another seed does not', async () => {
  const log = await train('a', '--seed', '3');
  await train('b', '--seed', '3');
  await train('c', '--seed', '4');
  expect((await modelBytes('a')).equals(await modelBytes('b'))).toBe(true);
  expect((await modelBytes('a')).equals(await modelBytes('c'))).toBe(false);

  for (const head of ['language', 'sentimentPl', 'sentimentEn', 'question', 'topic', 'spam', 'substantive'])
    expect(log).toMatch(new RegExp(`${head}\\s+\\d+ examples`));
  const manifest = JSON.parse(await readFile(path.join(dir, 'a', MANIFEST_FILE), 'utf8')) as ModelManifest;
  expect(log).toContain(`Model version ${manifest.modelVersion}`);
  expect(manifest).toMatchObject({ seed: 3, corrections: 0 });
  expect(manifest.corpora.map((c) => c.rows)).toEqual(manifest.corpora.map(() => 100));
  expect(manifest.figures.artifactBytes).toBe((await modelBytes('a')).length);
  expect(loadCommentClassifier(path.join(dir, 'a')).modelVersion).toBe(manifest.modelVersion);
}, 300_000); // three trainings of ~35 s each on the slower 2-core VMs, more when CI shares the machine

it("folds in a person's correction: it changes the answer on a similar comment", async () => {
  const similar = 'czy ten zegarek jest wodoodporny do 50 metrow';
  const before = loadCommentClassifier(path.join(dir, 'a')).classify({ text: similar });
  // A person files "is it waterproof" under usage (can I swim with it); the model trained on
  // 100 rows a corpus calls it quality, the topic most of its Polish review sentences have.
  expect(before.topic).not.toBe('usage');

  const corrections = path.join(dir, 'corrections.jsonl');
  await writeFile(corrections, `${JSON.stringify({ text: 'Czy ten zegarek jest wodoodporny?', topic: 'usage' })}\n`);
  await train('corrected', '--seed', '3', '--corrections', corrections);
  const after = loadCommentClassifier(path.join(dir, 'corrected')).classify({ text: similar });
  expect(after.topic).toBe('usage');
  expect(after.topicScores.usage).toBeGreaterThan(before.topicScores.usage);
}, 120_000);

it("folds in the corrections stored in the product's database (--from-db)", async () => {
  const dataDir = path.join(dir, 'data');
  const database = await openDatabase({ dbDir: path.join(dataDir, 'db') });
  try {
    await migrateDatabase(database);
    const [comment] = await database.db
      .insert(comments)
      .values({ platform: 'instagram', externalId: 'c1', text: 'Czy ten zegarek jest wodoodporny?' })
      .returning();
    await database.db.insert(commentCorrections).values({ commentId: comment!.id, topic: 'usage' });
  } finally {
    await database.close();
  }
  const log = await trainWith({ DATA_DIR: dataDir, DATABASE_URL: '' }, 'from-db', '--seed', '3', '--from-db');
  expect(log).toContain('Folding in 1 corrected comment(s) from the database.');
  const after = loadCommentClassifier(path.join(dir, 'from-db')).classify({ text: 'czy ten zegarek jest wodoodporny do 50 metrow' });
  expect(after.topic).toBe('usage');
}, 120_000);

it('without the corpora, says where it looked and that the shipped models still work', async () => {
  const missing = path.join(dir, 'no-corpora');
  const run = await trainCommand(['--data', missing, '--out', path.join(dir, 'never')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`The training corpora are not at ${missing}`);
  expect(run.stderr).toContain('classification keeps working from the shipped models');
  expect(run.stderr).not.toMatch(/\n\s+at /); // one clear message, no stack trace
  expect(existsSync(path.join(dir, 'never'))).toBe(false);
}, 60_000);

it.each([
  [['--seed', 'abc'], '--seed must be a whole number'],
  [['--corrections', '/nonexistent/corrections.jsonl'], '--corrections: ENOENT'],
])(
  'rejects bad options: %j',
  async (args, message) => {
    const run = await trainCommand([...args, '--out', path.join(dir, 'never')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  },
  60_000,
);
