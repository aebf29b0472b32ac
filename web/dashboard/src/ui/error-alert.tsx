import { ApiError } from '../api/api-error';
import { errorSentence } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';

/**
 * Why something failed, in the UI language (errorSentence). The API's code is kept on the
 * element (`data-error-code`) for support to read, not shown: a code is not words.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-error-code={error instanceof ApiError ? error.code : undefined}>
      <strong>{i18n.t('error.title')}</strong> {errorSentence(i18n, error)}
    </div>
  );
}
