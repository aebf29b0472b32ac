import type { ReactNode } from 'react';
import type { Rendition } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { CollapsibleGroup } from './collapsible-group';
import { CutTile } from './cut-tile';
import { cutGroups, posterOf } from './rendition-groups';

/**
 * A video's ad cuts, one closed group per aspect (9:16, 1:1, 4:5, 16:9) with its count, each
 * shortest first. Cut URLs are previews the API gives only while a license allows edits (and
 * never to viewers); to use a cut, it is pulled, which the ledger records. The heading says how
 * many there are; `action` (the cut builder's button) sits beside it.
 */
export function CutsPanel({ renditions, onStale, action }: { renditions: readonly Rendition[]; onStale: (() => void) | undefined; action?: ReactNode }) {
  const { t, number } = useI18n();
  const posters = renditions.filter((r) => r.kind === 'cut_poster');
  const cuts = renditions.filter((r) => r.kind === 'cut');
  const groups = cutGroups(cuts);
  return (
    <section className="card cuts-section" aria-labelledby="cuts-heading">
      {/* The heading and the button are siblings of the groups (laid out side by side in CSS), so the section reads heading first. */}
      <h2 id="cuts-heading">{t('asset.groupSummary', { name: t('asset.cuts'), count: number(cuts.length) })}</h2>
      {action}
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
