import type { Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';

/**
 * One link per format of the same picture or clip ("WEBP AVIF JPEG"): the library's files of
 * the original, which the API hands out with its ordinary short-lived links. The visible text is
 * the format; the accessible name adds what the file is, so a list of "WEBP" links stays
 * distinguishable by ear. Cuts are never linked: they leave only through pulls.
 */
export function FormatLinks({ files, what }: { files: readonly Rendition[]; what: string }) {
  const { t } = useI18n();
  const linked = files.filter((f) => f.url);
  if (linked.length === 0) return <span aria-hidden="true">—</span>;
  return (
    <span className="format-links">
      {linked.map((file) => (
        <a key={file.id} href={file.url} target="_blank" rel="noreferrer" aria-label={t('asset.openFormat', { format: file.format.toUpperCase(), what })}>
          {file.format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
