import type { AssetDetail } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { NO_DOWNLOAD } from './no-download';

/**
 * The original's stand-in at the top of the renditions: the preview clip of a video, or the
 * largest picture of an image with the ladder as srcset. The original itself is downloaded
 * only by content managers (OriginalDownload), so the player offers no download either.
 */
export function MainPreview({ asset }: { asset: AssetDetail }) {
  const { t } = useI18n();
  const preview = asset.renditions.find((r) => r.kind === 'preview');
  const poster = asset.renditions.find((r) => r.kind === 'poster');
  if (asset.kind === 'video' && preview) {
    return (
      <video
        className="main-preview"
        controls
        muted
        preload="metadata"
        src={preview.url}
        poster={poster?.url}
        aria-label={t('asset.preview')}
        {...NO_DOWNLOAD}
      />
    );
  }
  const pictures = asset.renditions.filter((r) => r.kind === 'image' && r.format === 'webp' && r.width).sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  const largest = pictures.at(-1);
  if (!largest) return null;
  return (
    <img
      className="main-preview"
      src={largest.url}
      srcSet={pictures.map((p) => `${p.url} ${p.width}w`).join(', ')}
      sizes="(min-width: 60rem) 40rem, 100vw"
      alt={t('asset.previewAlt')}
    />
  );
}
