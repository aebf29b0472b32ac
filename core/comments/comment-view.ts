import type { Comment, CommentSentiment, CommentTopic } from '../db';
import type { LatestCorrection } from './effective-labels';

/** What the model said about a comment; null until it is classified. */
export interface ModelLabels {
  lang: string | null;
  sentiment: CommentSentiment | null;
  sentimentScores: Record<string, number> | null;
  isQuestion: boolean | null;
  questionScore: number | null;
  topic: CommentTopic | null;
  topicScores: Record<string, number> | null;
  spam: boolean | null;
  spamScore: number | null;
  substantive: boolean | null;
  substantiveScore: number | null;
  modelVersion: string;
  classifiedAt: string;
}

/**
 * A comment as clients see it. The top-level labels are what it effectively is: a person's
 * latest correction of each label, else the model's. `labels` (model) and `correction` (people)
 * stay apart, so the dashboard can show both and retraining knows which is which.
 */
export interface CommentView {
  id: string;
  platform: string;
  externalId: string;
  text: string;
  author: string | null;
  permalink: string | null;
  postedAt: string | null;
  importedAt: string;
  assetId: string | null;
  productSku: string | null;
  faqEntryId: string | null;
  lang: string | null;
  topic: CommentTopic | null;
  sentiment: CommentSentiment | null;
  isQuestion: boolean | null;
  spam: boolean | null;
  labels: ModelLabels | null;
  /** Only the labels people have set; null when none has. */
  correction: Partial<Record<keyof LatestCorrection, unknown>> | null;
}

export function commentView(row: Comment, fixes: LatestCorrection | null): CommentView {
  const correction = fixes ? Object.fromEntries(Object.entries(fixes).filter(([, v]) => v !== null)) : {};
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    text: row.text,
    author: row.author,
    permalink: row.permalink,
    postedAt: row.postedAt?.toISOString() ?? null,
    importedAt: row.importedAt.toISOString(),
    assetId: row.assetId,
    productSku: row.productSku,
    faqEntryId: row.faqEntryId,
    lang: row.lang,
    topic: fixes?.topic ?? row.topic,
    sentiment: fixes?.sentiment ?? row.sentiment,
    isQuestion: fixes?.isQuestion ?? row.isQuestion,
    spam: fixes?.spam ?? row.spam,
    labels: modelLabels(row),
    correction: Object.keys(correction).length ? correction : null,
  };
}

function modelLabels(row: Comment): ModelLabels | null {
  if (!row.classifiedAt || !row.modelVersion) return null;
  return {
    lang: row.lang,
    sentiment: row.sentiment,
    sentimentScores: row.sentimentScores,
    isQuestion: row.isQuestion,
    questionScore: row.questionScore,
    topic: row.topic,
    topicScores: row.topicScores,
    spam: row.spam,
    spamScore: row.spamScore,
    substantive: row.substantive,
    substantiveScore: row.substantiveScore,
    modelVersion: row.modelVersion,
    classifiedAt: row.classifiedAt.toISOString(),
  };
}
