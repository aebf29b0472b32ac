import { useI18n } from '../i18n/i18n';
import type { Pages } from '../ui/use-pages';
import { ErrorAlert } from '../ui/error-alert';

/** How many are shown (a `+` while more exist), announced as it changes, and any error loading them. */
export function ListCount({ pages, countKey }: { pages: Pages<{ id: string }>; countKey: 'licenses.count' | 'creators.count' }) {
  const { t, number } = useI18n();
  return (
    <>
      <p className="result-count" role="status">
        {pages.loading && pages.items.length === 0 ? t('common.loading') : t(countKey, { n: number(pages.items.length) }) + (pages.hasMore ? '+' : '')}
      </p>
      <ErrorAlert error={pages.error} />
    </>
  );
}

/** The next page on request: a button, which keyboards and screen readers reach like any other. */
export function LoadMore({ pages }: { pages: Pages<{ id: string }> }) {
  const { t } = useI18n();
  if (!pages.hasMore || pages.items.length === 0) return null;
  return (
    <button type="button" className="load-more" onClick={pages.loadMore} disabled={pages.loading}>
      {pages.loading ? t('common.loading') : t('library.more')}
    </button>
  );
}
