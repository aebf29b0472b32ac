import type { Creator } from '../api/api-types';
import { CreatorPanel } from '../creators/creator-panel';
import { useI18n } from '../i18n/i18n';
import { DisclosureSection } from './disclosure-section';

/**
 * The creator panel (details to edit, their page's link, takedowns, personal data) in a closed
 * section: who the creator is already shows in the facts at the top. The panel keeps its own
 * region and heading; its heading is hidden visually (styles.css), as this section's says it.
 */
export function AssetCreatorSection({ creator, onChange, onErased }: { creator: Creator; onChange: (creator: Creator) => void; onErased: () => void }) {
  const { t } = useI18n();
  return (
    <DisclosureSection id="asset-creator" className="asset-creator" title={t('asset.creatorSection')}>
      <CreatorPanel key={creator.id} creator={creator} onChange={onChange} onErased={onErased} />
    </DisclosureSection>
  );
}
