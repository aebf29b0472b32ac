import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';

/**
 * Who said yes and how (on their page with name and e-mail, or by replying the hashtag), and
 * the license their yes created.
 */
export function AcceptedBy({ request }: { request: RightsRequest }) {
  const { t, dateTime } = useI18n();
  const evidence = request.evidence;
  return (
    <p className="request-outcome">
      {evidence?.method === 'link' && t('requests.acceptedBy', { name: evidence.name, email: evidence.email, date: dateTime(evidence.acceptedAt) })}
      {evidence?.method === 'hashtag' &&
        t('requests.acceptedByReply', { author: evidence.comment.author, text: evidence.comment.text, date: dateTime(evidence.acceptedAt) })}
      {evidence?.method === 'erased' && t('requests.acceptedErased', { date: dateTime(evidence.acceptedAt) })}{' '}
      {request.licenseId && <Link to={`/licenses/${request.licenseId}`}>{t('requests.openLicense')}</Link>}
    </p>
  );
}
