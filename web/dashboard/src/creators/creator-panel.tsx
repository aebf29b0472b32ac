import { useEffect, useRef, useState } from 'react';
import type { Creator, CreatorErasure } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { CreatorDetails } from './creator-details';
import { isErased } from './creator-form';
import { CreatorPageLinkSection } from './creator-page-link';
import { CreatorPersonalData } from './creator-personal-data';

/**
 * The asset's creator on its page: their details (to edit), their own page's link, their
 * takedown requests, and their personal data (export, erasure). What may be done is the API's
 * to say: the dashboard does not know the key's role, so the actions are offered until the API
 * refuses one for the role (403); then they are withdrawn, with the reason in words. An erased
 * creator is a pseudonym with nothing left to change.
 */
export function CreatorPanel({
  creator,
  onChange,
  onErased,
}: {
  creator: Creator;
  onChange: (creator: Creator) => void;
  onErased: (erasure: CreatorErasure) => void;
}) {
  const { t, number } = useI18n();
  const [forbidden, setForbidden] = useState(false);
  const [erasure, setErasure] = useState<CreatorErasure | null>(null);
  const erased = isErased(creator);
  const forbid = () => setForbidden(true);
  const outcome = useRef<HTMLParagraphElement>(null);
  // The question that asked is gone with the creator's actions: focus goes to what came of it.
  useEffect(() => {
    if (erasure) outcome.current?.focus();
  }, [erasure]);

  return (
    <section className="card creator-panel" aria-labelledby="creator-heading">
      <h2 id="creator-heading">{t('creatorPanel.title')}</h2>
      {erasure && (
        <p ref={outcome} tabIndex={-1} className="alert alert-ok creator-erased" role="status">
          {t('creatorPanel.erasedNow', { assets: number(erasure.assetsDeleted), licenses: number(erasure.licensesKept) })}
        </p>
      )}
      {erased ? (
        <p className="rights-none">{t('creatorPanel.erased')}</p>
      ) : (
        <>
          <CreatorDetails creator={creator} editable={!forbidden} onSaved={onChange} onForbidden={forbid} />
          <p>
            <Link to={`/takedowns?creatorId=${creator.id}`}>{t('creatorPanel.takedowns', { handle: creator.handle })}</Link>
          </p>
          {forbidden ? (
            <p className="alert alert-warn" role="alert">
              {t('creatorPanel.forbidden')}
            </p>
          ) : (
            <>
              <CreatorPageLinkSection creator={creator} onForbidden={forbid} />
              <CreatorPersonalData
                creator={creator}
                onForbidden={forbid}
                onErased={(done) => {
                  setErasure(done);
                  onErased(done);
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
