import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import type { Page } from '../api/api-types';

export interface Pages<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore(): void;
  /** Puts a changed item (the API's answer to an action on it) in place of the one with its id. */
  replace(item: T): void;
}

/**
 * A list of the API a page at a time (`{ items, nextCursor }`), starting over when `path` (with
 * its filters) changes. A page requested for an older path is dropped when it arrives.
 */
export function usePages<T extends { id: string }>(path: string, pageSize = 20): Pages<T> {
  const api = useApi();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = generation.current;
      inFlight.current = true;
      setLoading(true);
      try {
        const url = new URL(path, window.location.origin);
        url.searchParams.set('limit', String(pageSize));
        if (after) url.searchParams.set('cursor', after);
        const page = await api.get<Page<T>>(`${url.pathname}${url.search}`);
        if (mine !== generation.current) return;
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
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
    [api, path, pageSize],
  );

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    setItems([]);
    setCursor(null);
    void fetchPage(null);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!inFlight.current && cursor) void fetchPage(cursor);
  }, [cursor, fetchPage]);
  const replace = useCallback((item: T) => setItems((old) => old.map((o) => (o.id === item.id ? item : o))), []);

  return { items, hasMore: cursor !== null, loading, error, loadMore, replace };
}
