import { useMemo } from 'react';
import { RIGHTS_REQUEST_STATUSES, type RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { Link, navigate } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';
import { usePages } from '../ui/use-pages';
import { RequestItem } from './request-item';

const isStatus = (value: string | null): value is RightsRequest['status'] => (RIGHTS_REQUEST_STATUSES as readonly string[]).includes(value ?? '');

/** Rights requests, newest first, filtered by status in the address (?status=pending), a page at a time. */
export function RequestsScreen({ query }: { query: URLSearchParams }) {
  const { t, label, number } = useI18n();
  const raw = query.get('status');
  const status = isStatus(raw) ? raw : '';
  const pages = usePages<RightsRequest>(status ? `/api/v1/rights-requests?status=${status}` : '/api/v1/rights-requests');
  const creators = useCreators();
  const handles = useMemo(() => new Map((creators.data ?? []).map((c) => [c.id, c.handle])), [creators.data]);

  return (
    <Screen
      title={t('requests.title')}
      actions={
        <Link to="/requests/new" className="button primary">
          {t('requests.new')}
        </Link>
      }
    >
      <div className="filters request-filters">
        <Field label={t('requests.status')}>
          <select value={status} onChange={(e) => navigate(e.target.value ? `/requests?status=${e.target.value}` : '/requests', { replace: true })}>
            <option value="">{t('requests.all')}</option>
            {RIGHTS_REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('requestStatus', s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="result-count" role="status">
        {pages.loading && pages.items.length === 0 ? t('common.loading') : t('requests.count', { n: number(pages.items.length) }) + (pages.hasMore ? '+' : '')}
      </p>
      <ErrorAlert error={pages.error} />
      {!pages.loading && !pages.error && pages.items.length === 0 && <p className="empty">{t('requests.empty')}</p>}
      <ul className="request-list" aria-label={t('requests.title')}>
        {pages.items.map((request) => (
          <RequestItem key={request.id} request={request} handle={handles.get(request.creatorId)} onChange={pages.replace} />
        ))}
      </ul>
      {pages.hasMore && pages.items.length > 0 && (
        <button type="button" className="load-more" onClick={pages.loadMore} disabled={pages.loading}>
          {pages.loading ? t('common.loading') : t('requests.more')}
        </button>
      )}
    </Screen>
  );
}
