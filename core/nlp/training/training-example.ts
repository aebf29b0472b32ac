import type { CommentLang } from '../comment-classification';

/** One row a head learns from: a text, its class, how much it counts, and where it came from. */
export interface TrainingExample {
  text: string;
  /** Known language (corpus, seed, or detected for corrections); the other heads see it as a feature. */
  lang?: CommentLang;
  label: string;
  weight: number;
  /**
   * "polemo", "seeds:product-comments-pl", "correction"…: benchmarks hold out by source, and
   * never score a model on rows it trained on.
   */
  source: string;
}
