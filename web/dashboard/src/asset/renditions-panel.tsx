import type { AssetDetail } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { CutsPanel } from './cuts-panel';
import { LibraryRenditions } from './library-renditions';
import { MainPreview } from './main-preview';

/**
 * The original's stand-in (preview or largest picture), the library's renditions in closed
 * groups, and, for a video, its ad cuts by aspect. When a cut preview has lapsed (the video
 * fails to load), `onStale` fetches the asset again for fresh links, or for the reason there
 * are none any more.
 */
export function RenditionsPanel({ asset, onStale }: { asset: AssetDetail; onStale?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <section className="card" aria-labelledby="renditions-heading">
        <h2 id="renditions-heading">{t('asset.renditions')}</h2>
        <MainPreview asset={asset} />
        {asset.renditions.length === 0 ? (
          <p className="empty">{asset.status === 'ready' ? t('asset.noRenditions') : t('asset.renditionsPending')}</p>
        ) : (
          <LibraryRenditions renditions={asset.renditions} />
        )}
      </section>
      {asset.kind === 'video' && <CutsPanel renditions={asset.renditions} onStale={onStale} />}
    </>
  );
}
