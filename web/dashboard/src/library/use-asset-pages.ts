import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import type { ListedAsset, Page } from '../api/api-types';

const PAGE_SIZE = 24;

export interface AssetPages {
  items: ListedAsset[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore(): void;
}

/**
 * The library a page at a time (the API's cursor), starting over when the filters change.
 * A page requested for older filters is dropped when it arrives.
 */
export function useAssetPages(filterQuery: string): AssetPages {
  const api = useApi();
  const [items, setItems] = useState<ListedAsset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (after: string | null, replace: boolean) => {
      const mine = generation.current;
      inFlight.current = true;
      setLoading(true);
      try {
        const params = new URLSearchParams(filterQuery);
        params.set('limit', String(PAGE_SIZE));
        if (after) params.set('cursor', after);
        const page = await api.get<Page<ListedAsset>>(`/api/v1/assets?${params}`);
        if (mine !== generation.current) return;
        setItems((old) => (replace ? page.items : [...old, ...page.items]));
        setCursor(page.nextCursor);
        setHasMore(page.nextCursor !== null);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) {
          inFlight.current = false;
          setLoading(false);
        }
      }
    },
    [api, filterQuery],
  );

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    setItems([]);
    setHasMore(true);
    void fetchPage(null, true);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!inFlight.current && cursor) void fetchPage(cursor, false);
  }, [cursor, fetchPage]);

  return { items, hasMore, loading, error, loadMore };
}
