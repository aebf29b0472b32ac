import type { AssetDetail, Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { reasonSentence } from '../i18n/reason-sentence';
import { formatDuration } from '../library/asset-card';

/**
 * The original's stand-in (preview or largest picture), the renditions as a table, and the ad
 * cuts to play. Cut URLs are short-lived previews the API gives only while a license allows
 * edits (and never to viewers); when one has lapsed (the video fails to load), `onStale`
 * fetches the asset again for fresh ones, or for the reason there are none any more.
 */
export function RenditionsPanel({ asset, onStale }: { asset: AssetDetail; onStale?: () => void }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const withheld = (r: Rendition) =>
    t('asset.cutNoPreview', { reason: r.urlWithheld === 'forbidden_role' ? t('asset.cutPreviewRole') : reasonSentence(i18n, r.urlWithheld ?? 'no_license') });
  const byKind = (kind: Rendition['kind']) => asset.renditions.filter((r) => r.kind === kind);
  const cuts = byKind('cut');
  return (
    <>
      <section className="card" aria-labelledby="renditions-heading">
        <h2 id="renditions-heading">{t('asset.renditions')}</h2>
        <MainPreview asset={asset} />
        {asset.renditions.length === 0 ? (
          <p className="empty">{asset.status === 'ready' ? t('asset.noRenditions') : t('asset.renditionsPending')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('asset.renditions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('asset.kind')}</th>
                  <th scope="col">{t('asset.format')}</th>
                  <th scope="col">{t('asset.size')}</th>
                  <th scope="col">{t('asset.file')}</th>
                </tr>
              </thead>
              <tbody>
                {[...asset.renditions].sort(byKindWidthFormat).map((r) => (
                  <tr key={r.id}>
                    <td>{label('rendition', r.kind)}</td>
                    <td>{r.format.toUpperCase()}</td>
                    <td>
                      {r.width && r.height ? `${r.width} × ${r.height}` : '—'}
                      {r.durationS !== undefined && ` · ${formatDuration(r.durationS)}`}
                    </td>
                    <td>
                      {r.url ? (
                        <a href={r.url} target="_blank" rel="noreferrer">
                          {t('asset.openFile')}
                          <span className="visually-hidden">
                            {' '}
                            {label('rendition', r.kind)} {r.width ?? ''} {r.format}
                          </span>
                        </a>
                      ) : (
                        <span aria-hidden="true">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {asset.kind === 'video' && (
        <section className="card" aria-labelledby="cuts-heading">
          <h2 id="cuts-heading">{t('asset.cuts')}</h2>
          {cuts.length === 0 ? (
            <p className="empty">{t('asset.noCuts')}</p>
          ) : (
            <>
              <p className="hint">{t('asset.cutsPullOnly')}</p>
              <ul className="cut-grid">
                {cuts.map((cut) => (
                  <li key={cut.id} className="cut-item">
                    {cut.url ? (
                      <video
                        controls
                        preload="none"
                        src={cut.url}
                        poster={posterOf(cut, byKind('cut_poster'))?.url}
                        aria-label={cutLabel(cut, t('asset.cut'), label)}
                        onError={onStale}
                      />
                    ) : (
                      <p className="cut-withheld" role="note">
                        {withheld(cut)}
                      </p>
                    )}
                    <p>{cutLabel(cut, t('asset.cut'), label)}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}

function MainPreview({ asset }: { asset: AssetDetail }) {
  const { t } = useI18n();
  const preview = asset.renditions.find((r) => r.kind === 'preview');
  const poster = asset.renditions.find((r) => r.kind === 'poster');
  if (asset.kind === 'video' && preview) {
    return <video className="main-preview" controls muted preload="metadata" src={preview.url} poster={poster?.url} aria-label={t('asset.preview')} />;
  }
  const pictures = asset.renditions.filter((r) => r.kind === 'image' && r.format === 'webp' && r.width);
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

/** "Cut 9:16 · 15 s · cropped": the fit in words of the UI language, never the spec's code. */
const cutLabel = (cut: Rendition, word: string, label: (group: string, code: string) => string): string => {
  const spec = cut.spec;
  const parts = [String(spec.aspect ?? ''), `${Number(spec.durationS ?? cut.durationS ?? 0)} s`, spec.fit ? label('fitShort', String(spec.fit)) : ''];
  if (typeof spec.disclosure === 'string') parts.push(`“${spec.disclosure}”`);
  return `${word} ${parts.filter(Boolean).join(' · ')}`;
};

/** A cut's poster carries the same spec as its cut. */
function posterOf(cut: Rendition, posters: Rendition[]): Rendition | undefined {
  const key = (r: Rendition) => JSON.stringify([r.spec.aspect, r.spec.durationS, r.spec.startS, r.spec.fit, r.spec.disclosure]);
  return posters.find((p) => key(p) === key(cut));
}

const KIND_ORDER: Rendition['kind'][] = ['preview', 'poster', 'image', 'crop', 'cut', 'cut_poster'];

/** The table reads like a ladder: kind, then narrow to wide, then format. */
function byKindWidthFormat(a: Rendition, b: Rendition): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.width ?? 0) - (b.width ?? 0) || a.format.localeCompare(b.format);
}
