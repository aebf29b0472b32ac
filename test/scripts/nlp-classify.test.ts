import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';

/** `nlp:classify` end to end, as people run it: a child process, JSON Lines in and out, the shipped models. */
const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nlp-classify-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function classifyCommand(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/nlp-classify.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const INPUT = [
  { id: 'c1', text: 'Jaki rozmiar bierze sie przy 180 cm wzrostu' },
  { id: 2, text: 'Does it come in XXL' },
  { text: 'FREE FOLLOWERS 👉 bit.ly/free-fllw click now!!!' },
  { id: 'c4', text: '😍😍', lang: 'pl' },
  { id: 'c5', text: 'Po miesiącu podeszwa zaczęła się odklejać 😕' },
];
const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

it('classifies a JSON Lines file into another, same order, ids kept, every head with probabilities', async () => {
  const input = path.join(dir, 'in.jsonl');
  const output = path.join(dir, 'out.jsonl');
  await writeFile(input, `${jsonl(INPUT.slice(0, 3))}\n${jsonl(INPUT.slice(3))}`); // a blank line is skipped
  const run = await classifyCommand(['--in', input, '--out', output]);
  expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(run.code).toBe(0);

  const rows = (await readFile(output, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(rows).toHaveLength(INPUT.length);
  expect(rows.map((r) => r.id)).toEqual(['c1', 2, undefined, 'c4', 'c5']);
  expect(rows[2]).not.toHaveProperty('id');
  for (const row of rows) {
    expect(Object.keys(row).filter((k) => k !== 'id')).toEqual([
      'lang',
      'sentiment',
      'sentimentScores',
      'isQuestion',
      'questionScore',
      'topic',
      'topicScores',
      'spam',
      'spamScore',
      'substantive',
      'substantiveScore',
      'modelVersion',
    ]);
    const sentiment = row.sentimentScores as Record<string, number>;
    const topics = row.topicScores as Record<string, number>;
    expect(Object.keys(sentiment)).toEqual([...COMMENT_SENTIMENTS]);
    expect(Object.keys(topics)).toEqual([...COMMENT_TOPICS]);
    expect(Object.values(sentiment).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(Object.values(topics).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    for (const p of [...Object.values(sentiment), ...Object.values(topics), row.questionScore, row.spamScore, row.substantiveScore] as number[]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(row.modelVersion).toMatch(/^comments-1-[0-9a-f]{12}$/);
  }
  expect(rows[0]).toMatchObject({ lang: 'pl', isQuestion: true, topic: 'size_fit' });
  expect(rows[1]).toMatchObject({ lang: 'en', isQuestion: true });
  expect(rows[2]).toMatchObject({ spam: true });
  expect(rows[3]).toMatchObject({ lang: 'pl', sentiment: 'positive', substantive: false });
  expect(rows[4]).toMatchObject({ lang: 'pl', sentiment: 'negative', topic: 'quality' });
}, 60_000);

it('reads stdin and writes stdout without --in and --out', async () => {
  const run = await classifyCommand([], jsonl(INPUT.slice(0, 2)));
  expect(run.code).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: unknown; lang: string });
  expect(rows.map((r) => [r.id, r.lang])).toEqual([
    ['c1', 'pl'],
    [2, 'en'],
  ]);
}, 60_000);

it.each([
  ['not JSON', '{"text": "ok"}\n{oops\n', 'line 2: not valid JSON'],
  ['no text', '{"text": "ok"}\n\n{"id": 3}\n', 'line 3: "text" must be a string'],
  ['bad lang', '{"text": "ok", "lang": "de"}\n', 'line 1: "lang" must be one of pl, en, other'],
  ['an array', '["text"]\n', 'line 1: expected a JSON object'],
])(
  'stops at a bad line (%s) with its number, exit code 1, and no output file',
  async (_, input, message) => {
    const output = path.join(dir, `bad-${message.slice(0, 6).replace(/\W/g, '')}.jsonl`);
    const run = await classifyCommand(['--out', output], input);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`nlp:classify: ${message}`);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.partial`)).toBe(false);
  },
  60_000,
);
