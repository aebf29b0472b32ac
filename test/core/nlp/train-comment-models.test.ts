import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { trainCommentModels } from '../../../core/nlp/training/train-comment-models';
import { readSeedExamples } from '../../../core/nlp/training/seed-examples';
import { MissingCorporaError } from '../../../core/nlp/training/training-corpora';
import { loadConfig } from '../../../core/config';

// The failures that must be clear before any work starts. Whole training runs (determinism,
// corrections) are exercised through the command in test/scripts/nlp-train.test.ts.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nlp-train-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('says clearly when the corpora are missing, and writes nothing', async () => {
  const missing = path.join(dir, 'no-such-corpora');
  const training = trainCommentModels({ dataDir: missing, seed: 1, outDir: path.join(dir, 'never') });
  await expect(training).rejects.toThrow(MissingCorporaError);
  await expect(training).rejects.toThrow(`The training corpora are not at ${missing}`);
  expect(existsSync(path.join(dir, 'never'))).toBe(false);
});

it('refuses a seed example with a label the models do not know, naming the file and row', async () => {
  const seeds = path.join(dir, 'seeds');
  await mkdir(seeds);
  await writeFile(path.join(seeds, 'typos.jsonl'), '{"text": "ok", "lang": "pl", "topic": "shipping"}\n{"text": "jaki rozmiar", "topic": "sizes"}\n');
  const training = trainCommentModels({ dataDir: loadConfig().nlpCorporaDir, seedsDir: seeds, seed: 1, outDir: path.join(dir, 'never') });
  await expect(training).rejects.toThrow(/typos\.jsonl row 2: unknown topic sizes/);
  expect(existsSync(path.join(dir, 'never'))).toBe(false);
});

it('the shipped seeds are many, in both languages, and valid', () => {
  const seeds = readSeedExamples();
  const count = (lang: string) => seeds.filter((s) => s.lang === lang).length;
  expect(count('pl')).toBeGreaterThan(400);
  expect(count('en')).toBeGreaterThan(400);
  const polishQuestionsWithoutMark = seeds.filter((s) => s.lang === 'pl' && s.isQuestion && !s.text.includes('?'));
  expect(polishQuestionsWithoutMark.length).toBeGreaterThan(200);
  expect(polishQuestionsWithoutMark.some((s) => !/[ąćęłńóśźż]/i.test(s.text))).toBe(true);
});
