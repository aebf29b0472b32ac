import type { CommentSentiment, CommentTopic } from '../../vocabulary/comment-labels';
import { COMMENT_LANGS, type CommentLang } from '../comment-classification';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../vocabulary/comment-labels';

/**
 * A comment with whichever labels someone gave it: a seed example the project wrote, or a
 * content manager's correction. A missing label says nothing (not "no").
 */
export interface LabelledComment {
  text: string;
  lang?: CommentLang;
  topic?: CommentTopic;
  sentiment?: CommentSentiment;
  isQuestion?: boolean;
  spam?: boolean;
  substantive?: boolean;
}

/** What `trainCommentModels` accepts as human corrections (the API's PATCH fields). */
export type CorrectionExample = Pick<LabelledComment, 'text' | 'lang' | 'topic' | 'sentiment' | 'isQuestion' | 'spam'>;

/** The row itself if every field is one the models know; otherwise an error saying where and what. */
export function checkedLabels(row: LabelledComment, where: string): LabelledComment {
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  if (typeof row !== 'object' || row === null) fail('not an object');
  if (typeof row.text !== 'string' || row.text.trim() === '') fail('text is missing');
  if (row.lang !== undefined && !COMMENT_LANGS.includes(row.lang)) fail(`unknown lang ${String(row.lang)}`);
  if (row.topic !== undefined && !COMMENT_TOPICS.includes(row.topic)) fail(`unknown topic ${String(row.topic)}`);
  if (row.sentiment !== undefined && !COMMENT_SENTIMENTS.includes(row.sentiment)) fail(`unknown sentiment ${String(row.sentiment)}`);
  for (const flag of ['isQuestion', 'spam', 'substantive'] as const) {
    if (row[flag] !== undefined && typeof row[flag] !== 'boolean') fail(`${flag} must be true or false`);
  }
  return row;
}
