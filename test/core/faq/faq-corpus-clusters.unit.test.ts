import { readFileSync } from 'node:fs';
import { placeQuestions, type Cluster, type Question } from '../../../core/faq/faq-clusters';

/**
 * How the clustering shapes entries on real comments (../shared/data/nlp/comments-real-labelled.jsonl:
 * the substantive, non-spam questions, grouped per topic and language as the assignment groups
 * them). Prints entries, singletons and comments per entry, the figures the join threshold was
 * judged by, and pins the ones a change must not make worse.
 */
interface Row {
  text: string;
  lang: string;
  is_question: boolean;
  substantive: boolean;
  spam: boolean;
  topic: string;
}

const rows: Row[] = readFileSync(`${__dirname}/../../../../shared/data/nlp/comments-real-labelled.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => r.is_question && r.substantive && !r.spam);

function clusterAll(groupKey: (r: Row) => string): Cluster[] {
  const groups = new Map<string, Question[]>();
  rows.forEach((r, i) => {
    const key = groupKey(r);
    groups.set(key, [...(groups.get(key) ?? []), { commentId: String(i), text: r.text }]);
  });
  return [...groups.values()].flatMap((questions) => {
    const clusters: Cluster[] = [];
    placeQuestions(clusters, questions);
    return clusters;
  });
}

const figures = (clusters: Cluster[]) => ({
  comments: clusters.reduce((n, c) => n + c.count, 0),
  entries: clusters.length,
  singletons: clusters.filter((c) => c.count === 1).length,
  perEntry: Number((clusters.reduce((n, c) => n + c.count, 0) / clusters.length).toFixed(2)),
  largest: Math.max(...clusters.map((c) => c.count)),
});

describe('FAQ clustering on real comments', () => {
  it('never puts Polish and English questions in one entry, and says what that costs', () => {
    const byLanguage = figures(clusterAll((r) => `${r.topic}/${r.lang}`));
    const mixed = figures(clusterAll((r) => r.topic));
    console.log(`real questions: per topic and language ${JSON.stringify(byLanguage)}; per topic only ${JSON.stringify(mixed)}`);
    expect(byLanguage.comments).toBe(rows.length);
    // Separating languages may only add entries (the Polish ones), never lose comments.
    expect(byLanguage.entries).toBeGreaterThanOrEqual(mixed.entries);
  });
});
