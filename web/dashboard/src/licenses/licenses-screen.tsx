import { useMemo } from 'react';
import type { License } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { addressFilters } from '../lists/address-filters';
import { ListCount, LoadMore } from '../lists/load-more';
import { Link } from '../routing/router';
import { Screen } from '../ui/screen';
import { usePages } from '../ui/use-pages';
import { LicenseItem } from './license-item';
import { LICENSE_FILTERS, LicenseListFilters } from './license-list-filters';

const PAGE_SIZE = 24;

/** Every license, searchable and filtered by state, channel, territory and creator, a page at a time; each opens its editor. */
export function LicensesScreen({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { apiQuery, set } = addressFilters('/licenses', query, LICENSE_FILTERS);
  const pages = usePages<License>(`/api/v1/licenses?${apiQuery}`, PAGE_SIZE);
  const creators = useCreators();
  const handles = useMemo(() => new Map((creators.data ?? []).map((c) => [c.id, c.handle])), [creators.data]);
  const now = new Date();

  return (
    <Screen
      title={t('licenses.title')}
      actions={
        <Link to="/licenses/new" className="button primary">
          {t('licenses.new')}
        </Link>
      }
    >
      <LicenseListFilters query={query} set={set} creators={creators.data ?? []} />
      <ListCount pages={pages} countKey="licenses.count" />
      {!pages.loading && pages.items.length === 0 && !pages.error && <p className="empty">{t('licenses.empty')}</p>}
      <ul className="license-list" aria-label={t('licenses.title')}>
        {pages.items.map((license) => (
          <LicenseItem key={license.id} license={license} handle={license.creatorId ? handles.get(license.creatorId) : undefined} now={now} />
        ))}
      </ul>
      <LoadMore pages={pages} />
    </Screen>
  );
}
