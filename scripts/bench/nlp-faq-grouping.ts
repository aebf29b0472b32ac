/**
 * `npm run bench:nlp-faq [-- --data ../shared/data/nlp --models models/nlp --orders 5]`
 *
 * How well the FAQ grouping puts the same question together, next to issue 12's aims (purity
 * ≥ 0.85, ≤ 1.5 entries per true group). Real Amazon product questions from semiPQA, each
 * labelled with the product attribute it asks about (size, ingredients, compatible devices…):
 * the questions about one attribute are one true group. Only questions with exactly one
 * attribute are used. They are filed by the product's own functions (core/faq/faq-clusters.ts
 * `placeQuestions`, the incremental clustering updateFaqEntries runs), as if all were asked
 * about one product (they come from many, which makes grouping harder, not easier):
 * - "one topic": all questions in one pool, the clustering alone;
 * - "per topic": split first by the topic the shipped classifier gives each question, as
 *   entries are kept per product and topic (the product's path).
 * Incremental clustering depends on arrival order: file order, then --orders seeded shuffles
 * (mean and range). Figures:
 * - purity: the share of questions whose attribute is their entry's most common attribute;
 * - entries per group: over attributes, the mean number of entries their questions landed in;
 * - entries / groups: all entries over all attributes; singletons: entries of one question.
 * A benchmark, not a test: it prints what it measured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { placeQuestions, type Cluster, type Question } from '../../core/faq/faq-clusters';
import { DEFAULT_MODEL_DIR, loadCommentClassifier } from '../../core/nlp/load-comment-classifier';
import { seededRandom, shuffleInPlace } from '../../core/nlp/seeded-random';
import type { Figure } from './nlp-figure';
import { loadConfig } from '../../core/config';

const FILE = 'questions-en-semipqa.jsonl';
const AIMS = { purity: 0.85, entriesPerGroup: 1.5 };

interface LabelledQuestion extends Question {
  group: string;
  topic: string;
}

interface Grouping {
  purity: number;
  entriesPerGroup: number;
  entriesPerGroupOverall: number;
  entries: number;
  singletons: number;
}

export interface FaqGroupingOptions {
  dataDir: string;
  modelDir: string;
  /** Seeded shuffles of the arrival order, besides the file's own order. */
  orders: number;
  log: (line: string) => void;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: loadConfig().nlpCorporaDir },
      models: { type: 'string', default: DEFAULT_MODEL_DIR },
      orders: { type: 'string', default: '5' },
    },
  });
  console.log('bench:nlp-faq');
  faqGroupingFigures({
    dataDir: values.data,
    modelDir: path.resolve(values.models),
    orders: Math.max(1, Number(values.orders)),
    log: (line) => console.log(line),
  });
}

