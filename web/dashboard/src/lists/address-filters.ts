import { useEffect, useState } from 'react';
import { navigate } from '../routing/router';

/** Typing waits for a pause before the address (and with it the list) changes. */
const SEARCH_DELAY_MS = 300;

/**
 * The filters of a list screen live in its address (`/licenses?state=expiring&q=ola`), so a
 * view can be shared and survives reload. Returns the query string of the named filters, to
 * pass to the API, and a setter that rewrites the address without new history.
 */
export function addressFilters(base: string, query: URLSearchParams, names: readonly string[]) {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  // Read from the address at the moment of setting, not from `query`: a search written after a
  // typing pause must not undo a filter chosen during the pause.
  const set = (changes: Record<string, string>) => {
    const now = window.location.search.slice(1);
    const next = new URLSearchParams(now);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (next.toString() !== now) navigate(next.size ? `${base}?${next}` : base, { replace: true });
  };
  return { apiQuery: params.toString(), set };
}

/** The search box's text, written to the address as `q` once typing pauses. */
export function useSearchText(query: URLSearchParams, set: (changes: Record<string, string>) => void) {
  const [text, setText] = useState(query.get('q') ?? '');
  useEffect(() => {
    const timer = setTimeout(() => set({ q: text.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // `set` is new each render; the text alone decides when to write.
  }, [text]);
  return [text, setText] as const;
}
