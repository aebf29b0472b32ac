/**
 * `npm run bench:nlp [-- --folds 5 --seed 1 --data ../shared/data/nlp --only real,topics,speed --rows-per-corpus 2000 --float --skip-train --record]`
 *
 * How good and how fast the comment models are, next to issue 5's targets. Every quality
 * figure is measured on rows the scored model never trained on: k-fold cross-validation
 * (folds assigned by text, so duplicates never straddle train and test) or, for TweetEval's
 * validation split, a hold-out. Scored with the int8 weights that ship, with the known
 * language of each row. Then the full training run (time, artifact size) and throughput of
 * the trained classifier, all heads, on one core. A benchmark, not a test: it prints what it
 * measured (and with --record writes it to models/nlp/benchmark.json).
 *
 * First, the section that decides (issue 12): the real labelled comments, scored by models that
 * never saw them and under k-fold CV by text with them in training (core/nlp/evaluation/
 * real-comments.ts). One full training plus one a fold: --rows-per-corpus makes them quicker.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { accuracy, f1, macroF1, macroRecall, type Scored } from '../core/nlp/evaluation/classification-metrics';
import { crossValidate, crossValidatePolishSentiment, holdOut, type Prediction } from '../core/nlp/evaluation/cross-validate';
import { evaluateRealComments } from '../core/nlp/evaluation/real-comments';
import { DEFAULT_MODEL_DIR, loadCommentClassifier } from '../core/nlp/load-comment-classifier';
import { MODEL_FILE } from '../core/nlp/model-manifest';
import { trainCommentModels } from '../core/nlp/training/train-comment-models';
import { languageExamples } from '../core/nlp/training/language-examples';
import { questionExamples } from '../core/nlp/training/question-examples';
import { sentimentExamples } from '../core/nlp/training/sentiment-examples';
import { spamExamples } from '../core/nlp/training/spam-examples';
import { substantiveExamples } from '../core/nlp/training/substantive-examples';
import { sampleOf, splitSentences, withoutFinalMarks, withoutQuestionMarks } from '../core/nlp/training/text-sampling';
import { topicExamples } from '../core/nlp/training/topic-examples';
import { openTrainingData, type TrainingData } from '../core/nlp/training/training-data';
import type { TrainingExample } from '../core/nlp/training/training-example';
import { MissingCorporaError } from '../core/nlp/training/training-corpora';
import type { Figure } from './bench/nlp-figure';
import { faqGroupingFigures } from './bench/nlp-faq-grouping';
import { throughputFigures } from './bench/nlp-throughput';
import { realCommentFigures } from './bench/real-comments';
import { loadConfig } from '../core/config';

const SECTIONS = ['real', 'sentiment-pl', 'sentiment-en', 'spam', 'questions', 'topics', 'others', 'speed', 'throughput', 'faq'] as const;
type Section = (typeof SECTIONS)[number];

interface BenchOptions {
  only: Section[];
  /** Score the float weights instead of the int8 ones that ship (to see what quantising costs). */
  unquantised: boolean;
  folds: number;
  seed: number;
  dataDir: string;
  skipTrain: boolean;
  record: boolean;
  /** The real-comments section only: at most this many rows of each corpus (quicker, rougher). */
  rowsPerCorpus?: number;
}

