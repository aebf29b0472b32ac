import { useApi } from '../api/api-context';
import type { Creator, Page } from '../api/api-types';
import { useLoad } from '../ui/use-load';

/** Creators for pickers and names on cards: the newest 200, which a brand's roster fits in. */
export function useCreators() {
  const api = useApi();
  return useLoad(async () => (await api.get<Page<Creator>>('/api/v1/creators?limit=200')).items, [api]);
}
