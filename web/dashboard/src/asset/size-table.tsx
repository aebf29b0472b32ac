import { useI18n } from '../i18n/i18n';
import { FormatLinks } from './format-links';
import type { RenditionSize } from './rendition-groups';
import { sizeText } from './size-text';

/** The image ladder (or the preview clips): one row per size, narrow to wide, its formats as links. */
export function SizeTable({ caption, sizes }: { caption: string; sizes: readonly RenditionSize[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table size-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('asset.size')}</th>
            <th scope="col">{t('asset.formats')}</th>
          </tr>
        </thead>
        <tbody>
          {sizes.map((size) => (
            <tr key={size.key}>
              <td>{sizeText(size)}</td>
              <td>
                <FormatLinks files={size.files} what={`${caption}, ${sizeText(size)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
