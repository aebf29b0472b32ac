import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { TakedownRequest } from '../api/api-types';
import { useI18n, type I18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { Badge } from '../ui/badge';
import { Field } from '../ui/field';
import { announceTakedownChange } from './open-takedowns';
import { codeSentence } from '../i18n/error-sentence';

/**
 * One takedown request: who asked, for which assets (each a link to act on it) or all of their
 * content, why, and when; an open one can be marked resolved with a note of what was done, a
 * resolved one says when and that note.
 */
export function TakedownItem({ request: r, onChange }: { request: TakedownRequest; onChange: (request: TakedownRequest) => void }) {
  const { t, label, dateTime } = useI18n();
  const headingId = `takedown-${r.id}`;
  const [resolvedHere, setResolvedHere] = useState(false);
  const said = useRef<HTMLParagraphElement>(null);
  // The form that had focus is gone: focus goes to what came of it.
  useEffect(() => {
    if (resolvedHere) said.current?.focus();
  }, [resolvedHere]);
  return (
    <li className="card request-item takedown-item" aria-labelledby={headingId}>
      <div className="request-head">
        <h3 id={headingId}>
          @{r.creatorHandle} <span className="platform">({r.platform})</span>
        </h3>
        <Badge tone={r.status === 'open' ? 'warn' : 'ok'}>{label('takedownStatus', r.status)}</Badge>
      </div>
      <dl className="terms">
        <dt>{t('takedowns.content')}</dt>
        <dd>
          {r.assetIds.length === 0
            ? t('takedowns.allContent')
            : assetsOf(r).map((asset) => (
                <Link key={asset.id} to={`/assets/${asset.id}`} className="asset-link">
                  {asset.title ?? asset.id.slice(0, 8)}
                </Link>
              ))}
        </dd>
        <dt>{t('takedowns.reason')}</dt>
        <dd className="takedown-reason">{r.reason ?? <span className="empty">{t('takedowns.noReason')}</span>}</dd>
        <dt>{t('takedowns.asked')}</dt>
        <dd>{dateTime(r.createdAt)}</dd>
        {r.status === 'resolved' && r.resolvedAt && (
          <>
            <dt>{t('takedowns.resolved')}</dt>
            <dd>{dateTime(r.resolvedAt)}</dd>
            <dt>{t('takedowns.note')}</dt>
            <dd className="takedown-reason">{r.resolvedNote ?? '—'}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/?creatorId=${r.creatorId}`}>{t('takedowns.creatorAssets', { handle: r.creatorHandle })}</Link>
      </p>
      {r.status === 'open' && (
        <ResolveTakedown
          request={r}
          onChange={(done) => {
            setResolvedHere(true);
            onChange(done);
          }}
        />
      )}
      <p ref={said} tabIndex={-1} role="status" className="saved-status">
        {resolvedHere ? t('takedowns.resolvedNow') : ''}
      </p>
    </li>
  );
}

/** The named assets with their titles, in the order named (one the reply did not describe still gets a link). */
function assetsOf(r: TakedownRequest): Array<{ id: string; title: string | null }> {
  const titles = new Map(r.assets.map((a) => [a.id, a.title]));
  return r.assetIds.map((id) => ({ id, title: titles.get(id) ?? null }));
}

/** Marks it resolved, with an optional note of what was done; nothing else changes (no asset is touched). */
function ResolveTakedown({ request, onChange }: { request: TakedownRequest; onChange: (request: TakedownRequest) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const done = await api.send<TakedownRequest>('POST', `/api/v1/takedown-requests/${request.id}/resolve`, note.trim() ? { note: note.trim() } : {});
      onChange(done);
      announceTakedownChange();
    } catch (err) {
      setError(resolveError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="resolve-takedown" onSubmit={resolve} noValidate aria-label={t('takedowns.resolveLabel', { handle: request.creatorHandle })}>
      <Field label={t('takedowns.noteField')} hint={t('takedowns.noteHint')}>
        <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.saving') : t('takedowns.resolve')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function resolveError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('takedowns.forbidden');
    if (error.status === 404) return t('takedowns.notFound');
    if (error.status === 0) return t('lifeCycle.offline');
  }
  return codeSentence(t, error);
}