async function main(): Promise<void> {
  const options = parseOptions();
  console.log(
    `bench:nlp on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}; ${options.folds}-fold CV, seed ${options.seed}`,
  );
  const data = openTrainingData({ dataDir: options.dataDir, seed: options.seed });
  const figures: Figure[] = [];
  const sections: Record<Section, [string, () => Figure[] | Promise<Figure[]>]> = {
    real: ['real labelled comments (never seen, and k-fold CV with them in training)', () => real(options)],
    'sentiment-pl': ['Polish sentiment (PolEmo, Polish tweets)', () => polishSentiment(data, options)],
    'sentiment-en': ['English sentiment (TweetEval hold-out)', () => englishSentiment(data, options)],
    spam: ['spam', () => spam(data, options)],
    questions: ['questions without "?"', () => questions(data, options)],
    topics: ['topics', () => topics(data, options)],
    others: ['language and substantive', () => [...language(data, options), ...substantive(data, options)]],
    speed: [options.skipTrain ? 'shipped models: size and throughput' : 'full training, size and throughput', () => trainingAndSpeed(data, options)],
    // issue 12's nlp:classify and FAQ grouping figures (scripts/bench/nlp-throughput.ts, nlp-faq-grouping.ts)
    throughput: [
      'nlp:classify end to end and in-process',
      () =>
        throughputFigures({
          runs: 3,
          sizes: { mixed: 20000, long: 3000, short: 20000 },
          seed: options.seed,
          modelDir: DEFAULT_MODEL_DIR,
          dataDir: options.dataDir,
          log: (line) => process.stdout.write(`\n    ${line}`),
        }),
    ],
    faq: [
      'FAQ grouping of semiPQA questions',
      () => faqGroupingFigures({ dataDir: options.dataDir, modelDir: DEFAULT_MODEL_DIR, orders: 5, log: (line) => process.stdout.write(`\n    ${line}`) }),
    ],
  };
  for (const section of options.only) {
    const [label, run] = sections[section];
    const started = Date.now();
    process.stdout.write(`  ${label}… `);
    const measured = await run();
    console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
    figures.push(...measured.map((f) => ({ ...f, section, measuredAt: new Date().toISOString() })));
  }
  printTable(figures);
  if (options.record) record(figures, options);
}

/**
 * Writes models/nlp/benchmark.json: this run's sections replace their own figures and the
 * other sections' figures stay, so sections measured in separate runs (the real-comment
 * section alone takes ~25 minutes) make one record. Figures without a section (written before
 * sections were recorded) are dropped.
 */
function record(figures: readonly Figure[], options: BenchOptions): void {
  const file = path.join(DEFAULT_MODEL_DIR, 'benchmark.json');
  const previous = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { figures?: Figure[] }).figures ?? []) : [];
  const kept = previous.filter((f) => f.section !== undefined && SECTIONS.includes(f.section as Section) && !options.only.includes(f.section as Section));
  const merged = [...kept, ...figures].sort((a, b) => SECTIONS.indexOf(a.section as Section) - SECTIONS.indexOf(b.section as Section));
  const header = { measuredAt: new Date().toISOString(), machine: os.cpus()[0]?.model, folds: options.folds, seed: options.seed };
  writeFileSync(file, `${JSON.stringify({ ...header, figures: merged }, null, 2)}\n`);
  console.log(`Recorded in ${file} (sections ${options.only.join(', ')}; ${kept.length} figures of other sections kept)`);
}

/** Issue 12's deciding figures: the real labelled comments, scored by models that never trained on them. */
function real(o: BenchOptions): Figure[] {
  const data = openTrainingData({ dataDir: o.dataDir, seed: o.seed, rowsPerCorpus: o.rowsPerCorpus });
  const evaluation = evaluateRealComments({
    data,
    dataDir: o.dataDir,
    folds: o.folds,
    seed: o.seed,
    unquantised: o.unquantised,
    log: (line) => process.stdout.write(`\n    ${line}`),
  });
  process.stdout.write('\n  ');
  const sample = o.rowsPerCorpus === undefined ? '' : ` (at most ${o.rowsPerCorpus} rows a corpus)`;
  return realCommentFigures(evaluation, o.folds).map((f) => ({ ...f, how: `${f.how}${sample}` }));
}

function polishSentiment(data: TrainingData, o: BenchOptions): Figure[] {
  const predictions = crossValidatePolishSentiment({
    examples: sentimentExamples(data, 'pl'),
    isEvaluated: (e) => e.source === 'polemo' || e.source === 'plTweets',
    folds: o.folds,
    seed: o.seed,
    unquantised: o.unquantised,
  });
  const polemo = argmaxOver(predictions.filter((p) => p.example.source === 'polemo'));
  const tweets = argmaxOver(
    predictions.filter((p) => p.example.source === 'plTweets'),
    ['negative', 'positive'],
  );
  return [
    {
      name: 'PolEmo 2.0 4-class accuracy',
      value: 100 * accuracy(polemo),
      unit: '%',
      target: { value: 86 },
      reference: 'HerBERT-large 92.2; linear baseline ~82',
      how: `${o.folds}-fold CV over PolEmo train (${polemo.length} reviews), Allegro + tweets + seeds always in training; whole-text head + review heads + stacker, as classified`,
    },
    {
      name: 'Polish tweets pos/neg accuracy',
      value: 100 * accuracy(tweets),
      unit: '%',
      target: { value: 76 },
      how: `${o.folds}-fold CV (${tweets.length} tweets); positive vs negative probability`,
    },
  ];
}

