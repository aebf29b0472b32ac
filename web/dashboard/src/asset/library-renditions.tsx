import type { Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { CollapsibleGroup } from './collapsible-group';
import { PictureTiles } from './picture-tiles';
import { libraryGroups, type LibraryKind, type RenditionGroup } from './rendition-groups';
import { SizeTable } from './size-table';

const TITLE_KEYS = {
  image: 'asset.groupImage',
  crop: 'asset.groupCrop',
  poster: 'asset.groupPoster',
  preview: 'asset.groupPreview',
} as const satisfies Record<LibraryKind, string>;

/**
 * The library's renditions of the original in closed groups with counts (image sizes and
 * formats, crops, posters, previews) instead of a table of twenty rows: sizes as rows, crops
 * and posters as pictures.
 */
export function LibraryRenditions({ renditions }: { renditions: readonly Rendition[] }) {
  return (
    <div className="rendition-groups">
      {libraryGroups(renditions).map((group) => (
        <Group key={group.kind} group={group} />
      ))}
    </div>
  );
}

function Group({ group }: { group: RenditionGroup }) {
  const { t } = useI18n();
  const title = t(TITLE_KEYS[group.kind]);
  return (
    <CollapsibleGroup title={title} count={group.count}>
      {group.kind === 'crop' ? (
        <PictureTiles sizes={group.sizes} altOf={(size) => t('asset.cropAlt', { aspect: size.aspect ?? '' })} />
      ) : group.kind === 'poster' ? (
        <PictureTiles sizes={group.sizes} altOf={() => t('asset.posterAlt')} />
      ) : (
        <SizeTable caption={title} sizes={group.sizes} />
      )}
    </CollapsibleGroup>
  );
}
