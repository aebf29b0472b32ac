import type { Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { reasonSentence } from '../i18n/reason-sentence';
import { NO_DOWNLOAD } from './no-download';

/**
 * One ad cut: its short-lived preview to watch, with no way to save it from the player (see
 * NO_DOWNLOAD), or why there is none. `onStale` runs when the preview fails to load (its link
 * lapsed), so the asset is fetched again for a fresh one, or for the reason there is none now.
 */
export function CutTile({ cut, poster, onStale }: { cut: Rendition; poster: Rendition | undefined; onStale: (() => void) | undefined }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const name = cutLabel(cut, t('asset.cut'), label);
  const withheld = cut.urlWithheld === 'forbidden_role' ? t('asset.cutPreviewRole') : reasonSentence(i18n, cut.urlWithheld ?? 'no_license');
  return (
    <li className="cut-item">
      {cut.url ? (
        <video controls preload="none" src={cut.url} poster={poster?.url} aria-label={name} onError={onStale} {...NO_DOWNLOAD} />
      ) : (
        <p className="cut-withheld" role="note">
          {t('asset.cutNoPreview', { reason: withheld })}
        </p>
      )}
      <p>{name}</p>
    </li>
  );
}

/** "Cut 9:16 · 15 s · cropped": the fit in words of the UI language, never the spec's code. */
function cutLabel(cut: Rendition, word: string, label: (group: string, code: string) => string): string {
  const spec = cut.spec;
  const parts = [String(spec.aspect ?? ''), `${Number(spec.durationS ?? cut.durationS ?? 0)} s`, spec.fit ? label('fitShort', String(spec.fit)) : ''];
  if (typeof spec.disclosure === 'string') parts.push(`“${spec.disclosure}”`);
  return `${word} ${parts.filter(Boolean).join(' · ')}`;
}
