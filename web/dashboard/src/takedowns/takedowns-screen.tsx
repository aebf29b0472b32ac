import { useMemo } from 'react';
import { TAKEDOWN_STATUSES, type TakedownRequest, type TakedownStatus } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { navigate } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';
import { usePages } from '../ui/use-pages';
import { TakedownItem } from './takedown-item';

const isStatus = (value: string | null): value is TakedownStatus => (TAKEDOWN_STATUSES as readonly string[]).includes(value ?? '');

/**
 * Creators' takedown requests, sent from their page: open ones first, then resolved ones, each
 * a page at a time; filtered by status and creator in the address (?status=open&creatorId=…).
 * Nothing is withdrawn automatically: people decide, act on the assets, and mark it resolved.
 */
export function TakedownsScreen({ query }: { query: URLSearchParams }) {
  const { t, label } = useI18n();
  const raw = query.get('status');
  const status = isStatus(raw) ? raw : '';
  const creatorId = query.get('creatorId') ?? '';
  const creators = useCreators();

  const filter = (name: 'status' | 'creatorId', value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(next.size ? `/takedowns?${next}` : '/takedowns', { replace: true });
  };

  return (
    <Screen title={t('takedowns.title')}>
      <p className="intro">{t('takedowns.intro')}</p>
      <div className="filters takedown-filters">
        <Field label={t('takedowns.status')}>
          <select value={status} onChange={(e) => filter('status', e.target.value)}>
            <option value="">{t('takedowns.all')}</option>
            {TAKEDOWN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('takedownStatus', s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('takedowns.creator')}>
          <select value={creatorId} onChange={(e) => filter('creatorId', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {(creators.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                @{c.handle} ({c.platform})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {(status ? [status] : TAKEDOWN_STATUSES).map((s) => (
        <TakedownList key={s} status={s} creatorId={creatorId} />
      ))}
    </Screen>
  );
}

/** The requests of one status, newest first, with their count and "Load more". */
function TakedownList({ status, creatorId }: { status: TakedownStatus; creatorId: string }) {
  const { t, label, number } = useI18n();
  const path = useMemo(() => {
    const params = new URLSearchParams({ status });
    if (creatorId) params.set('creatorId', creatorId);
    return `/api/v1/takedown-requests?${params}`;
  }, [status, creatorId]);
  const pages = usePages<TakedownRequest>(path);
  const headingId = `takedowns-${status}`;
  return (
    <section className="takedown-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{label('takedownList', status)}</h2>
      <p className="result-count" role="status">
        {pages.loading && pages.items.length === 0 ? t('common.loading') : t('takedowns.count', { n: number(pages.items.length) }) + (pages.hasMore ? '+' : '')}
      </p>
      <ErrorAlert error={pages.error} />
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p className="empty">{status === 'open' ? t('takedowns.noneOpen') : t('takedowns.noneResolved')}</p>
      )}
      <ul className="request-list" aria-labelledby={headingId}>
        {pages.items.map((item) => (
          <TakedownItem key={item.id} request={item} onChange={pages.replace} />
        ))}
      </ul>
      {pages.hasMore && pages.items.length > 0 && (
        <button type="button" className="load-more" onClick={pages.loadMore} disabled={pages.loading}>
          {pages.loading ? t('common.loading') : t('takedowns.more')}
        </button>
      )}
    </section>
  );
}
