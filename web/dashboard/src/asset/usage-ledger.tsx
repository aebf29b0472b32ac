import { useApi } from '../api/api-context';
import type { Page, Usage } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { reasonSentence } from '../i18n/reason-sentence';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { useLoad } from '../ui/use-load';

/** Every pull of this asset's files, granted or refused, newest first: where it is live. */
export function UsageLedger({ assetId }: { assetId: string }) {
  const api = useApi();
  const i18n = useI18n();
  const { t, label, dateTime, country } = i18n;
  const usages = useLoad(() => api.get<Page<Usage>>(`/api/v1/usage?assetId=${assetId}&limit=50`), [api, assetId]);
  return (
    <section className="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('usage.title')}</h2>
      <ErrorAlert error={usages.error} />
      {usages.data && usages.data.items.length === 0 && <p className="empty">{t('usage.empty')}</p>}
      {usages.data && usages.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('usage.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.when')}</th>
                <th scope="col">{t('usage.outcome')}</th>
                <th scope="col">{t('usage.channel')}</th>
                <th scope="col">{t('usage.territory')}</th>
                <th scope="col">{t('usage.campaign')}</th>
                <th scope="col">{t('usage.license')}</th>
              </tr>
            </thead>
            <tbody>
              {usages.data.items.map((u) => (
                <tr key={u.id}>
                  <td>{dateTime(u.at)}</td>
                  <td>
                    <Badge tone={toneOf(u.outcome)}>{label('outcome', u.outcome)}</Badge>
                    {u.reasons.length > 0 && (
                      <span className="reasons">
                        {' '}
                        {u.reasons.map((r) => reasonSentence(i18n, r, { channel: u.channel, territory: u.territory })).join(' ')}
                      </span>
                    )}
                  </td>
                  <td>{label('channel', u.channel)}</td>
                  <td>{country(u.territory)}</td>
                  <td>{u.campaign ?? '—'}</td>
                  <td>{u.licenseId ? <Link to={`/licenses/${u.licenseId}`}>{t('rights.openLicense')}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
