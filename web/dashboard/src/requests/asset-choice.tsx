import { useApi } from '../api/api-context';
import type { ListedAsset, Page } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { assetName } from '../library/asset-card';
import { FieldGroup } from '../ui/field';
import { useLoad } from '../ui/use-load';

/** The most assets one request may name (the API's limit), and so the most listed to tick. */
const MAX_ASSETS = 100;

interface Props {
  creatorId: string;
  content: 'all' | 'assets';
  assetIds: string[];
  onContent(content: 'all' | 'assets'): void;
  onAssetIds(ids: string[]): void;
  error?: string | undefined;
}

/** What the creator is asked for: all of their content, posted and future, or assets of theirs ticked in a list. */
export function AssetChoice({ creatorId, content, assetIds, onContent, onAssetIds, error }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const assets = useLoad(
    async () => (creatorId ? api.get<Page<ListedAsset>>(`/api/v1/assets?creatorId=${encodeURIComponent(creatorId)}&limit=${MAX_ASSETS}`) : null),
    [api, creatorId],
  );
  const toggle = (id: string) => onAssetIds(assetIds.includes(id) ? assetIds.filter((a) => a !== id) : [...assetIds, id]);
  const listed = assets.data?.items ?? [];

  return (
    <FieldGroup legend={t('request.content')} error={error}>
      <label className="check">
        <input type="radio" name="request-content" checked={content === 'all'} onChange={() => onContent('all')} /> {t('request.allContent')}
      </label>
      <label className="check">
        <input type="radio" name="request-content" checked={content === 'assets'} onChange={() => onContent('assets')} />{' '}
        {t('request.chosenAssets', { n: assetIds.length })}
      </label>
      {content === 'assets' &&
        (!creatorId ? (
          <p className="hint indent">{t('request.chooseCreatorFirst')}</p>
        ) : assets.data && listed.length === 0 ? (
          <p className="hint indent">{t('request.noAssets')}</p>
        ) : (
          <ul className="asset-checks indent" aria-label={t('request.assetList')}>
            {listed.map((asset) => (
              <li key={asset.id}>
                <label className="check">
                  <input type="checkbox" checked={assetIds.includes(asset.id)} onChange={() => toggle(asset.id)} /> {assetName(asset)}
                </label>
              </li>
            ))}
          </ul>
        ))}
    </FieldGroup>
  );
}
