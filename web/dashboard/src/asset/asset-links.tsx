import { useApi } from '../api/api-context';
import type { ApiClient } from '../api/api-client';
import type { Asset } from '../api/api-types';
import { assetName } from '../library/asset-card';
import { Link } from '../routing/router';
import { useLoad } from '../ui/use-load';

/**
 * Asset titles already asked for, per signed-in client: a list naming the same asset in many
 * rows asks once. Titles do not change, so nothing expires.
 */
const titles = new WeakMap<ApiClient, Map<string, Promise<Asset | null>>>();

function assetOnce(api: ApiClient, id: string): Promise<Asset | null> {
  let known = titles.get(api);
  if (!known) titles.set(api, (known = new Map()));
  let asset = known.get(id);
  if (!asset) known.set(id, (asset = api.get<Asset>(`/api/v1/assets/${id}`).catch(() => null)));
  return asset;
}

/** Links to assets by their titles. */
export function AssetLinks({ ids }: { ids: string[] }) {
  const api = useApi();
  const key = ids.join(',');
  const assets = useLoad(() => Promise.all(ids.map((id) => assetOnce(api, id))), [api, key]);
  return (
    <>
      {ids.map((id, i) => {
        const asset = assets.data?.[i];
        return (
          <Link key={id} to={`/assets/${id}`} className="asset-link">
            {asset ? assetName(asset) : id.slice(0, 8)}
          </Link>
        );
      })}
    </>
  );
}
