import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Page, TakedownRequest } from '../api/api-types';
import { useLoad } from '../ui/use-load';

/** Told when a takedown request changes here, so the count in the navigation follows at once. */
const CHANGED = 'dashboard:takedowns-changed';

export const announceTakedownChange = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

/** How many open ones a page holds; more are shown as "50+". */
const COUNTED = 50;

/**
 * How many takedown requests are open, for the navigation: looked up again on every screen
 * change and whenever one is resolved here. Null while unknown (or when the API cannot say).
 */
export function useOpenTakedowns(api: ApiClient, path: string): { count: number; more: boolean } | null {
  const [round, setRound] = useState(0);
  useEffect(() => {
    const again = () => setRound((r) => r + 1);
    window.addEventListener(CHANGED, again);
    return () => window.removeEventListener(CHANGED, again);
  }, []);
  const open = useLoad(async () => {
    const page = await api.get<Page<TakedownRequest>>(`/api/v1/takedown-requests?status=open&limit=${COUNTED}`);
    return { count: page.items.length, more: page.nextCursor !== null };
  }, [api, path, round]);
  return open.error ? null : (open.data ?? null);
}
