import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { createApiClient } from '../api/api-client';
import { codeSentence } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';

/**
 * Signing in is proving the key works: one cheap authenticated call. There is no session on
 * the server; the key itself is sent with every request.
 */
export function SignInScreen({ onSignedIn }: { onSignedIn: (key: string, remember: boolean) => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError(t('signIn.missingKey'));
    setBusy(true);
    setError(undefined);
    try {
      await createApiClient(trimmed, () => undefined).get('/api/v1/assets?limit=1');
      onSignedIn(trimmed, remember);
    } catch (err) {
      // No connection, a server error: in words, like every other error (never the browser's "Failed to fetch").
      setError(err instanceof ApiError && err.status === 401 ? t('signIn.badKey') : codeSentence(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('signIn.title')}>
      <form className="card sign-in" onSubmit={submit} noValidate>
        <p>{t('signIn.intro')}</p>
        <Field label={t('signIn.key')} hint={t('signIn.keyHint')} error={error}>
          <input type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('signIn.remember')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
      </form>
    </Screen>
  );
}
