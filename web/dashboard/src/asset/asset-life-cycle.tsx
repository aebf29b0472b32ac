import { forwardRef, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { Asset } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { lifeCycleError } from './life-cycle-error';

type Action = 'archive' | 'unarchive' | 'delete';

/**
 * Whether the asset is in use, archived (withdrawn from every use, files kept) or deleted
 * (files removed, the record kept), said at the top of its screen with the date.
 */
export const AssetStateBanner = forwardRef<HTMLDivElement, { asset: Asset }>(function AssetStateBanner({ asset }, ref) {
  const { t, dateTime } = useI18n();
  if (asset.deletedAt) {
    return (
      <div ref={ref} tabIndex={-1} className="alert alert-error asset-state" role="status">
        <strong>{t('lifeCycle.deletedBanner', { date: dateTime(asset.deletedAt) })}</strong> {t('lifeCycle.deletedExplained')}
      </div>
    );
  }
  if (asset.archivedAt) {
    return (
      <div ref={ref} tabIndex={-1} className="alert alert-warn asset-state" role="status">
        <strong>{t('lifeCycle.archivedBanner', { date: dateTime(asset.archivedAt) })}</strong> {t('lifeCycle.archivedExplained')}
      </div>
    );
  }
  return null;
});

/**
 * Archive or put back in use (one button, as the asset stands, with what it does in a line),
 * and delete after a second, explicit "yes" that says the files go for good. Refusals are said
 * in words at the buttons; an asset deleted meanwhile is loaded again. Once deleted, nothing is
 * offered any more.
 */
export function AssetLifeCycle({ asset, onChange }: { asset: Asset; onChange: (asset: Asset, action: Action | null) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [busy, setBusy] = useState<Action | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the question: onto "Keep it" when asked, back onto Delete when not.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const act = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      const path = `/api/v1/assets/${asset.id}${action === 'delete' ? '' : `/${action}`}`;
      const changed = await api.send<Asset>(action === 'delete' ? 'DELETE' : 'POST', path);
      asked.current = false;
      setConfirming(false);
      onChange(changed, action);
    } catch (err) {
      setError(lifeCycleError(t, err));
      setConfirming(false);
      if (err instanceof ApiError && err.code === 'asset_deleted') {
        api.get<Asset>(`/api/v1/assets/${asset.id}`).then(
          (a) => onChange(a, null),
          () => undefined,
        );
      }
    } finally {
      setBusy(null);
    }
  };

  if (asset.deletedAt) {
    return error ? (
      <p className="alert alert-error" role="alert">
        {error}
      </p>
    ) : null;
  }
  const archived = asset.archivedAt !== null;
  return (
    <section className="card life-cycle" aria-labelledby="life-cycle-heading">
      <h2 id="life-cycle-heading">{t('lifeCycle.title')}</h2>
      <div className="life-cycle-action">
        <button type="button" onClick={() => act(archived ? 'unarchive' : 'archive')} disabled={busy !== null} aria-describedby="archive-explained">
          {busy === 'archive'
            ? t('lifeCycle.archiving')
            : busy === 'unarchive'
              ? t('lifeCycle.unarchiving')
              : archived
                ? t('lifeCycle.unarchive')
                : t('lifeCycle.archive')}
        </button>
        <p id="archive-explained" className="hint">
          {archived ? t('lifeCycle.unarchiveExplained') : t('lifeCycle.archiveExplained')}
        </p>
      </div>
      <div className="life-cycle-action">
        {confirming ? (
          <DeleteQuestion ref={keep} busy={busy === 'delete'} onYes={() => act('delete')} onNo={() => setConfirming(false)} />
        ) : (
          <>
            <button
              type="button"
              ref={ask}
              className="danger-outline"
              onClick={() => setConfirming(true)}
              disabled={busy !== null}
              aria-describedby="delete-explained"
            >
              {t('lifeCycle.delete')}
            </button>
            <p id="delete-explained" className="hint">
              {t('lifeCycle.deleteExplained')}
            </p>
          </>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const DeleteQuestion = forwardRef<HTMLButtonElement, { busy: boolean; onYes: () => void; onNo: () => void }>(function DeleteQuestion(
  { busy, onYes, onNo },
  keep,
) {
  const { t } = useI18n();
  return (
    <div role="group" aria-labelledby="delete-question" className="delete-question">
      <p id="delete-question">
        <strong>{t('lifeCycle.deleteQuestion')}</strong> {t('lifeCycle.deleteWarning')}
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={onYes} disabled={busy}>
          {busy ? t('lifeCycle.deleting') : t('lifeCycle.deleteYes')}
        </button>
        <button type="button" ref={keep} onClick={onNo} disabled={busy}>
          {t('lifeCycle.deleteNo')}
        </button>
      </div>
    </div>
  );
});
