import { COMMENT_LANGS } from './comment-classification';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';

/**
 * The models behind a classification, one linear "head" each over the same hashed features
 * (extracted once per comment). Sentiment has one head per language: the corpora differ by
 * language in classes (only Polish has a corpus with "mixed") and in domain, and separate
 * heads keep 170k English rows from outweighing 20k Polish ones. Polish has three more heads
 * that read a long text's sentences, opening and closing, for the review stacker
 * (review-sentiment.ts).
 */
export const HEAD_NAMES = [
  'language',
  'sentimentPl',
  'sentimentPlSentence',
  'sentimentPlOpening',
  'sentimentPlClosing',
  'sentimentEn',
  'question',
  'topic',
  'spam',
  'substantive',
] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

export const BINARY_CLASSES = ['no', 'yes'] as const;

export interface HeadDefinition {
  classes: readonly string[];
  /** 2^bits weight columns: more for the heads trained on large corpora, fewer to keep the rest small. */
  bits: number;
  /** Every head but the language detector also sees the comment's language as a feature. */
  seesLanguage: boolean;
}

export const HEADS: Record<HeadName, HeadDefinition> = {
  language: { classes: COMMENT_LANGS, bits: 18, seesLanguage: false },
  sentimentPl: { classes: COMMENT_SENTIMENTS, bits: 20, seesLanguage: true },
  sentimentPlSentence: { classes: COMMENT_SENTIMENTS, bits: 20, seesLanguage: true },
  sentimentPlOpening: { classes: COMMENT_SENTIMENTS, bits: 20, seesLanguage: true },
  sentimentPlClosing: { classes: COMMENT_SENTIMENTS, bits: 20, seesLanguage: true },
  sentimentEn: { classes: COMMENT_SENTIMENTS, bits: 20, seesLanguage: true },
  question: { classes: BINARY_CLASSES, bits: 18, seesLanguage: true },
  topic: { classes: COMMENT_TOPICS, bits: 18, seesLanguage: true },
  spam: { classes: BINARY_CLASSES, bits: 18, seesLanguage: true },
  substantive: { classes: BINARY_CLASSES, bits: 18, seesLanguage: true },
};
