import { useApi } from '../api/api-context';
import type { Asset, License } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { useLoad, type Loaded } from '../ui/use-load';

/** The license a renewal asks to extend, and the creator asked: the license's own, or for a license over assets, theirs. */
export interface Renewal {
  license: License;
  creatorId: string;
}

/** Loads the license `?renewsLicenseId=` names and finds whom to ask (a license over assets names no creator: its assets do). */
export function useRenewal(licenseId: string): Loaded<Renewal> {
  const api = useApi();
  return useLoad(async () => {
    const license = await api.get<License>(`/api/v1/licenses/${encodeURIComponent(licenseId)}`);
    const firstAsset = license.assetIds[0];
    const creatorId = license.creatorId ?? (firstAsset ? (await api.get<Asset>(`/api/v1/assets/${encodeURIComponent(firstAsset)}`)).creatorId : '');
    return { license, creatorId };
  }, [api, licenseId]);
}

/** A short name for a license, which has no title: the start of its id. */
export const licenseName = (id: string): string => id.slice(0, 8);

/** Says at the top of the form that this request renews a license, which one, when it ends, and what acceptance does. */
export function RenewalNote({ license }: { license: License }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="alert alert-info renewal-note">
      <p>
        <strong>
          {license.endsAt
            ? t('renewal.of', { license: licenseName(license.id), date: dateTime(license.endsAt) })
            : t('renewal.ofPerpetual', { license: licenseName(license.id) })}
        </strong>{' '}
        <Link to={`/licenses/${license.id}`}>{t('renewal.openLicense')}</Link>
      </p>
      <p>{t('renewal.how')}</p>
    </div>
  );
}