function englishSentiment(data: TrainingData, o: BenchOptions): Figure[] {
  const examples = sentimentExamples(data, 'en');
  const predictions = holdOut(
    'sentimentEn',
    examples.filter((e) => e.source !== 'tweetEval'),
    examples.filter((e) => e.source === 'tweetEval'),
    o.seed,
    o.unquantised,
  );
  const scored = argmaxOver(predictions, ['negative', 'neutral', 'positive']);
  return [
    {
      name: 'TweetEval 3-class macro-recall',
      value: 100 * macroRecall(scored),
      unit: '%',
      target: { value: 63 },
      reference: 'fastText 62.9, RoBERTa-base 71.3',
      how: `trained without TweetEval, scored on its validation split (${scored.length} tweets)`,
    },
  ];
}

function spam(data: TrainingData, o: BenchOptions): Figure[] {
  const examples = spamExamples(data, o.seed);
  const predictions = crossValidate({
    head: 'spam',
    examples,
    isEvaluated: (e) => e.source === 'youtubeSpam',
    folds: o.folds,
    seed: o.seed,
    unquantised: o.unquantised,
  });
  const unseen = spamOnUnseenVideos(data, examples, o);
  return [
    {
      name: 'YouTube spam F1',
      value: f1(argmaxOver(predictions), 1),
      unit: 'F1',
      target: { value: 0.93 },
      how: `${o.folds}-fold CV over the UCI collection (${predictions.length} comments)`,
    },
    {
      name: 'YouTube spam F1, a video never seen',
      value: f1(argmaxOver(unseen.predictions), 1),
      unit: 'F1',
      target: { value: 0.95 },
      how: `each of the ${unseen.videos} videos held out in turn (its comments never in training), predictions pooled (${unseen.predictions.length} comments)`,
    },
  ];
}

/** Spam comes in waves per video (one channel's promoters): a video the model never saw is the harder, truer test. */
function spamOnUnseenVideos(data: TrainingData, examples: readonly TrainingExample[], o: BenchOptions): { videos: number; predictions: Prediction[] } {
  const videoOf = new Map(data.corpus('youtubeSpam').map((row) => [row.text, row.source]));
  const videos = [...new Set(videoOf.values())];
  const predictions = videos.flatMap((video) => {
    const isHeldOut = (e: TrainingExample): boolean => e.source === 'youtubeSpam' && videoOf.get(e.text) === video;
    return holdOut(
      'spam',
      examples.filter((e) => !isHeldOut(e)),
      examples.filter(isHeldOut),
      o.seed,
      o.unquantised,
    );
  });
  return { videos: videos.length, predictions };
}

function questions(data: TrainingData, o: BenchOptions): Figure[] {
  // Scored: real product questions (semiPQA), Allegro review sentences (a question when they
  // end in "?"), YouTube comment statements, and the seeds. Not scored: Bitext, whose labels
  // come from a rule the model would only have to relearn, and YouTube comments ending in
  // "?", too many of which are exclamations ("Fake song, fake car?").
  const evaluated = (e: TrainingExample): boolean =>
    e.source === 'semiPqa' || e.source === 'allegro' || e.source.startsWith('seeds:') || (e.source === 'senTube' && e.label === 'no');
  const predictions = crossValidate({
    head: 'question',
    examples: questionExamples(data, o.seed),
    isEvaluated: evaluated,
    // Without the final mark too: a statement's full stop must not give it away either.
    testText: (e) => withoutFinalMarks(withoutQuestionMarks(e.text)),
    folds: o.folds,
    seed: o.seed,
    unquantised: o.unquantised,
  });
  const polish = predictions.filter((p) => p.example.lang === 'pl');
  const english = predictions.filter((p) => p.example.lang === 'en');
  const how = (rows: Prediction[]): string =>
    `${o.folds}-fold CV, every "?" and final mark removed before scoring; ${rows.filter((p) => p.truth === 1).length} questions, ${rows.filter((p) => p.truth === 0).length} other sentences`;
  return [
    {
      name: 'question F1 without "?"',
      value: f1(argmaxOver(predictions), 1),
      unit: 'F1',
      target: { value: 0.92 },
      how: `${how(predictions)} (semiPQA, Allegro review sentences, YouTube comment statements, seeds)`,
    },
    { name: '  of which Polish', value: f1(argmaxOver(polish), 1), unit: 'F1', how: how(polish) },
    { name: '  of which English', value: f1(argmaxOver(english), 1), unit: 'F1', how: how(english) },
  ];
}

