import { z } from 'zod';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../vocabulary/comment-labels';
import { instant } from './fields';

const Scores = z.record(z.string(), z.number().describe('Probability, 0 to 1'));

/** What the models said about a comment, and which models said it. */
export const ModelLabels = z.object({
  lang: z.string().nullable().describe('The language detected: pl, en or other'),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable().describe('The sentiment the model chose'),
  sentimentScores: Scores.nullable().describe('Probability of each sentiment, 0 to 1'),
  isQuestion: z.boolean().nullable().describe('Whether the model read it as a question'),
  questionScore: z.number().nullable().describe('Probability that it is a question, 0 to 1'),
  topic: z.enum(COMMENT_TOPICS).nullable().describe('The topic the model chose'),
  topicScores: Scores.nullable().describe('Probability of each topic, 0 to 1'),
  spam: z.boolean().nullable().describe('Whether the model read it as spam'),
  spamScore: z.number().nullable().describe('Probability that it is spam, 0 to 1'),
  substantive: z.boolean().nullable().describe('Whether it says something about the product (not just an emoji or a tag)'),
  substantiveScore: z.number().nullable().describe('Probability that it is substantive, 0 to 1'),
  modelVersion: z.string().describe('The models that labelled it'),
  classifiedAt: instant('When it was classified'),
});

export const CommentView = z.object({
  id: z.uuid().describe('The comment’s id'),
  platform: z.string().describe('Where it was posted, e.g. tiktok or instagram'),
  externalId: z.string().describe('Its id on that platform; (platform, externalId) is unique'),
  text: z.string().describe('The comment as written'),
  author: z.string().nullable().describe('The commenter’s handle, when the import gave it'),
  permalink: z.string().nullable().describe('The comment on its platform, when the import gave it'),
  postedAt: instant('When it was posted').nullable(),
  importedAt: instant('When it was imported'),
  assetId: z.uuid().nullable().describe('The asset it was left under, when known'),
  productSku: z.string().nullable().describe('The product it is about, when known'),
  faqEntryId: z.uuid().nullable().describe('The FAQ entry whose question it asks; null when none'),
  lang: z.string().nullable().describe('Its language: pl, en or other; null until classified'),
  topic: z.enum(COMMENT_TOPICS).nullable().describe('Effective: the latest correction, else the model'),
  sentiment: z.enum(COMMENT_SENTIMENTS).nullable().describe('Effective: the latest correction, else the model'),
  isQuestion: z.boolean().nullable().describe('Effective: the latest correction, else the model'),
  spam: z.boolean().nullable().describe('Effective: the latest correction, else the model'),
  labels: ModelLabels.nullable().describe("The model's output; null until classified"),
  correction: z.record(z.string(), z.unknown()).nullable().describe('The labels people set (latest of each); null when none'),
});
