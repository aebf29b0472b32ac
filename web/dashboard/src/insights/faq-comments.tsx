import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError } from '../api/api-error';
import type { FaqEntry } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { useLoad } from '../ui/use-load';

interface FaqComment {
  id: string;
  text: string;
  author: string | null;
  postedAt: string | null;
  platform: string;
  permalink: string | null;
}

/**
 * The comments behind an entry, with who wrote them, when and where (a link to the comment on
 * its platform), so a reviewer can judge them; ticking some splits them off into a new entry.
 */
export function FaqComments({ entry, onSplit }: { entry: FaqEntry; onSplit: (created: FaqEntry) => void }) {
  const api = useApi();
  const { t, dateTime } = useI18n();
  const loaded = useLoad(() => api.get<{ items: FaqComment[] }>(`/api/v1/faq/${entry.id}/comments`), [api, entry.id, entry.count]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string, on: boolean) => setChosen((old) => new Set([...old].filter((c) => c !== id).concat(on ? [id] : [])));

  const split = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.send<{ entry: FaqEntry; created: FaqEntry }>('POST', `/api/v1/faq/${entry.id}/split`, { commentIds: [...chosen] });
      setChosen(new Set());
      onSplit(result.created);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    } finally {
      setBusy(false);
    }
  };

  if (!loaded.data) return loaded.error ? <ErrorAlert error={loaded.error} /> : <p role="status">{t('common.loading')}</p>;
  const items = loaded.data.items;
  const heading = `faq-comments-${entry.id}`;
  return (
    <div className="faq-comments">
      <h4 id={heading}>{t('faq.comments', { n: items.length })}</h4>
      <ul aria-labelledby={heading}>
        {items.map((c) => (
          <li key={c.id}>
            {items.length > 1 && (
              <input
                type="checkbox"
                aria-label={t('faq.selectComment', { text: c.text })}
                checked={chosen.has(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
            )}
            <div>
              <q>{c.text}</q>
              <p className="hint">
                {c.author ?? t('faq.anonymous')}
                {c.postedAt && <> · {dateTime(c.postedAt)}</>} ·{' '}
                {c.permalink ? (
                  <a href={c.permalink} target="_blank" rel="noopener noreferrer">
                    {c.platform}
                  </a>
                ) : (
                  c.platform
                )}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {items.length > 1 && (
        <button type="button" onClick={split} disabled={busy || chosen.size === 0 || chosen.size === items.length}>
          {t('faq.split', { n: chosen.size })}
        </button>
      )}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
