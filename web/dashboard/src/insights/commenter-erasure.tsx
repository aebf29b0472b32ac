import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import { codeSentence } from '../i18n/error-sentence';
import { useI18n, type I18n } from '../i18n/i18n';
import { ConfirmButton } from '../ui/confirm-button';
import { Field } from '../ui/field';

/** Platforms comments are usually imported from, offered as suggestions (any other may be typed). */
const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'facebook'];

/**
 * A commenter's erasure (RODO/GDPR): every comment by one author on one platform, on every
 * product, after a question that says it cannot be undone; then how many went. The FAQ entries
 * and charts follow (`onErased`).
 */
export function CommenterErasure({ onErased }: { onErased: () => void }) {
  const api = useApi();
  const { t, number } = useI18n();
  const [platform, setPlatform] = useState('instagram');
  const [author, setAuthor] = useState('');
  const [errors, setErrors] = useState<{ platform?: string; author?: string }>({});
  const [outcome, setOutcome] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLDivElement>(null);
  const who = author.trim().replace(/^@+/, '');
  const where = platform.trim().toLowerCase();

  const canAsk = () => {
    const missing = { ...(!where && { platform: t('erasure.needPlatform') }), ...(!who && { author: t('erasure.needAuthor') }) };
    setErrors(missing);
    setOutcome('');
    setError(null);
    return Object.keys(missing).length === 0;
  };

  // The first field with a message takes focus once it is marked.
  useEffect(() => {
    if (errors.platform || errors.author) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const erase = async () => {
    try {
      const { erased } = await api.send<{ erased: number }>('POST', '/api/v1/comments/erase', { platform: where, author: who });
      setOutcome(erased === 0 ? t('erasure.none', { author: who, platform: where }) : t('erasure.done', { n: number(erased), author: who, platform: where }));
      if (erased > 0) {
        setAuthor('');
        onErased();
      }
    } catch (err) {
      setError(erasureError(t, err));
    }
  };

  return (
    <section className="card commenter-erasure" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading">{t('erasure.title')}</h2>
      <p className="hint">{t('erasure.intro')}</p>
      <div ref={form} className="inline-form">
        <Field label={t('erasure.platform')} error={errors.platform}>
          <input list="erasure-platforms" value={platform} onChange={(e) => setPlatform(e.target.value)} autoCapitalize="off" spellCheck={false} />
        </Field>
        <datalist id="erasure-platforms">
          {PLATFORMS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Field label={t('erasure.author')} hint={t('erasure.authorHint')} error={errors.author}>
          <input value={author} onChange={(e) => setAuthor(e.target.value)} autoCapitalize="off" autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <ConfirmButton
        label={t('erasure.erase')}
        question={t('erasure.question', { author: who, platform: where })}
        warning={t('erasure.warning')}
        yes={t('erasure.yes')}
        yesBusy={t('erasure.erasing')}
        no={t('erasure.no')}
        canAsk={canAsk}
        onConfirm={erase}
      />
      <p role="status" className="saved-status">
        {outcome}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function erasureError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('erasure.forbidden');
    if (error.status === 422) return t('erasure.invalid');
    if (error.status === 0) return t('lifeCycle.offline');
  }
  return codeSentence(t, error);
}
