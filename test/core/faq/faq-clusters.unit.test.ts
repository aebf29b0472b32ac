import { clusterOf, JOIN_THRESHOLD, leave, MAX_EXAMPLES, placeQuestions, type Cluster, type Question } from '../../../core/faq/faq-clusters';
import { questionTerms } from '../../../core/faq/question-terms';
import { cosine } from '../../../core/faq/term-vector';

let next = 0;
const questions = (...texts: string[]): Question[] => texts.map((text) => ({ commentId: `c${String(++next).padStart(4, '0')}`, text }));

/** The clusters as sets of texts, order-free, for comparing groupings. */
const groups = (placed: Map<Question, Cluster>): string[][] => {
  const byCluster = new Map<Cluster, string[]>();
  for (const [q, c] of placed) byCluster.set(c, [...(byCluster.get(c) ?? []), q.text]);
  return [...byCluster.values()].map((texts) => texts.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
};

const SIZE = [
  'Jaki rozmiar wybrać?',
  'czy L będzie pasować na 180 cm',
  'What size should I get?',
  'jaki rozmiar bierze sie przy 180 cm wzrostu',
  'Do they run true to size? I am usually a 43',
];
const SHIPPING = ['Czy wysyłacie do Niemiec?', 'How long does shipping take?', 'ile trwa wysylka do UK', 'Do you deliver to Austria?'];
const WASHING = ['Czy ta koszulka nie kurczy się po praniu?', 'Does it shrink in the wash?', 'w jakiej temperaturze prać'];

describe('questionTerms', () => {
  it('folds diacritics and Polish typed without them to the same terms', () => {
    expect(questionTerms('Jaki rozmiar wybrać?')).toEqual(questionTerms('jaki rozmiar wybrac'));
    expect(questionTerms('Ile trwa wysyłka?')).toEqual(questionTerms('ile trwa wysylka'));
  });

  it('keeps what a question is about and drops stop words and question words', () => {
    const terms = Object.keys(questionTerms('What size should I get?'));
    expect(terms).toEqual(expect.arrayContaining(['#size', 'size']));
    expect(terms).not.toContain('what');
    expect(terms).not.toContain('should');
  });

  it('gives Polish and English questions about one concern a shared term, and different concerns none', () => {
    expect(cosine(questionTerms('jaki rozmiar wybrać'), questionTerms('what size should I get'))).toBeGreaterThan(JOIN_THRESHOLD);
    expect(cosine(questionTerms('jaki rozmiar wybrać'), questionTerms('czy wysyłacie do Niemiec'))).toBe(0);
  });

  it('is an L2-normalised vector, empty for a text with nothing meaningful', () => {
    expect(Math.hypot(...Object.values(questionTerms('Does it shrink in the wash?')))).toBeCloseTo(1, 10);
    expect(questionTerms('?? czy to jest to')).toEqual({});
  });
});

describe('placeQuestions', () => {
  it('groups size questions in Polish and English apart from shipping and washing questions', () => {
    const placed = placeQuestions([], questions(...SIZE, ...SHIPPING, ...WASHING));
    expect(groups(placed)).toEqual([SIZE, SHIPPING, WASHING].map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });

  it('is deterministic: the same questions in the same order give the same clusters', () => {
    const texts = [...WASHING, ...SIZE, ...SHIPPING];
    const once = placeQuestions([], questions(...texts));
    next -= texts.length; // the same comment ids again
    const again = placeQuestions([], questions(...texts));
    const summary = (placed: Map<Question, Cluster>) =>
      [...new Set(placed.values())].map((c) => ({ q: c.question, n: c.count, ex: c.examples, centroid: c.centroid }));
    expect(summary(again)).toEqual(summary(once));
  });

  it('adds to existing clusters incrementally: later questions join the entry their kind is in', () => {
    const clusters: Cluster[] = [];
    placeQuestions(clusters, questions(SIZE[0]!, SHIPPING[0]!));
    expect(clusters).toHaveLength(2);
    const later = placeQuestions(clusters, questions(SIZE[2]!, SHIPPING[1]!, 'Is it waterproof?'));
    expect(clusters).toHaveLength(3);
    expect(later.get([...later.keys()][0]!)).toBe(clusters[0]);
    expect(later.get([...later.keys()][1]!)).toBe(clusters[1]);
    expect(clusters.map((c) => c.count)).toEqual([2, 2, 1]);
  });

  it('keeps at most MAX_EXAMPLES examples, the most central first, and makes the most central the question', () => {
    const many = [
      'jaki rozmiar wybrać',
      'jaki rozmiar wybrać przy 180 cm',
      'rozmiar M czy L?',
      'what size for 180 cm',
      'what size should I order',
      'size M or L for 75 kg',
      'który rozmiar będzie dobry',
      'rozmiar L czy XL przy 185 cm wzrostu',
    ];
    const [cluster] = [...new Set(placeQuestions([], questions(...many)).values())];
    expect(cluster!.count).toBe(many.length);
    expect(cluster!.examples).toHaveLength(MAX_EXAMPLES);
    const similarities = cluster!.examples.map((e) => cosine(questionTerms(e.text), cluster!.centroid));
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(cluster!.question).toBe(cluster!.examples[0]!.text);
  });

  it('never replaces a question a person wrote, nor the question of a reviewed entry', () => {
    const entry = {
      id: 'e1',
      status: 'draft',
      commentCount: 1,
      centroid: questionTerms('jaki rozmiar wybrać'),
      examples: [{ commentId: 'x1', text: 'jaki rozmiar wybrać' }],
    };
    const edited = clusterOf({ ...entry, question: 'Jaki rozmiar wybrać do mojego wzrostu?' });
    const published = clusterOf({ ...entry, status: 'published', question: 'jaki rozmiar wybrać' });
    const automatic = clusterOf({ ...entry, question: 'jaki rozmiar wybrać' });
    for (const cluster of [edited, published, automatic])
      placeQuestions([cluster], questions('what size should I get for 180 cm', 'rozmiar L przy 180 cm?', 'size L for 180 cm?'));
    expect(edited.question).toBe('Jaki rozmiar wybrać do mojego wzrostu?');
    expect(published.question).toBe('jaki rozmiar wybrać');
    expect(automatic.examples.map((e) => e.text)).toContain(automatic.question);
    expect(edited.count).toBe(4);
  });
});

describe('leave', () => {
  it('undoes a join: the centroid, count and examples return to what they were', () => {
    const clusters: Cluster[] = [];
    const [a, b] = questions('jaki rozmiar wybrać', 'what size should I get');
    placeQuestions(clusters, [a!]);
    const before = structuredClone(clusters[0]!);
    placeQuestions(clusters, [b!]);
    expect(clusters[0]!.count).toBe(2);
    leave(clusters[0]!, b!);
    expect(clusters[0]!.count).toBe(1);
    expect(clusters[0]!.examples).toEqual(before.examples);
    for (const [term, w] of Object.entries(before.centroid)) expect(clusters[0]!.centroid[term]).toBeCloseTo(w, 10);
    expect(Object.keys(clusters[0]!.centroid).sort()).toEqual(Object.keys(before.centroid).sort());
  });
});
