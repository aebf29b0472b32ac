import { FormatLinks } from './format-links';
import { displayFile, type RenditionSize } from './rendition-groups';
import { sizeText } from './size-text';

/**
 * Crops and posters as the pictures they are: what a 9:16 crop cuts off is seen at a glance,
 * not read from a row of numbers. One tile per size, shown in the format browsers decode best,
 * with every format as a link under it.
 */
export function PictureTiles({ sizes, altOf }: { sizes: readonly RenditionSize[]; altOf: (size: RenditionSize) => string }) {
  return (
    <ul className="picture-grid">
      {sizes.map((size) => {
        const shown = displayFile(size);
        const caption = [size.aspect, sizeText(size)].filter(Boolean).join(' · ');
        return (
          <li key={size.key} className="picture-tile">
            {shown.url && <img src={shown.url} alt={altOf(size)} loading="lazy" width={size.width ?? undefined} height={size.height ?? undefined} />}
            <p>{caption}</p>
            <FormatLinks files={size.files} what={`${altOf(size)}, ${caption}`} />
          </li>
        );
      })}
    </ul>
  );
}