function topics(data: TrainingData, o: BenchOptions): Figure[] {
  const examples = topicExamples(data, o.seed);
  const real = argmaxOver(
    crossValidate({
      head: 'topic',
      examples,
      isEvaluated: (e) => e.source === 'semiPqa' || e.source === 'bitext',
      folds: o.folds,
      seed: o.seed,
      unquantised: o.unquantised,
    }),
  );
  const seeded = crossValidate({
    head: 'topic',
    examples,
    isEvaluated: (e) => e.source.startsWith('seeds:') && e.source !== 'seeds:generic-comments' && e.source !== 'seeds:spam-comments',
    folds: o.folds,
    seed: o.seed,
    unquantised: o.unquantised,
  });
  const seededIn = (lang: string): Scored[] => argmaxOver(seeded.filter((p) => p.example.lang === lang));
  return [
    {
      name: 'topic macro-F1, real questions (en)',
      value: macroF1(real),
      unit: 'F1',
      target: { value: 0.7 },
      how: `${o.folds}-fold CV over semiPQA and Bitext rows mapped to topics (${real.length})`,
    },
    {
      name: 'topic macro-F1, Polish seeds',
      value: macroF1(seededIn('pl')),
      unit: 'F1',
      target: { value: 0.7 },
      how: `${o.folds}-fold CV over the project's own Polish comments (${seededIn('pl').length}), held out`,
    },
    {
      name: 'topic macro-F1, English seeds',
      value: macroF1(seededIn('en')),
      unit: 'F1',
      how: `${o.folds}-fold CV over the project's own English comments (${seededIn('en').length}), held out`,
    },
  ];
}

function language(data: TrainingData, o: BenchOptions): Figure[] {
  const predictions = argmaxOver(
    crossValidate({
      head: 'language',
      examples: languageExamples(data, o.seed),
      isEvaluated: () => true,
      folds: o.folds,
      seed: o.seed,
      unquantised: o.unquantised,
    }),
  );
  return [
    {
      name: 'language pl/en/other accuracy',
      value: 100 * accuracy(predictions),
      unit: '%',
      how: `${o.folds}-fold CV over corpus sentences and seeds (${predictions.length})`,
    },
  ];
}

function substantive(data: TrainingData, o: BenchOptions): Figure[] {
  const predictions = argmaxOver(
    crossValidate({
      head: 'substantive',
      examples: substantiveExamples(data, o.seed),
      isEvaluated: (e) => e.source.startsWith('seeds:'),
      folds: o.folds,
      seed: o.seed,
      unquantised: o.unquantised,
    }),
  );
  return [
    { name: 'generic-comment F1 (not substantive)', value: f1(predictions, 0), unit: 'F1', how: `${o.folds}-fold CV over the seeds (${predictions.length})` },
  ];
}

