import type { Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { CollapsibleGroup } from './collapsible-group';
import { CutTile } from './cut-tile';
import { cutGroups, posterOf } from './rendition-groups';

/**
 * A video's ad cuts, one closed group per aspect (9:16, 1:1, 4:5, 16:9) with its count, each
 * shortest first. Cut URLs are previews the API gives only while a license allows edits (and
 * never to viewers); to use a cut, it is pulled, which the ledger records.
 */
export function CutsPanel({ renditions, onStale }: { renditions: readonly Rendition[]; onStale: (() => void) | undefined }) {
  const { t } = useI18n();
  const posters = renditions.filter((r) => r.kind === 'cut_poster');
  const groups = cutGroups(renditions.filter((r) => r.kind === 'cut'));
  return (
    <section className="card" aria-labelledby="cuts-heading">
      <h2 id="cuts-heading">{t('asset.cuts')}</h2>
      {groups.length === 0 ? (
        <p className="empty">{t('asset.noCuts')}</p>
      ) : (
        <>
          <p className="hint">{t('asset.cutsPullOnly')}</p>
          <div className="rendition-groups">
            {groups.map((group) => (
              <CollapsibleGroup key={group.aspect} title={t('asset.cutAspect', { aspect: group.aspect })} count={group.cuts.length}>
                <ul className="cut-grid">
                  {group.cuts.map((cut) => (
                    <CutTile key={cut.id} cut={cut} poster={posterOf(cut, posters)} onStale={onStale} />
                  ))}
                </ul>
              </CollapsibleGroup>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