/** Measures, logs the table, and returns the product path's figures (per topic, mean over shuffled orders). */
export function faqGroupingFigures(o: FaqGroupingOptions): Figure[] {
  const questions = readQuestions(path.join(o.dataDir, FILE), o.modelDir);
  const groups = new Set(questions.map((q) => q.group)).size;
  o.log(`${questions.length} semiPQA questions with one attribute each, ${groups} attributes (true groups), filed as one product`);
  o.log('');
  o.log('| filing | order | purity | entries per group | entries / groups | entries | singletons | aims (purity ≥ 0.85, ≤ 1.5 per group) |');
  o.log('|---|---|---|---|---|---|---|---|');
  let productPath: Grouping[] = [];
  for (const [name, file] of [
    ['one topic', (qs: LabelledQuestion[]) => fileAll(qs, () => 'all')],
    ['per topic', (qs: LabelledQuestion[]) => fileAll(qs, (q) => q.topic)],
  ] as const) {
    o.log(row(name, 'file order', [file(questions)]));
    const shuffled = Array.from({ length: o.orders }, (_, seed) => file(shuffleInPlace([...questions], seededRandom(seed + 1))));
    o.log(row(name, `mean of ${o.orders} shuffles (range)`, shuffled));
    productPath = shuffled;
  }
  const topics = new Map<string, number>();
  for (const q of questions) topics.set(q.topic, (topics.get(q.topic) ?? 0) + 1);
  o.log('');
  o.log(
    `topics the classifier gave: ${[...topics]
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  o.log('');
  const mean = (pick: (g: Grouping) => number): number => productPath.reduce((sum, g) => sum + pick(g), 0) / productPath.length;
  const how = `${questions.length} semiPQA questions, ${groups} attributes as true groups, filed per classified topic as one product; mean of ${o.orders} shuffled orders`;
  return [
    { name: 'FAQ grouping purity', value: 100 * mean((g) => g.purity), unit: '%', target: { value: 100 * AIMS.purity }, how },
    {
      name: 'FAQ entries per true group',
      value: mean((g) => g.entriesPerGroup),
      unit: 'per group',
      target: { value: AIMS.entriesPerGroup, atMost: true },
      how,
    },
  ];
}

function readQuestions(file: string, modelDir: string): LabelledQuestion[] {
  const classifier = loadCommentClassifier(modelDir);
  const questions: LabelledQuestion[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .forEach((line, i) => {
      const { text, attributes } = JSON.parse(line) as { text: string; attributes: string[] };
      if (attributes.length !== 1) return;
      questions.push({ commentId: String(i + 1), text, group: attributes[0] as string, topic: classifier.classify({ text, lang: 'en' }).topic });
    });
  return questions;
}

/** Files the questions in order, into one cluster list per key (as entries are kept per product and topic). */
function fileAll(questions: readonly LabelledQuestion[], keyOf: (q: LabelledQuestion) => string): Grouping {
  const clustersByKey = new Map<string, Cluster[]>();
  const entryOf = new Map<LabelledQuestion, Cluster>();
  for (const question of questions) {
    const key = keyOf(question);
    const clusters = clustersByKey.get(key) ?? [];
    clustersByKey.set(key, clusters);
    for (const [q, cluster] of placeQuestions(clusters, [question])) entryOf.set(q as LabelledQuestion, cluster);
  }
  return measure(questions, entryOf);
}

function measure(questions: readonly LabelledQuestion[], entryOf: ReadonlyMap<LabelledQuestion, Cluster>): Grouping {
  const groupsInEntry = new Map<Cluster, Map<string, number>>();
  const entriesOfGroup = new Map<string, Set<Cluster>>();
  for (const q of questions) {
    const entry = entryOf.get(q) as Cluster;
    const counts = groupsInEntry.get(entry) ?? new Map<string, number>();
    counts.set(q.group, (counts.get(q.group) ?? 0) + 1);
    groupsInEntry.set(entry, counts);
    entriesOfGroup.set(q.group, (entriesOfGroup.get(q.group) ?? new Set()).add(entry));
  }
  let majority = 0;
  let singletons = 0;
  for (const counts of groupsInEntry.values()) {
    majority += Math.max(...counts.values());
    if ([...counts.values()].reduce((a, b) => a + b, 0) === 1) singletons++;
  }
  const spread = [...entriesOfGroup.values()].map((entries) => entries.size);
  return {
    purity: majority / questions.length,
    entriesPerGroup: spread.reduce((a, b) => a + b, 0) / spread.length,
    entriesPerGroupOverall: groupsInEntry.size / entriesOfGroup.size,
    entries: groupsInEntry.size,
    singletons,
  };
}

function row(filing: string, order: string, runs: Grouping[]): string {
  const mean = (pick: (g: Grouping) => number): number => runs.reduce((sum, g) => sum + pick(g), 0) / runs.length;
  const show = (pick: (g: Grouping) => number, digits: number): string => {
    const values = runs.map(pick);
    const range = runs.length > 1 ? ` (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : '';
    return `${mean(pick).toFixed(digits)}${range}`;
  };
  const purity = mean((g) => g.purity);
  const perGroup = mean((g) => g.entriesPerGroup);
  const aims = `purity ${purity >= AIMS.purity ? 'met' : 'not met'}, per group ${perGroup <= AIMS.entriesPerGroup ? 'met' : 'not met'}`;
  return `| ${filing} | ${order} | ${show((g) => g.purity, 3)} | ${show((g) => g.entriesPerGroup, 2)} | ${show((g) => g.entriesPerGroupOverall, 2)} | ${show((g) => g.entries, 0)} | ${show((g) => g.singletons, 0)} | ${aims} |`;
}

if (require.main === module) main();
