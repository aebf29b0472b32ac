import type { AssetDetail } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { LibraryRenditions } from './library-renditions';
import { MainPreview } from './main-preview';

/**
 * The original's stand-in (preview or largest picture) and the library's renditions in closed
 * groups. A video's ad cuts are their own section (AssetCuts).
 */
export function RenditionsPanel({ asset }: { asset: AssetDetail }) {
  const { t } = useI18n();
  return (
    <section className="card asset-renditions" aria-labelledby="renditions-heading">
      <h2 id="renditions-heading">{t('asset.renditions')}</h2>
      <MainPreview asset={asset} />
      {asset.renditions.length === 0 ? (
        <p className="empty">{asset.status === 'ready' ? t('asset.noRenditions') : t('asset.renditionsPending')}</p>
      ) : (
        <LibraryRenditions renditions={asset.renditions} />
      )}
    </section>
  );
}
