/** One measured figure of bench:nlp, as printed and as --record writes it to models/nlp/benchmark.json. */
export interface Figure {
  name: string;
  value: number;
  unit: '%' | 'F1' | '/s' | 's' | 'MB' | 'per group';
  target?: { value: number; atMost?: boolean };
  reference?: string;
  how: string;
}
