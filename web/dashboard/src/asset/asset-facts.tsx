import type { AssetDetail, Creator } from '../api/api-types';
import { isErased } from '../creators/creator-form';
import { useI18n } from '../i18n/i18n';
import { formatDuration } from '../library/asset-card';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { OriginalDownload } from './original-download';

/**
 * The asset's key facts at the top of its page: kind, status and whether it is withdrawn, its
 * creator, products, file, the original to download (for those allowed), notes and source.
 */
export function AssetFacts({ asset: a, creator: c }: { asset: AssetDetail; creator: Creator | null | undefined }) {
  const { t, label, number } = useI18n();
  return (
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
            <dd className="asset-source">
              <a href={a.sourceUrl} rel="noreferrer" target="_blank">
                {a.sourceUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {a.error && (
        // The worker's own words (ffprobe's English) stay on the element for support; people read a sentence.
        <p className="field-error" data-error={a.error}>
          {t('apiError.asset_failed')}
        </p>
      )}
    </div>
  );
}
