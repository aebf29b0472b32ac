import { forwardRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { Asset } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ConfirmButton } from '../ui/confirm-button';
import { DisclosureSection } from './disclosure-section';
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
 * offered any more. A closed section, open from the start for an archived asset: the banner at
 * the top says it is withdrawn, and the way back should be one look away.
 */
export function AssetLifeCycle({ asset, onChange }: { asset: Asset; onChange: (asset: Asset, action: Action | null) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      const path = `/api/v1/assets/${asset.id}${action === 'delete' ? '' : `/${action}`}`;
      const changed = await api.send<Asset>(action === 'delete' ? 'DELETE' : 'POST', path);
      onChange(changed, action);
    } catch (err) {
      setError(lifeCycleError(t, err));
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
    <DisclosureSection id="life-cycle" className="life-cycle" title={t('lifeCycle.title')} defaultOpen={archived}>
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
      <ConfirmButton
        className="life-cycle-action"
        label={t('lifeCycle.delete')}
        explained={t('lifeCycle.deleteExplained')}
        question={t('lifeCycle.deleteQuestion')}
        warning={t('lifeCycle.deleteWarning')}
        yes={t('lifeCycle.deleteYes')}
        yesBusy={t('lifeCycle.deleting')}
        no={t('lifeCycle.deleteNo')}
        disabled={busy !== null}
        onConfirm={() => act('delete')}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </DisclosureSection>
  );
}
