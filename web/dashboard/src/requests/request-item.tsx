import type { RightsRequest } from '../api/api-types';
import { useI18n, type I18n } from '../i18n/i18n';
import { territoryText } from '../licenses/rights-summary';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { CopyButton } from '../ui/copy-button';
import { AcceptedBy } from './accepted-by';
import { CancelRequest } from './cancel-request';
import { ResendRequest } from './resend-request';
import { linkEndText } from './link-end';
import { licenseName } from './renewal';

/**
 * One rights request in the list: whom it asks for what (for a renewal, which license it
 * extends), where it stands, and what can be done with it now (copy the link or the message,
 * cancel) or what came of it (the license, who said yes).
 */
export function RequestItem({ request, handle, onChange }: { request: RightsRequest; handle: string | undefined; onChange: (r: RightsRequest) => void }) {
  const i18n = useI18n();
  const { t, label, dateTime, number } = i18n;
  const r = request;
  const headingId = `request-${r.id}`;
  return (
    <li className="card request-item" aria-labelledby={headingId}>
      <div className="request-head">
        <h2 id={headingId}>{handle ? `@${handle}` : t('requests.unknownCreator')}</h2>
        <Badge tone={toneOf(r.status)}>{label('requestStatus', r.status)}</Badge>
      </div>
      {r.renewsLicenseId && (
        <p className="request-renewal">
          <strong>{t('requests.renewal')}</strong> ·{' '}
          <Link to={`/licenses/${r.renewsLicenseId}`}>{t('requests.renewedLicense', { license: licenseName(r.renewsLicenseId) })}</Link>
        </p>
      )}
      <dl className="terms">
        <dt>{t('requests.content')}</dt>
        <dd>{r.assetIds.length ? t('requests.assetCount', { n: number(r.assetIds.length) }) : t('requests.allContent')}</dd>
        <dt>{t('requests.terms')}</dt>
        <dd>
          {r.terms.channels.map((c) => label('channel', c)).join(', ')} · {territoryText(i18n, r.terms.territories, r.terms.excludedTerritories ?? [])}
        </dd>
        <dt>{t('requests.asked')}</dt>
        <dd>{dateTime(r.createdAt)}</dd>
        <StatusDate request={r} i18n={i18n} />
      </dl>
      {r.status === 'accepted' && <AcceptedBy request={r} />}
      {r.status === 'declined' && r.declineReason && <p className="request-outcome">{t('requests.declineReason', { reason: r.declineReason })}</p>}
      {r.status === 'pending' && (
        <div className="button-row request-actions">
          <CopyButton text={r.url} label={t('requests.copyLink')} />
          <CopyButton text={r.dmText} label={t('requests.copyMessage')} multiline />
          <ResendRequest request={r} onChange={onChange} />
          <CancelRequest request={r} onChange={onChange} />
        </div>
      )}
    </li>
  );
}

/** The date that matters for where the request stands: until when the link works, when it was answered, when it lapsed. */
function StatusDate({ request: r, i18n }: { request: RightsRequest; i18n: I18n }) {
  const { t, dateTime } = i18n;
  const [term, when] =
    r.status === 'pending'
      ? [t('requests.expires'), linkEndText(i18n, r.expiresAt)]
      : r.status === 'expired'
        ? [t('requests.expired'), dateTime(r.expiresAt)]
        : r.answeredAt && (r.status === 'accepted' || r.status === 'declined')
          ? [t('requests.answered'), dateTime(r.answeredAt)]
          : [null, null];
  if (!term) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{when}</dd>
    </>
  );
}
