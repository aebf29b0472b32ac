import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { Creator, CreatorPageLink } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { endFromLastDay, localDate } from '../licenses/license-timing';
import { linkEndText } from '../requests/link-end';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';
import { creatorError, isForbidden } from './creator-error';

/** The API's own limits for a page link (core/creator-page/creator-page-link.ts): its default and longest life. */
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/**
 * The creator's own page: what they see there, a link to make (optionally until a chosen last
 * day), shown with a copy button and until when it works, and revoking it. The API shows a link
 * only when it is made; a new one stops every earlier one, so "make it again" is how to send it
 * again.
 */
export function CreatorPageLinkSection({ creator, onForbidden }: { creator: Creator; onForbidden: () => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [lastDay, setLastDay] = useState('');
  const [link, setLink] = useState<CreatorPageLink | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [dayError, setDayError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const today = new Date();
  const latest = new Date(today.getFullYear(), today.getMonth(), today.getDate() + MAX_DAYS - 1);

  const refused = (err: unknown) => {
    if (isForbidden(err)) return onForbidden();
    setNote({ text: creatorError(t, err), error: true });
  };

  const make = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    setDayError(undefined);
    if (lastDay && (lastDay < localDate(new Date()) || lastDay > localDate(latest))) {
      setDayError(lastDay < localDate(new Date()) ? t('pageLink.pastDay') : t('pageLink.tooLate', { max: MAX_DAYS }));
      return;
    }
    setBusy(true);
    try {
      const made = await api.send<CreatorPageLink>('POST', `/api/v1/creators/${creator.id}/page-link`, lastDay ? { expiresAt: endFromLastDay(lastDay) } : {});
      setLink(made);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'expires_in_past') setDayError(t('pageLink.pastDay'));
      else if (err instanceof ApiError && err.code === 'expires_too_late') setDayError(t('pageLink.tooLate', { max: MAX_DAYS }));
      else if (err instanceof ApiError && err.status === 422) setDayError(t('pageLink.badDay'));
      else refused(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    setNote(null);
    try {
      await api.send('DELETE', `/api/v1/creators/${creator.id}/page-link`);
      setLink(null);
      setNote({ text: t('pageLink.revoked'), error: false });
    } catch (err) {
      refused(err);
    }
  };

  return (
    <section className="creator-page" aria-labelledby="creator-page-heading">
      <h3 id="creator-page-heading">{t('pageLink.title')}</h3>
      <p>{t('pageLink.explained')}</p>
      <form className="page-link-form" onSubmit={make} noValidate>
        <Field label={t('pageLink.lastDay')} hint={t('pageLink.lastDayHint', { days: DEFAULT_DAYS, max: MAX_DAYS })} error={dayError}>
          <input type="date" value={lastDay} min={localDate(today)} max={localDate(latest)} onChange={(e) => setLastDay(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('pageLink.making') : link ? t('pageLink.makeAgain') : t('pageLink.make')}
        </button>
      </form>
      <p role="status" className="saved-status">
        {link ? t('pageLink.ready', { date: linkEndText(i18n, link.expiresAt) }) : note && !note.error ? note.text : ''}
      </p>
      {link && (
        <div className="page-link">
          <a href={link.url} target="_blank" rel="noreferrer" className="request-url">
            {link.url}
          </a>
          <CopyButton text={link.url} label={t('pageLink.copy')} />
        </div>
      )}
      <ConfirmButton
        className="page-link-revoke"
        label={t('pageLink.revoke')}
        explained={t('pageLink.revokeExplained')}
        question={t('pageLink.revokeQuestion')}
        warning={t('pageLink.revokeWarning')}
        yes={t('pageLink.revokeYes')}
        yesBusy={t('pageLink.revoking')}
        no={t('pageLink.revokeNo')}
        onConfirm={revoke}
      />
      {note?.error && (
        <p className="field-error" role="alert">
          {note.text}
        </p>
      )}
    </section>
  );
}
