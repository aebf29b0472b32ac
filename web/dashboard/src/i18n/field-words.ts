import type { MessageKey } from './messages-en';
import type { Words } from './reason-sentence';

/**
 * Fields the API may name in `details.issues`, as words ("the creator", not "creatorId"), for
 * fields without sentences of their own (field-sentences.ts).
 */
const FIELD_WORDS: Record<string, MessageKey> = {
  creatorId: 'field.creatorId',
  handle: 'field.handle',
  platform: 'field.platform',
  followers: 'field.followers',
  file: 'field.file',
  productSkus: 'field.productSkus',
  title: 'field.title',
  cuts: 'field.cuts',
};

/** The field as words ("the handle"), or null when it has none. */
export function fieldWords(t: Words['t'], field: string | null): string | null {
  const key = FIELD_WORDS[field?.split('.')[0] ?? ''];
  return key ? t(key) : null;
}
