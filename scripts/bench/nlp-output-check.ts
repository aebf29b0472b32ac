/**
 * `npx tsx scripts/bench/nlp-output-check.ts --save dir [--models dir]` then, after a change,
 * `npx tsx scripts/bench/nlp-output-check.ts --compare dir [--models dir]`
 *
 * Speed work on the classifier must not change what it outputs. This runs the real
 * `nlp:classify` command on a deterministic sample (the benchmark's mixed and long-review
 * files, nlp-inputs.ts) and saves the JSONL outputs, or compares them byte for byte with saved
 * ones and names the first line that differs. Use a copy of the models that nothing retrains
 * meanwhile (--models), or the comparison measures the new models instead of the code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_DIR } from '../../core/nlp/load-comment-classifier';
import { benchFiles, writeJsonl } from './nlp-inputs';
import { loadConfig } from '../../core/config';

const ROOT = path.resolve(__dirname, '../..');

function main(): void {
  const { values } = parseArgs({
    options: {
      save: { type: 'string' },
      compare: { type: 'string' },
      models: { type: 'string', default: DEFAULT_MODEL_DIR },
      data: { type: 'string', default: loadConfig().nlpCorporaDir },
      rows: { type: 'string', default: '5000' },
    },
  });
  const dir = values.save ?? values.compare;
  if (!dir) throw new Error('--save dir or --compare dir');
  mkdirSync(dir, { recursive: true });
  const rows = Number(values.rows);
  // Seed 7, not the benchmark's 1: a different sample from the one timed.
  const files = benchFiles(values.data, { mixed: rows, long: Math.round(rows / 5), short: 0 }, 7).filter((f) => f.texts.length > 0);
  let differing = 0;
  for (const file of files) {
    const input = path.join(dir, `${file.name.replace(/\s+/g, '-')}.in.jsonl`);
    const saved = input.replace(/\.in\.jsonl$/, '.out.jsonl');
    writeJsonl(input, file.texts);
    const output = values.save ? saved : `${saved}.new`;
    const result = spawnSync('npm', ['run', '--silent', 'nlp:classify', '--', '--in', input, '--out', output, '--models', path.resolve(values.models)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`nlp:classify failed: ${result.stderr}`);
    if (values.save) {
      console.log(`${file.name}: ${file.texts.length} rows saved to ${saved}`);
      continue;
    }
    if (!existsSync(saved)) throw new Error(`${saved} missing: run with --save first`);
    const difference = firstDifference(readFileSync(saved, 'utf8'), readFileSync(output, 'utf8'));
    if (difference) differing++;
    console.log(`${file.name}: ${file.texts.length} rows, ${difference ?? 'identical, byte for byte'}`);
  }
  if (differing > 0) process.exit(1);
}

function firstDifference(before: string, after: string): string | undefined {
  if (before === after) return undefined;
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1} differs:\n  before ${a[i] ?? '(none)'}\n  after  ${b[i] ?? '(none)'}`;
  }
  return 'differs';
}

main();
