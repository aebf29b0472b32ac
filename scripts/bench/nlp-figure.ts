/** One measured figure of bench:nlp, as printed and as --record writes it to models/nlp/benchmark.json. */
export interface Figure {
  name: string;
  value: number;
  unit: '%' | 'F1' | '/s' | 's' | 'MB' | 'per group';
  target?: { value: number; atMost?: boolean };
  reference?: string;
  how: string;
  /** The bench:nlp section that measured it (set when recorded: --record replaces a section's figures only). */
  section?: string;
  /** When that section ran (figures of other sections may be older). */
  measuredAt?: string;
}
