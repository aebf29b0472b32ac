import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { ApiClient } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { Creator } from '../api/api-types';
import { creatorFormProblems, creatorRefusal, type CreatorField } from '../creators/creator-form';
import { errorSentence } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-en';
import { Field } from '../ui/field';

const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'facebook', 'pinterest'];

/** The creator a 409 says already has this handle (the API names it in `details.creatorId`). */
export interface ExistingCreator {
  id: string | null;
  handle: string;
  platform: string;
}

/**
 * Registers a creator on the spot, so an upload never waits for another screen. Problems are
 * said at their field before anything is sent; a handle the platform already has says which
 * creator that is and offers to choose them instead (`onChooseExisting`).
 */
export function CreatorForm({ onCreated, onChooseExisting }: { onCreated: (creator: Creator) => void; onChooseExisting: (creatorId: string) => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [handle, setHandle] = useState('');
  const [platform, setPlatform] = useState('instagram');
  const [followers, setFollowers] = useState('');
  const [problems, setProblems] = useState<Partial<Record<CreatorField, string>>>({});
  const [existing, setExisting] = useState<ExistingCreator | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setExisting(null);
    const found = creatorFormProblems({ handle, followers: followers.trim() || '0', engagement: '', contactEmail: '' });
    setProblems(wordsFor(t, found));
    if (Object.keys(found).length > 0) return;
    try {
      const creator = await api.send<Creator>('POST', '/api/v1/creators', { handle: handle.trim(), platform, followers: Number(followers.trim() || 0) });
      setHandle('');
      setFollowers('');
      onCreated(creator);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'creator_exists') {
        setExisting(await existingCreator(api, err, handle, platform));
        return;
      }
      const refusal = creatorRefusal(err);
      setProblems(refusal ? wordsFor(t, refusal) : { form: errorSentence(i18n, err) });
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('creator.add')} noValidate>
      <Field label={t('creator.handle')} hint={t('creatorEdit.handleHint')} error={problems.handle}>
        <input value={handle} onChange={(e) => setHandle(e.target.value)} autoComplete="off" />
      </Field>
      <Field label={t('creator.platform')}>
        <select value={platform} onChange={(e) => setPlatform(e.target.value)}>
          {PLATFORMS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </Field>
      <Field label={t('creator.followers')} error={problems.followers}>
        <input type="number" min={0} inputMode="numeric" value={followers} onChange={(e) => setFollowers(e.target.value)} />
      </Field>
      <button type="submit">{t('creator.add')}</button>
      {problems.form && (
        <p className="field-error" role="alert">
          {problems.form}
        </p>
      )}
      {existing && (
        <div className="alert alert-warn" role="alert">
          <p>{t('creator.exists', { handle: existing.handle, platform: existing.platform })}</p>
          {existing.id && (
            <button type="button" onClick={() => existing.id && onChooseExisting(existing.id)}>
              {t('creator.chooseExisting', { handle: existing.handle })}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** The creator the 409 names, as stored (a look-alike handle may differ from what was typed); else what was typed. */
async function existingCreator(api: ApiClient, err: ApiError, typed: string, onPlatform: string): Promise<ExistingCreator> {
  const id = typeof err.details.creatorId === 'string' ? err.details.creatorId : null;
  const stored = id ? await api.get<Creator>(`/api/v1/creators/${id}`).catch(() => null) : null;
  return { id, handle: stored?.handle ?? typed.trim().replace(/^@+/, ''), platform: stored?.platform ?? onPlatform };
}

const wordsFor = (t: (key: MessageKey) => string, keys: Partial<Record<CreatorField, MessageKey>>): Partial<Record<CreatorField, string>> =>
  Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key)]));
