import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';

/** Registers a creator on the spot, so an upload never waits for another screen. */
export function CreatorForm({ onCreated }: { onCreated: (creator: Creator) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [handle, setHandle] = useState('');
  const [platform, setPlatform] = useState('instagram');
  const [followers, setFollowers] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const creator = await api.send<Creator>('POST', '/api/v1/creators', { handle, platform, followers: Number(followers || 0) });
      setError(null);
      setHandle('');
      setFollowers('');
      onCreated(creator);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  };
  const errorFor = (field: string) =>
    error?.issues.find((i) => i.field === field)?.message ?? (error && error.issues.length === 0 && field === 'handle' ? error.message : undefined);

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('creator.add')}>
      <Field label={t('creator.handle')} error={errorFor('handle')}>
        <input value={handle} onChange={(e) => setHandle(e.target.value)} required />
      </Field>
      <Field label={t('creator.platform')} error={errorFor('platform')}>
        <select value={platform} onChange={(e) => setPlatform(e.target.value)}>
          {['instagram', 'tiktok', 'youtube', 'facebook', 'pinterest'].map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </Field>
      <Field label={t('creator.followers')} error={errorFor('followers')}>
        <input type="number" min={0} inputMode="numeric" value={followers} onChange={(e) => setFollowers(e.target.value)} />
      </Field>
      <button type="submit">{t('creator.add')}</button>
    </form>
  );
}
