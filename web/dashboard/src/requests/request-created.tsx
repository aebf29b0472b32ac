import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { CopyButton } from '../ui/copy-button';
import { linkEndText } from './link-end';

/** A request just made: the creator's link and the message to paste, each with a copy button. */
export function RequestCreated({ request, onAnother }: { request: RightsRequest; onAnother: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p className="alert alert-ok" role="status">
        {t('request.created', { date: linkEndText(i18n, request.expiresAt) })}
      </p>
      <section className="card" aria-labelledby="request-link">
        <h2 id="request-link">{t('request.link')}</h2>
        <p>
          <a href={request.url} target="_blank" rel="noreferrer" className="request-url">
            {request.url}
          </a>
        </p>
        <CopyButton text={request.url} label={t('requests.copyLink')} />
      </section>
      <section className="card" aria-labelledby="request-dm">
        <h2 id="request-dm">{t('request.dmText')}</h2>
        <pre className="dm-text">{request.dmText}</pre>
        <CopyButton text={request.dmText} label={t('requests.copyMessage')} multiline />
      </section>
      <p className="button-row">
        <Link to="/requests" className="button">
          {t('request.toList')}
        </Link>
        <button type="button" onClick={onAnother}>
          {t('request.another')}
        </button>
      </p>
    </>
  );
}
