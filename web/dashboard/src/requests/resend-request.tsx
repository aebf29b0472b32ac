import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { actionError } from './action-error';

/**
 * Makes a new link for a pending request (the earlier one stops working: sent to the wrong
 * person, or lost); the row then shows the new link and message to copy.
 */
export function ResendRequest({ request, onChange }: { request: RightsRequest; onChange: (request: RightsRequest) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  const resend = async () => {
    setBusy(true);
    setNote(null);
    try {
      onChange(await api.send<RightsRequest>('POST', `/api/v1/rights-requests/${request.id}/resend`, {}));
      setNote({ text: t('requests.resent'), error: false });
    } catch (err) {
      setNote({ text: actionError(t, err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cancel-request">
      <button type="button" onClick={resend} disabled={busy}>
        {t('requests.resend')}
      </button>
      {note && (
        <p className={note.error ? 'field-error' : 'saved-status'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </div>
  );
}
