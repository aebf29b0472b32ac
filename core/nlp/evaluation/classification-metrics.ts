/** Scores of predicted against true class indices, the usual definitions. */
export interface Scored {
  truth: number;
  predicted: number;
}

export const accuracy = (rows: readonly Scored[]): number => rows.filter((r) => r.truth === r.predicted).length / Math.max(1, rows.length);

/** Recall of one class: of the rows truly `c`, the share predicted `c`. */
export function recall(rows: readonly Scored[], c: number): number {
  const actual = rows.filter((r) => r.truth === c);
  return actual.filter((r) => r.predicted === c).length / Math.max(1, actual.length);
}

export function precision(rows: readonly Scored[], c: number): number {
  const predicted = rows.filter((r) => r.predicted === c);
  return predicted.filter((r) => r.truth === c).length / Math.max(1, predicted.length);
}

export function f1(rows: readonly Scored[], c: number): number {
  const p = precision(rows, c);
  const r = recall(rows, c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Mean over the classes that occur in the truth (a class absent from a test set is not scored). */
export const macroRecall = (rows: readonly Scored[]): number => meanOverPresent(rows, recall);
export const macroF1 = (rows: readonly Scored[]): number => meanOverPresent(rows, f1);

function meanOverPresent(rows: readonly Scored[], metric: (rows: readonly Scored[], c: number) => number): number {
  const present = [...new Set(rows.map((r) => r.truth))];
  return present.reduce((sum, c) => sum + metric(rows, c), 0) / Math.max(1, present.length);
}
