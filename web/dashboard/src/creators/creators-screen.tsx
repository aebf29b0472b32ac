import type { Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { addressFilters } from '../lists/address-filters';
import { ListCount, LoadMore } from '../lists/load-more';
import { Link } from '../routing/router';
import { Screen } from '../ui/screen';
import { usePages } from '../ui/use-pages';
import { CREATOR_FILTERS, CreatorListFilters } from './creator-list-filters';
import { isErased, percentText } from './creator-form';

const PAGE_SIZE = 24;

/** The creators: found by handle, filtered by platform and tier, ordered, a page at a time; each opens their profile. */
export function CreatorsScreen({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { apiQuery, set } = addressFilters('/creators', query, CREATOR_FILTERS);
  const pages = usePages<Creator>(`/api/v1/creators?${apiQuery}`, PAGE_SIZE);
  const known = useCreators();

  return (
    <Screen title={t('creators.title')}>
      <CreatorListFilters query={query} set={set} known={known.data ?? []} />
      <ListCount pages={pages} countKey="creators.count" />
      {!pages.loading && pages.items.length === 0 && !pages.error && <p className="empty">{t('creators.empty')}</p>}
      <div className="table-scroll">
        <table className="data-table creator-table">
          <caption className="visually-hidden">{t('creators.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('creator.handle')}</th>
              <th scope="col">{t('creator.platform')}</th>
              <th scope="col">{t('creator.followers')}</th>
              <th scope="col">{t('creators.tier')}</th>
              <th scope="col">{t('creators.engagement')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((c) => (
              <CreatorRow key={c.id} creator={c} />
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore pages={pages} />
    </Screen>
  );
}

function CreatorRow({ creator }: { creator: Creator }) {
  const { t, label, number } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={`/creators/${creator.id}`}>{isErased(creator) ? t('creators.erased') : `@${creator.handle}`}</Link>
      </th>
      <td>{creator.platform}</td>
      <td>{number(creator.followers)}</td>
      <td>{label('tier', creator.tier)}</td>
      <td>{creator.engagementRate === null ? '—' : `${number(Number(percentText(creator.engagementRate)))} %`}</td>
    </tr>
  );
}
