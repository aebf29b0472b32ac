import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import type { Asset, AssetDetail, Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { assetName } from '../library/asset-card';
import { RightsSummary } from '../licenses/rights-summary';
import { Link } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { AssetCreatorSection } from './asset-creator-section';
import { AssetCuts } from './asset-cuts';
import { AssetDetailsForm } from './asset-details-form';
import { AssetFacts } from './asset-facts';
import { AssetLifeCycle, AssetStateBanner } from './asset-life-cycle';
import { RenditionsPanel } from './renditions-panel';
import { UsageLedger } from './usage-ledger';

const PROCESSING_POLL_MS = 1500;

/**
 * One asset, laid out to be taken in at a glance: at the top its preview and renditions beside
 * its key facts and where it may be used (side by side on a wide screen), then a video's ad cuts
 * with their count and the cut builder's button; below, closed sections with counts for the
 * usage ledger, its details to edit, its creator (details, their page, their personal data),
 * and archiving and deleting. An archived asset says so at the top; a deleted one too, and then
 * shows only its record (no files, nothing to change).
 */
export function AssetScreen({ id }: { id: string }) {
  const api = useApi();
  const { t } = useI18n();
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
      {/* What one comes for, without opening anything: the picture, the facts, where it may be used. */}
      <div className="asset-overview">
        {!a.deletedAt && <RenditionsPanel asset={a} />}
        <div className="asset-overview-side">
          <AssetFacts asset={a} creator={c} />
          <RightsSummary licenses={a.licenses} withdrawn={a.deletedAt ? 'deleted' : a.archivedAt ? 'archived' : null} />
        </div>
      </div>
      {!a.deletedAt && a.kind === 'video' && <AssetCuts asset={a} onStale={asset.reload} onCutsMade={asset.reload} />}
      {/* The rest in closed sections, their counts in their headings. */}
      <UsageLedger assetId={a.id} />
      {/* Keyed by the asset, so another asset's form starts afresh; siblings, so the keys differ. */}
      {!a.deletedAt && <AssetDetailsForm key={`details-${a.id}`} asset={a} onSaved={onChange} />}
      {c && (
        <AssetCreatorSection
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
      <AssetLifeCycle key={`life-cycle-${a.id}`} asset={a} onChange={onChange} />
    </Screen>
  );
}
