import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { AssetCard } from './asset-card';
import { FILTER_NAMES, LibraryFilters } from './library-filters';
import { useAssetPages } from './use-asset-pages';
import { useCreators } from './use-creators';

/** The library grid: filters, then assets newest first, loading more as the end scrolls into view. */
export function LibraryScreen({ query }: { query: URLSearchParams }) {
  const { t, number } = useI18n();
  const filterQuery = useMemo(() => {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = query.get(name);
      if (value) params.set(name, value);
    }
    return params.toString();
  }, [query]);
  const pages = useAssetPages(filterQuery);
  const creators = useCreators();
  const handles = useMemo(() => new Map((creators.data ?? []).map((c) => [c.id, c.handle])), [creators.data]);
  const sentinel = useInfiniteScroll(pages.hasMore && !pages.loading && !pages.error, pages.loadMore);

  return (
    <Screen
      title={t('library.title')}
      actions={
        <Link to="/upload" className="button primary">
          {t('library.upload')}
        </Link>
      }
    >
      <LibraryFilters query={query} creators={creators.data ?? []} />
      <p className="result-count" role="status">
        {pages.loading && pages.items.length === 0 ? t('common.loading') : t('library.count', { n: number(pages.items.length) }) + (pages.hasMore ? '+' : '')}
      </p>
      <ErrorAlert error={pages.error} />
      {!pages.loading && pages.items.length === 0 && !pages.error && <p className="empty">{t('library.empty')}</p>}
      <ul className="asset-grid" aria-label={t('library.title')}>
        {pages.items.map((asset) => (
          <AssetCard key={asset.id} asset={asset} creatorHandle={handles.get(asset.creatorId)} />
        ))}
      </ul>
      <div ref={sentinel} className="scroll-sentinel" />
      {pages.hasMore && pages.items.length > 0 && (
        // The observer does this for pointer users; the button is there for keyboards and old browsers.
        <button type="button" className="load-more" onClick={pages.loadMore} disabled={pages.loading}>
          {pages.loading ? t('common.loading') : t('library.more')}
        </button>
      )}
    </Screen>
  );
}

/** Calls `onVisible` whenever the returned element comes near the viewport while `enabled`. */
function useInfiniteScroll(enabled: boolean, onVisible: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onVisible(), { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, onVisible]);
  return ref;
}
