/**
 * How long to wait before fetching the gallery again: the response's max-age, which the API
 * cuts to the earliest license end among the items, so an item leaves the page when its license
 * ends. Never sooner than MIN_S (a gallery about to change answers max-age=0 for its last
 * second), and DEFAULT_S when the response says nothing.
 */
const MIN_S = 2;
const DEFAULT_S = 300;

export function refreshDelayMs(cacheControl: string | null): number {
  const maxAge = /max-age=(\d+)/.exec(cacheControl || '');
  return Math.max(MIN_S, maxAge ? Number(maxAge[1]) : DEFAULT_S) * 1000;
}
