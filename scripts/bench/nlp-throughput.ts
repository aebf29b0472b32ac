/**
 * `npm run bench:nlp-speed [-- --runs 3 --mixed 20000 --long 3000 --short 20000 --seed 1 --models models/nlp --data ../shared/data/nlp]`
 *
 * How fast `nlp:classify` is, next to issue 12's targets (≥ 2,500 comments/s end to end on a
 * mixed file, long reviews ≥ 1,000/s, short comments ≥ 5,000/s per core). Builds three files
 * from the public corpora (nlp-inputs.ts: a mix of tweets, YouTube comments and Polish
 * reviews; PolEmo reviews only; tweets and comments only), then for each:
 * - end to end: the real command (`npm run --silent nlp:classify -- --in … --out …`) spawned
 *   and timed by the wall clock, start-up included; start-up is measured apart by the same
 *   command on a one-line file, and the rate after start-up is the difference;
 * - in-process: the loaded classifier's `classify` on every row, one thread, after a warm-up.
 * The median of --runs runs each. Prints the load average before and after: anything else
 * running on the machine skews the figures. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_DIR, loadCommentClassifier } from '../../core/nlp/load-comment-classifier';
import type { Figure } from './nlp-figure';
import { benchFiles, meanChars, writeJsonl, type BenchFile } from './nlp-inputs';
import { loadConfig } from '../../core/config';

const ROOT = path.resolve(__dirname, '../..');
const TARGETS: Record<string, { endToEnd?: number; afterStartUp?: number; inProcess?: number }> = {
  mixed: { endToEnd: 2500 },
  'long reviews': { afterStartUp: 1000, inProcess: 1000 },
  'short comments': { inProcess: 5000 },
};

export interface ThroughputOptions {
  runs: number;
  sizes: { mixed: number; long: number; short: number };
  seed: number;
  modelDir: string;
  dataDir: string;
  /** Where the table goes (stdout standalone; indented under bench:nlp's section line). */
  log: (line: string) => void;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      mixed: { type: 'string', default: '20000' },
      long: { type: 'string', default: '3000' },
      short: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      models: { type: 'string', default: DEFAULT_MODEL_DIR },
      data: { type: 'string', default: loadConfig().nlpCorporaDir },
    },
  });
  console.log(`bench:nlp-speed on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}`);
  throughputFigures({
    runs: Number(values.runs),
    sizes: { mixed: Number(values.mixed), long: Number(values.long), short: Number(values.short) },
    seed: Number(values.seed),
    modelDir: path.resolve(values.models),
    dataDir: values.data,
    log: (line) => console.log(line),
  });
}

/** Measures, logs the table, and returns the figures that have targets (for bench:nlp's table and record). */
export function throughputFigures(o: ThroughputOptions): Figure[] {
  o.log(`median of ${o.runs} runs; load average ${loadAverage()}`);
  const files = benchFiles(o.dataDir, o.sizes, o.seed);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nlp-speed-'));
  try {
    const loads = repeat(o.runs, () => timed(() => loadCommentClassifier(o.modelDir)));
    const startUpFile = path.join(dir, 'one.jsonl');
    writeJsonl(startUpFile, ['ok']);
    const startUp = repeat(o.runs, () => classifyCommand(startUpFile, path.join(dir, 'one.out.jsonl'), o.modelDir));
    o.log(`model load in-process ${ms(loads)}; command start-up (npm run, tsx, model load, one row) ${ms(startUp)}`);
    o.log('');
    o.log('| file | rows | mean chars | end to end /s | after start-up /s | in-process /s | target |');
    o.log('|---|---|---|---|---|---|---|');
    const figures: Figure[] = [{ name: 'nlp:classify start-up', value: startUp, unit: 's', how: `npm run nlp:classify on one row, median of ${o.runs}` }];
    for (const file of files) {
      const measured = measureFile(file, dir, o, startUp);
      o.log(measured.row);
      figures.push(...measured.figures);
    }
    o.log('');
    for (const file of files) o.log(`${file.name}: ${file.description}`);
    o.log(`load average after: ${loadAverage()}`);
    o.log('');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureFile(file: BenchFile, dir: string, o: ThroughputOptions, startUp: number): { row: string; figures: Figure[] } {
  const input = path.join(dir, `${file.name.replace(/\s+/g, '-')}.jsonl`);
  writeJsonl(input, file.texts);
  const endToEnd = repeat(o.runs, () => classifyCommand(input, `${input}.out`, o.modelDir));
  const runs = Array.from({ length: o.runs }, () => classifyInProcess(file.texts, o.modelDir));
  const inProcess = median(runs.map((r) => r.wall));
  const inProcessCpu = median(runs.map((r) => r.cpu));
  const n = file.texts.length;
  const target = TARGETS[file.name] ?? {};
  const how = `${n} rows, mean ${meanChars(file.texts).toFixed(0)} chars (${file.description}); median of ${o.runs}`;
  const figures: Figure[] = [];
  if (target.endToEnd)
    figures.push({
      name: `nlp:classify ${file.name}, end to end`,
      value: n / endToEnd,
      unit: '/s',
      target: { value: target.endToEnd },
      how: `${how}, start-up included`,
    });
  if (target.afterStartUp)
    figures.push({
      name: `nlp:classify ${file.name}, after start-up`,
      value: n / (endToEnd - startUp),
      unit: '/s',
      target: { value: target.afterStartUp },
      how,
    });
  if (target.inProcess)
    figures.push({
      name: `classify ${file.name}, in-process`,
      value: n / inProcess,
      unit: '/s',
      target: { value: target.inProcess },
      how: `${how}, one thread`,
    });
  const targets = figures.map(
    (f) => `${f.name.slice(f.name.lastIndexOf(', ') + 2)} ≥ ${f.target?.value}: ${f.value >= (f.target?.value ?? 0) ? 'met' : 'not met'}`,
  );
  return {
    row: `| ${file.name} | ${n} | ${meanChars(file.texts).toFixed(0)} | ${rate(n, endToEnd)} (${endToEnd.toFixed(2)} s) | ${rate(n, endToEnd - startUp)} | ${rate(n, inProcess)} (${rate(n, inProcessCpu)} per CPU-second) | ${targets.join('; ')} |`,
    figures,
  };
}

/** Seconds of wall clock for the real command, as a user runs it. */
function classifyCommand(input: string, output: string, modelDir: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', '--silent', 'nlp:classify', '--', '--in', input, '--out', output, '--models', modelDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`nlp:classify failed (${String(result.status)}): ${result.stderr}`);
  return seconds;
}

/**
 * Seconds (wall clock, and CPU time of this process) to classify every text once, after a
 * warm-up pass over the first thousand (JIT). CPU time is less swayed by other processes
 * competing for the cores, though not by their use of the caches.
 */
function classifyInProcess(texts: readonly string[], modelDir: string): { wall: number; cpu: number } {
  const classifier = loadCommentClassifier(modelDir);
  for (const text of texts.slice(0, 1000)) classifier.classify({ text });
  const cpu = process.cpuUsage();
  const wall = timed(() => {
    for (const text of texts) classifier.classify({ text });
  });
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

function timed(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const repeat = (runs: number, measure: () => number): number => median(Array.from({ length: runs }, measure));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const rate = (n: number, seconds: number): string => (seconds > 0 ? Math.round(n / seconds).toLocaleString('en') : '–');
const ms = (seconds: number): string => `${(seconds * 1000).toFixed(0)} ms`;
const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

if (require.main === module) main();
