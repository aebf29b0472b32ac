import type { ListedAsset } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { licenseBadge } from './license-badge';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';

export function AssetCard({ asset, creatorHandle }: { asset: ListedAsset; creatorHandle: string | undefined }) {
  const i18n = useI18n();
  const { t, label, date } = i18n;
  const name = assetName(asset);
  return (
    <li className="asset-card">
      <Link to={`/assets/${asset.id}`} className="asset-card-link">
        <div className="thumb" aria-hidden={asset.thumbnailUrl ? undefined : true}>
          {asset.thumbnailUrl ? (
            <img src={asset.thumbnailUrl} alt="" loading="lazy" decoding="async" />
          ) : (
            <span className="thumb-placeholder">{label('kind', asset.kind)}</span>
          )}
          {asset.kind === 'video' && asset.durationS !== undefined && <span className="thumb-duration">{formatDuration(asset.durationS)}</span>}
        </div>
        <span className="asset-card-title">{name}</span>
      </Link>
      <div className="asset-card-meta">
        {creatorHandle && <span>@{creatorHandle}</span>}
        {asset.productSkus.length > 0 && <span>{asset.productSkus.join(', ')}</span>}
      </div>
      <div className="badges">
        {asset.archivedAt && (
          <span title={t('library.archivedOn', { date: date(asset.archivedAt) })}>
            <Badge tone="warn">{t('lifeCycle.archivedBadge')}</Badge>
          </span>
        )}
        <Badge tone="neutral">{label('kind', asset.kind)}</Badge>
        {asset.status !== 'ready' && <Badge tone={toneOf(asset.status)}>{label('status', asset.status)}</Badge>}
        <Badge tone={licenseTone(asset)}>{licenseBadge(i18n, asset, new Date())}</Badge>
      </div>
    </li>
  );
}

export const assetName = (asset: { title: string | null; originalFilename: string | null; id: string }): string =>
  asset.title ?? asset.originalFilename ?? asset.id.slice(0, 8);

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Its colour repeats the words: a license not started yet is information, a revoked one bad news. */
export function licenseTone(asset: Pick<ListedAsset, 'licenseState' | 'licenseNote'>): ReturnType<typeof toneOf> {
  if (asset.licenseState !== 'none') return toneOf(asset.licenseState);
  return asset.licenseNote ? toneOf(asset.licenseNote.state) : 'neutral';
}
