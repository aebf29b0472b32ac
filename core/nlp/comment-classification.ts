import type { CommentSentiment, CommentTopic } from '../vocabulary/comment-labels';

export const COMMENT_LANGS = ['pl', 'en', 'other'] as const;
export type CommentLang = (typeof COMMENT_LANGS)[number];

/** One comment to classify; `lang` skips detection when the caller knows it. */
export interface CommentInput {
  text: string;
  lang?: CommentLang;
}

/**
 * Every head's answer for one comment, exactly the shape the `nlp:classify` command prints
 * (API-CONTRACT.md) minus the caller's `id`. Scores are probabilities in [0, 1]; the score maps
 * of one head sum to 1.
 */
export interface CommentClassification {
  lang: CommentLang;
  sentiment: CommentSentiment;
  sentimentScores: Record<CommentSentiment, number>;
  isQuestion: boolean;
  questionScore: number;
  topic: CommentTopic;
  topicScores: Record<CommentTopic, number>;
  spam: boolean;
  spamScore: number;
  substantive: boolean;
  substantiveScore: number;
  modelVersion: string;
}

/** The trained models behind one interface: pure, synchronous, no I/O after loading. */
export interface CommentClassifier {
  readonly modelVersion: string;
  classify(input: CommentInput): CommentClassification;
}
