import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import type { Asset, AssetDetail, Creator } from '../api/api-types';
import { isErased } from '../creators/creator-form';
import { CreatorPanel } from '../creators/creator-panel';
import { useI18n } from '../i18n/i18n';
import { assetName, formatDuration } from '../library/asset-card';
import { RightsSummary } from '../licenses/rights-summary';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { AssetDetailsForm } from './asset-details-form';
import { AssetLifeCycle, AssetStateBanner } from './asset-life-cycle';
import { CutBuilder } from './cut-builder';
import { OriginalDownload } from './original-download';
import { RenditionsPanel } from './renditions-panel';
import { UsageLedger } from './usage-ledger';

const PROCESSING_POLL_MS = 1500;

/**
 * One asset: what it is, where it may be used, its renditions and cuts, the cut builder, its
 * details to edit, archiving and deleting, its creator (details, their page, their personal
 * data), and its usage ledger. An archived asset says so at
 * the top; a deleted one too, and then shows only its record (no files, nothing to change).
 */
export function AssetScreen({ id }: { id: string }) {
  const api = useApi();
  const { t, label, number } = useI18n();
  const asset = useLoad(() => api.get<AssetDetail>(`/api/v1/assets/${id}`), [api, id]);
  const creatorId = asset.data?.creatorId;
  const creator = useLoad(async () => (creatorId ? api.get<Creator>(`/api/v1/creators/${creatorId}`) : null), [api, creatorId]);
  // The creator as just saved in the panel, until they are loaded again.
  const [changedCreator, setChangedCreator] = useState<Creator | null>(null);
  useEffect(() => setChangedCreator(null), [creator.data]);
  const c = changedCreator?.id === creator.data?.id ? changedCreator : creator.data;
  // A change made here shows at once, before the asset is loaded again.
  const [changed, setChanged] = useState<Asset | null>(null);
  useEffect(() => setChanged(null), [asset.data]);
  const a: AssetDetail | undefined = asset.data && (changed?.id === asset.data.id ? { ...asset.data, ...changed } : asset.data);
  const banner = useRef<HTMLDivElement>(null);
  const focusBanner = useRef(false);
  useEffect(() => {
    if (!a?.deletedAt || !focusBanner.current) return;
    focusBanner.current = false;
    banner.current?.focus();
  }, [a?.deletedAt]);
  const onChange = (next: Asset, action?: string | null) => {
    if (action === 'delete') focusBanner.current = true;
    setChanged(next);
    asset.reload();
  };
  // While the worker is still making renditions, look again now and then until it is done.
  const processing = a?.status === 'uploaded' || a?.status === 'processing';
  useEffect(() => {
    if (!processing) return;
    const timer = setTimeout(asset.reload, PROCESSING_POLL_MS);
    return () => clearTimeout(timer);
  }, [processing, asset.data, asset.reload]);

  if (!a) {
    return <Screen title={t('asset.title')}>{asset.error ? <ErrorAlert error={asset.error} /> : <p role="status">{t('common.loading')}</p>}</Screen>;
  }
  return (
    <Screen
      title={assetName(a)}
      actions={
        !a.deletedAt && (
          <>
            <Link to={`/requests/new?creatorId=${a.creatorId}&assetId=${a.id}`} className="button">
              {t('asset.askRights')}
            </Link>
            <Link to={`/licenses/new?assetId=${a.id}`} className="button primary">
              {t('asset.addLicense')}
            </Link>
          </>
        )
      }
    >
      <AssetStateBanner ref={banner} asset={a} />
      <div className="asset-facts card">
        <div className="badges">
          <Badge tone="neutral">{label('kind', a.kind)}</Badge>
          <Badge tone={toneOf(a.status)}>{label('status', a.status)}</Badge>
          {a.deletedAt ? <Badge tone="bad">{t('lifeCycle.deletedBadge')}</Badge> : a.archivedAt && <Badge tone="warn">{t('lifeCycle.archivedBadge')}</Badge>}
        </div>
        <dl className="terms">
          {c && (
            <>
              <dt>{t('asset.creator')}</dt>
              <dd>{isErased(c) ? t('creatorPanel.erasedName') : `@${c.handle} (${c.platform}, ${label('tier', c.tier)})`}</dd>
            </>
          )}
          <dt>{t('asset.products')}</dt>
          <dd>
            {a.productSkus.length
              ? a.productSkus.map((sku) => (
                  <Link key={sku} to={`/insights/${encodeURIComponent(sku)}`} className="sku">
                    {sku}
                  </Link>
                ))
              : '—'}
          </dd>
          <dt>{t('asset.dimensions')}</dt>
          <dd>
            {a.width && a.height ? `${a.width} × ${a.height}` : '—'}
            {a.durationS !== undefined && ` · ${formatDuration(a.durationS)}`} · {number(Math.round(a.sizeBytes / 1024))} KB · {a.mimeType}
          </dd>
          <OriginalDownload asset={a} />
          {a.notes && (
            <>
              <dt>{t('asset.notes')}</dt>
              <dd className="asset-notes">{a.notes}</dd>
            </>
          )}
          {a.sourceUrl && (
            <>
              <dt>{t('asset.source')}</dt>
              <dd>
                <a href={a.sourceUrl} rel="noreferrer" target="_blank">
                  {a.sourceUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
        {a.error && <p className="field-error">{a.error}</p>}
      </div>
      <RightsSummary licenses={a.licenses} withdrawn={a.deletedAt ? 'deleted' : a.archivedAt ? 'archived' : null} />
      {!a.deletedAt && (
        <>
          <RenditionsPanel asset={a} onStale={asset.reload} />
          <CutBuilder asset={a} onCutsMade={asset.reload} />
          <AssetDetailsForm key={a.id} asset={a} onSaved={onChange} />
        </>
      )}
      <AssetLifeCycle key={a.id} asset={a} onChange={onChange} />
      {c && (
        <CreatorPanel
          key={c.id}
          creator={c}
          onChange={(next) => {
            setChangedCreator(next);
            creator.reload();
          }}
          onErased={() => {
            creator.reload();
            asset.reload();
          }}
        />
      )}
      <UsageLedger assetId={a.id} />
    </Screen>
  );
}