async function trainingAndSpeed(data: TrainingData, o: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  let modelDir = DEFAULT_MODEL_DIR;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-nlp-'));
  try {
    if (!o.skipTrain) {
      const started = Date.now();
      await trainCommentModels({ dataDir: o.dataDir, seed: o.seed, outDir: tmp });
      figures.push({ name: 'full training (npm run nlp:train)', value: (Date.now() - started) / 1000, unit: 's', how: 'all heads, all corpora, one process' });
      modelDir = tmp;
    }
    figures.push({
      name: 'shipped model file',
      value: statSync(path.join(modelDir, MODEL_FILE)).size / 1024 / 1024,
      unit: 'MB',
      how: `${MODEL_FILE}: int8 weights of non-zero columns, gzip`,
    });
    figures.push(throughput(data, modelDir, o.seed));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

/** Real comment-like texts (tweets, YouTube comments, review sentences), all heads, language detected. */
function throughput(data: TrainingData, modelDir: string, seed: number): Figure {
  const classifier = loadCommentClassifier(modelDir);
  const texts = [
    ...sampleOf(data.corpus('plTweets'), 5000, seed).map((r) => r.text),
    ...sampleOf(data.corpus('senTube'), 5000, seed).map((r) => r.text),
    ...sampleOf(
      data.corpus('allegro').flatMap((r) => splitSentences(r.text)),
      5000,
      seed,
    ),
    ...sampleOf(data.corpus('semEval'), 5000, seed).map((r) => r.text),
  ];
  for (const text of texts.slice(0, 2000)) classifier.classify({ text });
  const started = process.hrtime.bigint();
  for (const text of texts) classifier.classify({ text });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  return {
    name: 'classification throughput, all heads',
    value: texts.length / seconds,
    unit: '/s',
    target: { value: 5000 },
    how: `${texts.length} comments (mean ${chars.toFixed(0)} chars), one thread, language detected`,
  };
}

/** Predicted class = the most probable among `allowed` (all classes by default). */
function argmaxOver(predictions: readonly Prediction[], allowed?: readonly string[]): Scored[] {
  return predictions.map((p) => {
    let best = -1;
    p.classes.forEach((label, c) => {
      if (allowed && !allowed.includes(label)) return;
      if (best < 0 || (p.probabilities[c] as number) > (p.probabilities[best] as number)) best = c;
    });
    return { truth: p.truth, predicted: best };
  });
}

function printTable(figures: readonly Figure[]): void {
  console.log('');
  console.log(`${'figure'.padEnd(40)} ${'value'.padStart(10)}  ${'target'.padEnd(10)} ${'met'.padEnd(4)} reference / how measured`);
  for (const f of figures) {
    const digits = f.unit === 'F1' ? 3 : f.unit === '/s' ? 0 : 1;
    const value = `${f.value.toFixed(digits)}${f.unit === 'F1' ? '' : ` ${f.unit}`}`;
    const target = f.target ? `${f.target.atMost ? '≤' : '≥'} ${f.target.value}` : '';
    const met = f.target ? ((f.target.atMost ? f.value <= f.target.value : f.value >= f.target.value) ? 'yes' : 'NO') : '';
    console.log(`${f.name.padEnd(40)} ${value.padStart(10)}  ${target.padEnd(10)} ${met.padEnd(4)} ${[f.reference, f.how].filter(Boolean).join('; ')}`);
  }
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      data: { type: 'string', default: loadConfig().nlpCorporaDir },
      'skip-train': { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      only: { type: 'string', default: SECTIONS.join(',') },
      float: { type: 'boolean', default: false },
      'rows-per-corpus': { type: 'string' },
    },
  });
  const only = values.only.split(',').map((s) => s.trim());
  const unknown = only.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(', ')} (got ${unknown.join(', ')})`);
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be a whole number ≥ 2 (got ${values.folds})`);
  const rowsPerCorpus = values['rows-per-corpus'] === undefined ? undefined : Number(values['rows-per-corpus']);
  if (rowsPerCorpus !== undefined && !(Number.isInteger(rowsPerCorpus) && rowsPerCorpus > 0))
    throw new Error(`--rows-per-corpus must be a whole number ≥ 1 (got ${values['rows-per-corpus']})`);
  return {
    only: only as Section[],
    unquantised: values.float,
    folds,
    seed: Number(values.seed),
    dataDir: path.resolve(values.data),
    skipTrain: values['skip-train'],
    record: values.record,
    rowsPerCorpus,
  };
}

main().catch((err: unknown) => {
  console.error(err instanceof MissingCorporaError ? err.message : err);
  process.exit(1);
});
