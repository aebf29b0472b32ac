import type { FaqExample } from '../db';
import { questionTerms, type TermVector } from './question-terms';
import { cosine, shiftMean } from './term-vector';

/**
 * Incremental clustering of one product's questions on one topic, as pure functions over the
 * entries' stored state: each question joins the entry whose centroid it is most similar to,
 * when that similarity reaches JOIN_THRESHOLD, or starts an entry of its own. Nothing is ever
 * re-clustered from scratch, so an entry a content manager has answered keeps its identity as
 * questions keep arriving. Deterministic: the same questions in the same order give the same
 * entries.
 */

/** Cosine similarity to a centroid at which a question counts as the same question. */
export const JOIN_THRESHOLD = 0.45;
/** Examples kept per entry: the questions closest to its centroid. */
export const MAX_EXAMPLES = 5;

export interface Cluster {
  /** Null until stored. */
  id: string | null;
  question: string;
  /** The content manager's own wording (or an entry no longer a draft): never replaced by an example. */
  questionFixed: boolean;
  count: number;
  centroid: TermVector;
  examples: FaqExample[];
}

export interface Question {
  commentId: string;
  text: string;
}

/**
 * A stored entry's state as a cluster. The question counts as chosen by us while the entry is a
 * draft and its question is one of the examples (every automatic choice is); any other wording
 * was written by a person, and a reviewed entry keeps what was reviewed.
 */
export function clusterOf(entry: {
  id: string;
  question: string;
  status: string;
  commentCount: number;
  centroid: TermVector;
  examples: FaqExample[];
}): Cluster {
  const chosenByUs = entry.status === 'draft' && entry.examples.some((e) => e.text === entry.question);
  return { id: entry.id, question: entry.question, questionFixed: !chosenByUs, count: entry.commentCount, centroid: entry.centroid, examples: entry.examples };
}

/** The cluster a question belongs to (the most similar, the earlier on a tie), or null: it starts its own. */
export function closestCluster(clusters: readonly Cluster[], vector: TermVector): Cluster | null {
  let best: Cluster | null = null;
  let bestSimilarity = JOIN_THRESHOLD;
  for (const cluster of clusters) {
    const similarity = cosine(vector, cluster.centroid);
    if (similarity > bestSimilarity || (best === null && similarity >= JOIN_THRESHOLD)) {
      best = cluster;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** Places each question, in order: into its closest cluster, or a new one appended to `clusters`. Returns the clusters it changed. */
export function placeQuestions(clusters: Cluster[], questions: readonly Question[]): Map<Question, Cluster> {
  const placed = new Map<Question, Cluster>();
  for (const question of questions) {
    const vector = questionTerms(question.text);
    let cluster = closestCluster(clusters, vector);
    if (!cluster) {
      cluster = { id: null, question: question.text, questionFixed: false, count: 0, centroid: {}, examples: [] };
      clusters.push(cluster);
    }
    join(cluster, question, vector);
    placed.set(question, cluster);
  }
  return placed;
}

/** Forgets what the cluster held and joins these questions instead, in order (after a merge or a split). */
export function rebuild(cluster: Cluster, questions: readonly Question[]): void {
  cluster.centroid = {};
  cluster.count = 0;
  cluster.examples = [];
  for (const question of questions) join(cluster, question);
}

export function join(cluster: Cluster, question: Question, vector = questionTerms(question.text)): void {
  cluster.centroid = shiftMean(cluster.centroid, cluster.count, vector, 1);
  cluster.count += 1;
  refreshExamples(cluster, [...cluster.examples, { commentId: question.commentId, text: question.text }]);
}

/**
 * Takes a question out (its labels were corrected, or it was reclassified). `others` are some of
 * the questions still in the cluster, to refill its examples from.
 */
export function leave(cluster: Cluster, question: Question, others: readonly FaqExample[] = []): void {
  cluster.centroid = shiftMean(cluster.centroid, cluster.count, questionTerms(question.text), -1);
  cluster.count = Math.max(0, cluster.count - 1);
  const candidates = [...cluster.examples, ...others].filter((e) => e.commentId !== question.commentId);
  refreshExamples(cluster, candidates);
}

/** Keeps the examples closest to the centroid, and makes the closest the question unless it is fixed. */
function refreshExamples(cluster: Cluster, candidates: readonly FaqExample[]): void {
  const unique = [...new Map(candidates.map((e) => [e.commentId, e])).values()];
  const ranked = unique
    .map((example) => ({ example, similarity: cosine(questionTerms(example.text), cluster.centroid) }))
    .sort((a, b) => b.similarity - a.similarity || (a.example.commentId < b.example.commentId ? -1 : 1));
  cluster.examples = ranked.slice(0, MAX_EXAMPLES).map((r) => r.example);
  if (!cluster.questionFixed && cluster.examples[0]) cluster.question = cluster.examples[0].text;
}
