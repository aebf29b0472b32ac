import { useState } from 'react';
import type { AssetDetail } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { CutBuilder } from './cut-builder';
import { CutsPanel } from './cuts-panel';

/**
 * A video's ad cuts, with the cut builder behind a button at their heading: ordering cuts is an
 * occasional task, and its form is taller than the cuts themselves. Once opened, the builder
 * stays mounted (hidden when closed again), so a job it follows is not lost by closing it.
 */
export function AssetCuts({ asset, onStale, onCutsMade }: { asset: AssetDetail; onStale: () => void; onCutsMade: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const toggle = () => {
    setOpen(!open);
    setOpened(true);
  };
  return (
    <>
      <CutsPanel
        renditions={asset.renditions}
        onStale={onStale}
        action={
          <button type="button" className="cut-builder-toggle" aria-expanded={open} aria-controls="cut-builder" onClick={toggle}>
            {t('asset.openCutBuilder')}
          </button>
        }
      />
      <div id="cut-builder" hidden={!open}>
        {opened && <CutBuilder asset={asset} onCutsMade={onCutsMade} />}
      </div>
    </>
  );
}
