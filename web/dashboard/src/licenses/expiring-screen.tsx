import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { License, Page } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { AssetLinks } from '../asset/asset-links';
import { Link } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { daysLeft } from './license-timing';
import { territoryText } from './rights-summary';

const WINDOWS = [7, 30, 90];

/**
 * Licenses ending soon, soonest first, each with where its content is live now (granted pulls
 * from the usage ledger): the campaigns to pause or renew before the end. Each offers to ask
 * its creator for a renewal.
 */
export function ExpiringScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t, label, dateTime, country, number } = i18n;
  const [days, setDays] = useState(30);
  const licenses = useLoad(() => api.get<Page<License>>(`/api/v1/licenses?expiringWithinDays=${days}&limit=200`), [api, days]);
  const now = new Date();

  return (
    <Screen title={t('expiring.title')}>
      <div className="filters">
        <Field label={t('expiring.window')}>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {t('expiring.days', { n: d })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorAlert error={licenses.error} />
      {licenses.data && licenses.data.items.length === 0 && <p className="empty">{t('expiring.empty')}</p>}
      <ul className="expiring-list">
        {licenses.data?.items.map((license) => (
          <li key={license.id} className="card">
            <h2 id={`expiring-${license.id}`}>
              <Link to={`/licenses/${license.id}`}>
                {t('expiring.endsIn', { when: i18n.inDays(daysLeft(license.endsAt!, now)), date: dateTime(license.endsAt!) })}
              </Link>
            </h2>
            <p>
              {license.channels.map((c) => label('channel', c)).join(', ')} · {territoryText(i18n, license.territories, license.excludedTerritories)}
            </p>
            <p>
              {license.assetIds.length > 0 && (
                <>
                  {t('expiring.assets')} <AssetLinks ids={license.assetIds} />
                </>
              )}
              {license.creatorId && t('expiring.creatorWide')}
            </p>
            {license.status !== 'revoked' && (
              <p className="button-row">
                {/* Described by its heading: a screen reader's list of links tells one license's from another's. */}
                <Link to={`/requests/new?renewsLicenseId=${license.id}`} className="button" aria-describedby={`expiring-${license.id}`}>
                  {t('expiring.askToRenew')}
                </Link>
              </p>
            )}
            {(license.liveUsages ?? []).length === 0 ? (
              <p className="empty">{t('expiring.noLiveUsage')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('expiring.toPause')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('usage.asset')}</th>
                      <th scope="col">{t('usage.campaign')}</th>
                      <th scope="col">{t('usage.channel')}</th>
                      <th scope="col">{t('usage.territory')}</th>
                      <th scope="col">{t('expiring.lastPulled')}</th>
                      <th scope="col">{t('expiring.pulls')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {license.liveUsages!.map((u) => (
                      <tr key={`${u.assetId}-${u.campaign}-${u.channel}-${u.territory}`}>
                        <td>
                          <AssetLinks ids={[u.assetId]} />
                        </td>
                        <td>{u.campaign ?? '—'}</td>
                        <td>{label('channel', u.channel)}</td>
                        <td>{country(u.territory)}</td>
                        <td>{dateTime(u.lastPulledAt)}</td>
                        <td>{number(u.pulls)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Screen>
  );
}
