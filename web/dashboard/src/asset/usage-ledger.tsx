import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { Page, Usage } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { reasonSentence } from '../i18n/reason-sentence';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { useLoad } from '../ui/use-load';
import { DisclosureSection } from './disclosure-section';

const LIMIT = 50;
/** Rows shown until "show all": the latest pulls say where it is live now. */
const LATEST = 5;

/**
 * Every pull of this asset's files, granted or refused, newest first: where it is live. A
 * closed section with the count in its heading; opened, the latest few rows and "show all".
 */
export function UsageLedger({ assetId }: { assetId: string }) {
  const api = useApi();
  const i18n = useI18n();
  const { t, label, dateTime, country, number } = i18n;
  const usages = useLoad(() => api.get<Page<Usage>>(`/api/v1/usage?assetId=${assetId}&limit=${LIMIT}`), [api, assetId]);
  const [all, setAll] = useState(false);
  const items = usages.data?.items ?? [];
  // Only the first page is loaded: beyond it, the count says there are more.
  const count = usages.data && `${number(items.length)}${usages.data.nextCursor ? '+' : ''}`;
  const shown = all ? items : items.slice(0, LATEST);
  return (
    <DisclosureSection id="usage" title={t('usage.title')} count={count}>
      <ErrorAlert error={usages.error} />
      {usages.data && items.length === 0 && <p className="empty">{t('usage.empty')}</p>}
      {items.length > 0 && (
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
              {shown.map((u) => (
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
      {items.length > LATEST && (
        <button type="button" className="link-button show-all" onClick={() => setAll(!all)}>
          {all ? t('usage.showLatest', { n: number(LATEST) }) : t('usage.showAll', { n: count || '' })}
        </button>
      )}
    </DisclosureSection>
  );
}
