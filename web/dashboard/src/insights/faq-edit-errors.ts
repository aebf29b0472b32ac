import { ApiError } from '../api/api-error';
import { codeSentence } from '../i18n/error-sentence';
import { sentencesByField } from '../i18n/issue-sentence';
import type { Words } from '../i18n/reason-sentence';

/** Where a refused FAQ edit shows: at the question, at the answer, or under the buttons. */
export type FaqEditErrors = Partial<Record<'question' | 'answer' | 'form', string>>;

/**
 * A refused FAQ edit in sentences: the API's issues at their field, publishing without an answer
 * at the answer, any other refusal (a step its status does not allow, a dismissed entry) under
 * the buttons; never the API's wording or code.
 */
export function faqEditErrors(t: Words['t'], error: unknown): FaqEditErrors {
  if (!(error instanceof ApiError)) return { form: codeSentence(t, error) };
  if (error.issues.length > 0) return sentencesByField(t, error.issues, controlOf);
  return { [error.code === 'answer_required' ? 'answer' : 'form']: codeSentence(t, error) };
}

const controlOf = (field: string | null): keyof FaqEditErrors => {
  const first = field?.split('.')[0];
  return first === 'question' || first === 'answer' ? first : 'form';
};
