import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

/** Why something failed, as the API said it (its code stays visible for support). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t('error.title')}</strong> {message}
      {code && <code className="error-code">{code}</code>}
    </div>
  );
}
