import type { FieldIssue } from '../api/api-error';
import { FIELD_SENTENCES, type FieldSentences } from './field-sentences';
import { fieldWords } from './field-words';
import type { MessageKey } from './messages-en';
import type { Words } from './reason-sentence';

/**
 * One problem the API found with a field, as a sentence in the UI language that names the
 * field and says what to do ("Pick at least one channel."), from the field and the kind of
 * problem, never from the validator's `message`. A field with no sentences of its own gets the
 * general one naming it, or, unnamed, the form's.
 */
export function issueSentence(t: Words['t'], issue: FieldIssue): string {
  const sentences = sentencesOf(issue.field);
  if (!sentences) return unknownFieldSentence(t, issue.field);
  return t(keyFor(sentences, issue), limitsOf(issue));
}

/** Whether the field has sentences of its own (else it is only named: "Something is not valid: the handle"). */
export const hasSentences = (field: string | null): boolean => sentencesOf(field) !== undefined;

/**
 * The first sentence for each control of a form, given which control shows a field (several
 * fields may share one: `fee.amount` and `fee.currency` are both the fee).
 */
export function sentencesByField<F extends string>(
  t: Words['t'],
  issues: readonly FieldIssue[],
  controlOf: (field: string | null) => F,
): Partial<Record<F, string>> {
  const byControl: Partial<Record<F, string>> = {};
  for (const issue of issues) byControl[controlOf(issue.field)] ??= issueSentence(t, issue);
  return byControl;
}

/** The sentences of the most precise path known: `terms.territories.3` → `territories.*` → `territories`. */
function sentencesOf(field: string | null): FieldSentences | undefined {
  const parts = (field ?? '')
    .replace(/^terms\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? '*' : part));
  for (let n = parts.length; n > 0; n--) {
    const found = FIELD_SENTENCES[parts.slice(0, n).join('.')];
    if (found) return found;
  }
  return undefined;
}

/** The kind's sentence when the field has one (a limit's only when the API gave the limit), else the field's general one. */
function keyFor(sentences: FieldSentences, issue: FieldIssue): MessageKey {
  if (issue.kind === 'too_small' && typeof issue.minimum === 'number') return sentences.too_small ?? sentences.other;
  if (issue.kind === 'too_big' && typeof issue.maximum === 'number') return sentences.too_big ?? sentences.other;
  if (issue.kind === 'custom') return sentences.custom ?? sentences.other;
  return sentences.other;
}

function unknownFieldSentence(t: Words['t'], field: string | null): string {
  const words = fieldWords(t, field);
  return words ? t('apiError.invalid', { fields: words }) : t('apiError.invalidAny');
}

/** `{min}` and `{max}` for sentences that say the limit (the API sends them with too_small/too_big). */
function limitsOf(issue: FieldIssue): Record<string, number> {
  return {
    ...(typeof issue.minimum === 'number' ? { min: issue.minimum } : {}),
    ...(typeof issue.maximum === 'number' ? { max: issue.maximum } : {}),
  };
}
