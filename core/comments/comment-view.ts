import type { z } from 'zod';
import type { CommentView as CommentReply, ModelLabels as ModelLabelsReply } from '../contract/comment-replies';
import type { Comment } from '../db';
import type { LatestCorrection } from './effective-labels';

/** What the model said about a comment (core/contract/comment-replies.ts); null until it is classified. */
export type ModelLabels = z.input<typeof ModelLabelsReply>;

/**
 * A comment as clients see it (core/contract/comment-replies.ts). The top-level labels are what
 * it effectively is: a person's latest correction of each label, else the model's. `labels`
 * (model) and `correction` (people) stay apart, so the dashboard can show both and retraining
 * knows which is which.
 */
export type CommentView = z.input<typeof CommentReply>;

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
