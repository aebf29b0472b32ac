import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import type { Creator, License, ListedAsset, RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { AssetCard } from '../library/asset-card';
import { LicenseItem } from '../licenses/license-item';
import { LoadMore } from '../lists/load-more';
import { RequestItem } from '../requests/request-item';
import { Link } from '../routing/router';
import { Badge } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { usePages, type Pages } from '../ui/use-pages';
import { CreatorCodesSection } from './creator-codes';
import { CreatorPanel } from './creator-panel';
import { isErased } from './creator-form';
import { EngagementHistorySection } from './engagement-history';

/**
 * One creator: their details and tier (to edit, export or erase, with their page link), how
 * their followers and engagement went, then their assets as the library shows them, their licenses with each one's state, and the rights
 * requests sent to them; each list a page at a time.
 */
export function CreatorProfileScreen({ id }: { id: string }) {
  const api = useApi();
  const { t, label } = useI18n();
  const loaded = useLoad(() => api.get<Creator>(`/api/v1/creators/${id}`), [api, id]);
  // The creator as just saved in the panel, until they are loaded again.
  const [changed, setChanged] = useState<Creator | null>(null);
  useEffect(() => setChanged(null), [loaded.data]);
  const creator = changed ?? loaded.data;
  const [erasures, setErasures] = useState(0);

  if (!creator) {
    return <Screen title={t('creators.profile')}>{loaded.error ? <ErrorAlert error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}</Screen>;
  }
  const name = isErased(creator) ? t('creatorPanel.erasedName') : `@${creator.handle}`;
  return (
    <Screen
      title={name}
      actions={
        !isErased(creator) && (
          <Link to={`/requests/new?creatorId=${creator.id}`} className="button">
            {t('creators.askForLicense')}
          </Link>
        )
      }
    >
      <p className="creator-summary">
        {creator.platform} · <Badge tone="info">{label('tier', creator.tier)}</Badge>
      </p>
      <CreatorPanel
        key={creator.id}
        creator={creator}
        onChange={setChanged}
        onErased={() => {
          loaded.reload();
          setErasures((n) => n + 1);
        }}
      />
      <EngagementHistorySection creatorId={creator.id} version={creator} />
      <CreatorCodesSection key={`codes-${erasures}`} creatorId={creator.id} />
      <CreatorAssets key={`assets-${erasures}`} creator={creator} />
      <CreatorLicenses creator={creator} />
      <CreatorRequests creator={creator} />
    </Screen>
  );
}

function Section({ id, title, pages, empty, children }: { id: string; title: string; pages: Pages<{ id: string }>; empty: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="profile-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorAlert error={pages.error} />
      {pages.loading && pages.items.length === 0 && <p role="status">{t('common.loading')}</p>}
      {!pages.loading && pages.items.length === 0 && !pages.error && <p className="empty">{empty}</p>}
      {children}
      <LoadMore pages={pages} />
    </section>
  );
}

function CreatorAssets({ creator }: { creator: Creator }) {
  const { t } = useI18n();
  const pages = usePages<ListedAsset>(`/api/v1/assets?creatorId=${creator.id}`, 12);
  return (
    <Section id="creator-assets" title={t('creators.assets')} pages={pages} empty={t('creators.noAssets')}>
      <ul className="asset-grid" aria-labelledby="creator-assets">
        {pages.items.map((asset) => (
          <AssetCard key={asset.id} asset={asset} creatorHandle={creator.handle} />
        ))}
      </ul>
    </Section>
  );
}

function CreatorLicenses({ creator }: { creator: Creator }) {
  const { t } = useI18n();
  const pages = usePages<License>(`/api/v1/licenses?creatorId=${creator.id}&sort=ends`, 10);
  const now = new Date();
  return (
    <Section id="creator-licenses" title={t('creators.licenses')} pages={pages} empty={t('creators.noLicenses')}>
      <ul className="license-list" aria-labelledby="creator-licenses">
        {pages.items.map((license) => (
          <LicenseItem key={license.id} license={license} handle={creator.handle} now={now} headingLevel={3} />
        ))}
      </ul>
      <p>
        <Link to={`/licenses?creatorId=${creator.id}`}>{t('creators.allLicenses')}</Link>
      </p>
    </Section>
  );
}

function CreatorRequests({ creator }: { creator: Creator }) {
  const { t } = useI18n();
  const pages = usePages<RightsRequest>(`/api/v1/rights-requests?creatorId=${creator.id}`, 10);
  return (
    <Section id="creator-requests" title={t('creators.requests')} pages={pages} empty={t('requests.empty')}>
      <ul className="request-list" aria-labelledby="creator-requests">
        {pages.items.map((r) => (
          <RequestItem key={r.id} request={r} handle={creator.handle} onChange={pages.replace} />
        ))}
      </ul>
    </Section>
  );
}
